"""The meeting clock, without a UI: simulated minutes, scripted events and the warning.

A ``Session`` owns one ``MeetingClock``. The clock knows nothing of the session: it
adds the time the learner's words and the persona's answers take (words at a speaking
rate, plus the time a real answer takes), says which scripted events are due, when to
warn that time is nearly up, and whether the granted time is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.content.models import MeetingEvent

WORDS_PER_MINUTE_SPOKEN = 130
TURN_OVERHEAD_MINUTES = 0.3
ANSWER_MINUTES = 2.5
"""A substantive answer takes a busy person a couple of minutes to give."""
SHORT_REPLY_MINUTES = 0.5


def spoken_minutes(text: str) -> float:
    """How long saying ``text`` aloud takes, in minutes."""
    return len(text.split()) / WORDS_PER_MINUTE_SPOKEN


@dataclass
class MeetingClock:
    """Minutes used of the minutes granted, with the events and warning already given."""

    granted: int = 0
    minute: float = 0.0
    warned: bool = False
    fired: set[int] = field(default_factory=set)
    """Indexes of the scenario's meeting events that already happened."""

    def open(self, minutes: int) -> None:
        """Start the meeting with ``minutes`` granted."""
        self.granted = minutes
        self.minute = 0.0

    def learner_spoke(self, words: int) -> None:
        """The learner said ``words`` words."""
        self.minute += words / WORDS_PER_MINUTE_SPOKEN

    def persona_answered(self, text: str, *, substantive: bool) -> None:
        """The persona answered with ``text`` (a real answer takes a couple of minutes)."""
        least = ANSWER_MINUTES if substantive else SHORT_REPLY_MINUTES
        self.minute += max(least, spoken_minutes(text)) + TURN_OVERHEAD_MINUTES

    def is_due(self, index: int, event: MeetingEvent) -> bool:
        """Whether scripted event ``index`` has not happened yet and its minute has come."""
        return index not in self.fired and event.at <= self.minute

    def event_happened(self, index: int, event: MeetingEvent) -> None:
        """Record a scripted event and the minutes it took."""
        self.fired.add(index)
        self.minute += event.minutes

    def minutes_left(self) -> float:
        """Granted minutes not used yet (0 when over)."""
        return max(0.0, self.granted - self.minute)

    def is_out_of_time(self) -> bool:
        """Whether the granted time is used up."""
        return bool(self.granted and self.minute >= self.granted)

    def warning_due(self, warn_at_remaining: int) -> bool:
        """Whether to warn now that time is nearly up (once per meeting)."""
        return not self.warned and self.minutes_left() <= warn_at_remaining
