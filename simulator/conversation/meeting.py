"""The meeting clock, without a UI: simulated minutes, scripted events and the warning.

A ``Session`` owns one ``MeetingClock``. The clock knows nothing of the session: it
adds the time the learner's words and the persona's answers take (words at a speaking
rate, plus the time a real answer takes), says which scripted events are due, when to
warn that time is nearly up, and whether the granted time is used.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from simulator.content.models import MeetingEvent, Scenario

WORDS_PER_MINUTE_SPOKEN = 130
TURN_OVERHEAD_MINUTES = 0.3
ANSWER_MINUTES = 2.5
"""A substantive answer takes a busy person a couple of minutes to give."""
SHORT_REPLY_MINUTES = 0.5
EXCHANGE_MINUTES = ANSWER_MINUTES + TURN_OVERHEAD_MINUTES
"""What one more question and its answer usually take."""


def spoken_minutes(text: str) -> float:
    """How long saying ``text`` aloud takes, in minutes."""
    return len(text.split()) / WORDS_PER_MINUTE_SPOKEN


def event_minute(seed: int, index: int, event: MeetingEvent) -> int:
    """The minute an event happens: its ``at``, or a minute drawn from its ``between``
    window by the session's seed (its own stream: the persona's choices are untouched)."""
    if event.at is not None:
        return event.at
    first, last = event.between or (1, 1)
    return random.Random(f"{seed}/event/{index}").randint(first, last)


@dataclass
class MeetingClock:
    """Minutes used of the minutes granted, with the events and warning already given."""

    granted: int = 0
    minute: float = 0.0
    warned: bool = False
    interrupted: float = 0.0
    """Minutes scripted interruptions took: the persona's, never charged to the learner."""
    ended_by_interruption: bool = False
    """An interruption used up the last of the granted time."""
    unsaid: float = 0.0
    """Minutes the learner's cut-off monologues would still have taken."""
    fired: set[int] = field(default_factory=set)
    """Indexes of the scenario's meeting events that already happened."""
    seed: int = 1
    """The session's seed: it draws the minute of an event given a ``between`` window."""

    def open(self, minutes: int) -> None:
        """Start the meeting with ``minutes`` granted."""
        self.granted = minutes
        self.minute = 0.0

    def learner_spoke(self, words: int, *, patience_words: int | None = None) -> bool:
        """The learner said ``words`` words; True when the persona cut in at its patience.

        A persona listens to ``patience_words`` at most before it cuts in: only those cost
        time, and the rest is kept as what the learner would have taken."""
        heard = words if patience_words is None else min(words, patience_words)
        self.minute += heard / WORDS_PER_MINUTE_SPOKEN
        self.unsaid += (words - heard) / WORDS_PER_MINUTE_SPOKEN
        return heard < words

    def persona_answered(self, text: str, *, substantive: bool) -> None:
        """The persona answered with ``text`` (a real answer takes a couple of minutes)."""
        least = ANSWER_MINUTES if substantive else SHORT_REPLY_MINUTES
        self.minute += max(least, spoken_minutes(text)) + TURN_OVERHEAD_MINUTES

    def is_due(self, index: int, event: MeetingEvent) -> bool:
        """Whether scripted event ``index`` has not happened yet and its minute has come."""
        return index not in self.fired and event_minute(self.seed, index, event) <= self.minute

    def event_happened(self, index: int, event: MeetingEvent) -> None:
        """Record a scripted event and the minutes it took (never more than are left)."""
        self.fired.add(index)
        taken = min(float(event.minutes), self.minutes_left())
        self.minute += taken
        self.interrupted += taken
        self.ended_by_interruption = self.is_out_of_time()

    def minutes_left(self) -> float:
        """Granted minutes not used yet (0 when over)."""
        return max(0.0, self.granted - self.minute)

    def is_out_of_time(self) -> bool:
        """Whether the granted time is used up."""
        return bool(self.granted and self.minute >= self.granted)

    def summary(self) -> dict[str, float | int | bool]:
        """What a ``meeting_end`` event records of the clock."""
        return {
            "granted": self.granted,
            "used": round(self.minute, 2),
            "interrupted": round(self.interrupted, 2),
            "by_interruption": self.ended_by_interruption,
            "asked": round(self.minute + self.unsaid, 2),
        }

    def warning_due(self, warn_at_remaining: int) -> bool:
        """Whether to warn now, before the next exchange would cross the warning line.

        A question and its answer take about ``EXCHANGE_MINUTES``: warning only once the
        line is crossed would come a turn late ("about 1 minute left" at 14.6 of 15)."""
        left = self.minutes_left()
        return not self.warned and left > 0 and left - EXCHANGE_MINUTES <= warn_at_remaining


EVENT_JITTER = 2
"""Minutes a scripted event may move either way, by seed, so retries are not identical."""


def seeded_events(scenario: Scenario, seed: int) -> list[MeetingEvent]:
    """The scenario's meeting events, each at a minute fixed by the seed (never below 1).

    An event given ``at`` moves a few minutes either way; one given a ``between`` window
    gets a minute drawn from its window (the author's range, never widened). Separate
    generators, so the persona's lines stay the same for a seed either way."""
    meeting = scenario.stages.meeting
    if meeting is None:
        return []
    rng = random.Random(f"events-{seed}")
    seeded: list[MeetingEvent] = []
    for index, e in enumerate(meeting.events):
        if e.at is None:
            minute = event_minute(seed, index, e)
        else:
            minute = max(1, e.at + rng.randint(-EVENT_JITTER, EVENT_JITTER))
        seeded.append(e.model_copy(update={"at": minute, "between": None}))
    return seeded
