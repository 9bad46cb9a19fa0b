"""The persona, believable across seeds: real names, working-day meetings, its own clock."""

from __future__ import annotations

import functools
from typing import Any

import pytest

from simulator.content import Bundle, Library
from simulator.content.models import Script
from simulator.conversation.identities import generate, is_clean_name
from simulator.conversation.scripted import run_script
from simulator.core.calendar import is_working_day, meeting_day

SEEDS = range(1000)
SAME_WORKER = pytest.mark.xdist_group("believable-1000")
"""The two 1000-seed tests read the same identities: one worker generates them once."""


@functools.cache
def _main_bundle() -> Bundle:
    return Library().load("review-season-cold-email")  # its persona's name is generated


@functools.cache
def _identities(seed: int) -> dict[str, Any]:
    """The identities ``generate`` gives the main scenario's persona for ``seed``."""
    bundle = _main_bundle()
    return generate(bundle.scenario, bundle.persona, seed)


@SAME_WORKER
def test_across_1000_seeds_no_generated_name_is_a_title() -> None:
    for seed in SEEDS:
        ids = _identities(seed)
        for key in ("persona_name", "learner_name"):
            assert is_clean_name(ids[key]), (seed, key, ids[key])
        assert ids["persona_first"] == ids["persona_name"].split()[0]


@SAME_WORKER
def test_across_1000_seeds_no_meeting_falls_on_a_weekend() -> None:
    library = Library()
    accepts = [
        line
        for persona_id in library.files("personas")
        for group in ("accept", "follow_up_accept")
        for line in library.load_persona(persona_id)[0].lines.get(group, [])
    ]
    checked: set[int] = set()  # a meeting's day depends on the seed only through its weekday
    for seed in SEEDS:
        start = int(_identities(seed)["start_weekday"])
        assert 0 <= start <= 4
        if start in checked:
            continue
        checked.add(start)
        for reply_day in range(0, 12):
            for line in accepts:
                day = meeting_day(line, reply_day, start)
                assert day > reply_day and is_working_day(day, start), (seed, line, day)


def test_the_meeting_is_on_the_day_the_reply_names() -> None:
    assert meeting_day("Thursday at 8:30, by phone?", 3, 0) == 10  # day 3 is a Thursday
    assert meeting_day("Thursday at 8:30, by phone?", 1, 0) == 3
    assert meeting_day("I can do next Tuesday morning.", 2, 0) == 8
    assert meeting_day("Yes, happy to.", 4, 0) == 8  # Friday: two working days on is Tuesday


def test_sessions_meet_on_working_days_and_events_move_with_the_seed() -> None:
    bundle = Library().load("review-season-cold-email")
    script = Script.model_validate(
        {
            "outreach": {
                "subject": "15 minutes?",
                "body": "Hi, I heard you on the pay transparency panel. I'm moving into HR. "
                "Could I have 15 minutes by phone in the next few weeks? Thank you.",
            },
            "meeting": ["How did you get into HR?", "What does a typical week look like?"] * 4,
        }
    )
    minutes = set()
    for seed in range(40):
        session = run_script(bundle, script, seed).session
        turns = session.transcript.turns
        start = next(t for t in turns if t.kind == "meeting_start")
        weekday = int(session.identities["start_weekday"])
        assert is_working_day(start.day, weekday)
        minutes |= {t.minute for t in turns if t.kind == "interruption"}
    assert len(minutes) > 2, "the interruption comes at different minutes for different seeds"


def test_the_warning_comes_before_the_line_is_crossed_and_says_1_minute() -> None:
    bundle = Library().load("review-season-meeting")
    script = Script.model_validate({"meeting": ["How did you get into HR?"] * 12})
    for seed in range(20):
        turns = run_script(bundle, script, seed).session.transcript.turns
        warning = next(t for t in turns if t.kind == "time_warning")
        assert warning.minute is not None and 20 - warning.minute > 5 - 0.01
        assert "1 minutes" not in " ".join(t.text for t in turns)


def test_an_interruption_is_never_charged_to_the_learner() -> None:
    bundle = Library().load("recruiter-after-applying")
    lines = [
        "How did you get into recruiting?",
        "What does a typical week look like?",
        "Which skills matter most?",
        "I know we're almost at time, so I'll let you go. Thank you.",
    ]
    for seed in range(10):
        session = run_script(bundle, Script.model_validate({"meeting": lines}), seed).session
        end = next(t for t in session.transcript.turns if t.kind == "meeting_end")
        assert end.data["interrupted"] <= end.data["granted"]


def test_a_redirect_mentions_a_resume_only_when_one_was_sent() -> None:
    bundle = Library().load("review-season-quick-note")
    pitch = {"outreach": {"subject": "HR roles", "body": "Hi, are you hiring for HR roles?"}}
    for seed in range(30):
        turns = run_script(bundle, Script.model_validate(pitch), seed).session.transcript.turns
        reply = next(t for t in turns if t.data.get("reply") == "redirect")
        assert "resume" not in reply.text.lower() and "as before" not in reply.text.lower()


def test_a_fresh_seed_is_drawn_unless_one_is_pinned() -> None:
    from simulator.settings import attempt_seed

    assert attempt_seed(7) == 7
    assert len({attempt_seed(None) for _ in range(20)}) > 1
