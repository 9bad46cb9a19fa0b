"""The meeting, without a UI: what the persona answers, the simulated clock, events, endings.

Functions over a ``Session``: they read each thing the learner says, picks the persona's answer
group from the reading's topic, advances the clock (words at a speaking rate plus the time a
real answer takes), fires scripted events, warns near the end, and ends the meeting when the
learner wraps up, time runs out, or patience is gone.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from simulator.conversation import inputs as inp
from simulator.conversation.judgement import answer_group
from simulator.conversation.machine import Stage
from simulator.conversation.meters import apply, effect

if TYPE_CHECKING:
    from simulator.content.models import MeetingEvent
    from simulator.conversation.session import Session

WORDS_PER_MINUTE_SPOKEN = 130
TURN_OVERHEAD_MINUTES = 0.3
ANSWER_MINUTES = 2.5
"""A substantive answer takes a busy person a couple of minutes to give."""
SHORT_REPLY_MINUTES = 0.5


def open_meeting(s: Session, minutes: int) -> None:
    s.granted = minutes
    s.values["minutes"] = minutes
    s.minute = 0.0
    s._record("meeting", "event", "meeting_start", "", granted=minutes)
    s._say("meeting", "meeting_open")


def goodbye_group(s: Session) -> str:
    return "goodbye_warm" if s.meters.rapport >= 40 else "goodbye_cool"


def on_say(s: Session, item: inp.Say) -> None:
    context = s._context("meeting")
    s._record(
        "meeting",
        "learner",
        "say",
        item.text,
        input=inp.to_dict(item),
        context=context.to_dict(),
    )
    reading = s._read(item.text, "meeting", context)
    s.minute += reading.words / WORDS_PER_MINUTE_SPOKEN
    before = s.meters
    s.meters = apply(s.meters, effect(reading, s.persona, meeting=True))
    s._meters_event("meeting", before)
    if reading.wraps_up:
        end_meeting(s, "wrap_up", goodbye_group(s))
        return
    group = answer_group(reading)
    turn = s._say("meeting", group, topic=reading.topic)
    spoken = ANSWER_MINUTES if group.startswith("answer_") else SHORT_REPLY_MINUTES
    s.minute += max(spoken, _spoken_minutes(turn.text)) + TURN_OVERHEAD_MINUTES
    run_events(s)
    check_meeting_end(s)


def run_events(s: Session) -> None:
    meeting = s.scenario.stages.meeting
    assert meeting is not None
    for index, event in enumerate(meeting.events):
        at = event_minute(s.seed, index, event)
        if index in s.fired or at > s.minute or s.state is not Stage.meeting:
            continue
        s.fired.add(index)
        s._say("meeting", event.line_group, "interruption", event=index)
        s.minute += event.minutes
        if event.ends_meeting:
            end_meeting(s, "interrupted", "goodbye_interrupted")
            return


def event_minute(seed: int, index: int, event: MeetingEvent) -> int:
    """The minute an event happens: its ``at``, or a minute drawn from its ``between``
    window by the session's seed (its own stream: the persona's choices are untouched)."""
    if event.at is not None:
        return event.at
    first, last = event.between or (1, 1)
    return random.Random(f"{seed}/event/{index}").randint(first, last)


def check_meeting_end(s: Session) -> None:
    meeting = s.scenario.stages.meeting
    assert meeting is not None
    if s.state is not Stage.meeting:
        return  # an interruption already ended it
    if s.is_patience_exhausted():
        end_meeting(s, "patience", "end_early")
    elif s.is_out_of_time():
        end_meeting(s, "out_of_time", "out_of_time")
    elif not s.warned and s.minutes_left() <= meeting.warn_at_remaining:
        s.warned = True
        s.values["remaining"] = max(1, round(s.minutes_left()))
        s._say("meeting", "time_warning", "time_warning")


RESUME_ASK_RAPPORT = 70
"""Rapport at which a persona with an ``asks_for_resume`` group asks for the resume
(see lines.OPTIONAL_GROUPS)."""


def end_meeting(s: Session, reason: str, group: str) -> None:
    s._say("meeting", group, "goodbye")
    if (
        reason == "wrap_up"
        and group == "goodbye_warm"
        and s.meters.rapport >= RESUME_ASK_RAPPORT
        and s.persona.lines.get("asks_for_resume")
    ):
        s._say("meeting", "asks_for_resume")  # sets resume_requested (Session._say)
    s._record(
        "meeting",
        "event",
        "meeting_end",
        "",
        reason=reason,
        granted=s.granted,
        used=round(s.minute, 2),
    )
    trigger = {
        "patience": s.lose_patience,
        "out_of_time": s.run_out_of_time,
    }.get(reason, s.wrap_up)
    trigger()


def _spoken_minutes(text: str) -> float:
    return len(text.split()) / WORDS_PER_MINUTE_SPOKEN
