"""Interruptions an author writes: a seeded minute in a window, and one that ends the meeting.

Main moves an interruption given ``at`` a couple of minutes by seed; issue 14 adds a
``between`` window (the minute drawn from the seed, never outside the window) and
``ends_meeting``. Both must survive together.
"""

from __future__ import annotations

from typing import Any

import pytest

from simulator.content import Bundle, Library
from simulator.conversation import inputs as inp
from simulator.conversation.meeting import EVENT_JITTER, seeded_events
from simulator.conversation.session import Session
from simulator.grading import grade

from .test_scenario_owned import LEARNERS

QUESTIONS = (
    "What drew you to leading a school?",
    "What does exam week ask of you?",
    "Which skills matter most for a new teacher?",
    "What would you do differently starting out?",
    "How has the job changed in recent years?",
    "Who else should I talk to?",
)


@pytest.fixture(scope="module")
def library() -> Library:
    return Library()


def test_a_window_gives_a_seeded_minute_inside_it(library: Library) -> None:
    scenario = library.load("nurse-flu-season").scenario
    assert scenario.stages.meeting is not None
    window = scenario.stages.meeting.events[0].between
    assert window == (4, 9)
    minutes = [seeded_events(scenario, seed)[0].at for seed in range(80)]
    assert all(m is not None and window[0] <= m <= window[1] for m in minutes)
    assert len(set(minutes)) > 3, "the seed should move the minute around the window"
    assert seeded_events(scenario, 17) == seeded_events(scenario, 17)


def test_a_fixed_minute_still_moves_a_little_by_seed(library: Library) -> None:
    scenario = library.load("review-season-meeting").scenario
    assert scenario.stages.meeting is not None
    written = scenario.stages.meeting.events[0].at
    assert written is not None
    minutes = {seeded_events(scenario, seed)[0].at for seed in range(80)}
    assert minutes <= set(range(written - EVENT_JITTER, written + EVENT_JITTER + 1))
    assert len(minutes) > 1


def _talk_until_the_meeting_ends(bundle: Bundle, seed: int) -> Session:
    outreach: dict[str, Any] = LEARNERS["principal-exam-week"]["good"]["outreach"]
    session = Session(bundle, seed)
    session.send(inp.Outreach(subject=outreach.get("subject", ""), body=outreach["body"]))
    assert session.stage.name == "meeting", "the good learner's call should be accepted"
    for question in QUESTIONS * 3:
        if session.stage.name != "meeting":
            break
        session.send(inp.Say(text=question))
    return session


@pytest.mark.parametrize("seed", [1, 5, 9])
def test_an_ending_interruption_ends_the_meeting_without_credit_or_blame(
    library: Library, seed: int
) -> None:
    bundle = library.load("principal-exam-week")
    session = _talk_until_the_meeting_ends(bundle, seed)
    turns = session.transcript.turns
    end = next(t for t in turns if t.kind == "meeting_end")
    assert end.data["reason"] == "interrupted"
    groups = [t.data.get("group") for t in turns if t.kind == "interruption"]
    assert groups[-1] == "fire_drill"
    assert session.stage.name == "thank_you"  # the session goes on to the thank-you
    found = grade(session.transcript, bundle.scenario, session.lexicon).finding_ids()
    assert not {"ended_on_time", "kept_to_time", "meeting_overrun", "past_hard_stop"} & set(
        found
    ), found
