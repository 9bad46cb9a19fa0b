"""Which meeting lines must carry intent (issue 13): a closing "Thanks." is not a non-attempt.

A meeting is a conversation, so a short polite line beside real questions costs nothing;
a meeting of nothing but short lines is still a non-attempt that scores under 40.
"""

from __future__ import annotations

from typing import Any

import pytest

from simulator.content import Library
from simulator.content.models import Script
from simulator.conversation.scripted import run_script
from simulator.grading import Report, grade

QUESTIONS = [
    "How did you move from generalist work into total rewards?",
    "What does a typical week look like during review season?",
    "Which skills would you build first if you were starting out in HR today?",
]


def play(meeting: list[str]) -> Report:
    bundle = Library().load("review-season-meeting")
    session = run_script(bundle, Script.model_validate({"meeting": meeting}), 1).session
    return grade(session.transcript, bundle.scenario, session.lexicon)


def report_turns(closing: str) -> list[Any]:
    bundle = Library().load("review-season-meeting")
    script = Script.model_validate({"meeting": [*QUESTIONS, closing]})
    session = run_script(bundle, script, 1).session
    return [t for t in session.transcript.turns if t.who == "learner" and t.kind == "say"]


def relationship(report: Report) -> int | None:
    return next(c.score for c in report.criteria if c.id == "relationship")


@pytest.mark.parametrize(
    "closing", ["Thanks.", "Thank you, this was really helpful.", "Cheers!", "Bye."]
)
def test_a_polite_closing_line_costs_nothing(closing: str) -> None:
    without = play(QUESTIONS)
    report = play([*QUESTIONS, closing])
    said = [t.text for t in report_turns(closing)]
    assert said[-1] == closing  # the closing line was really said in the meeting
    assert "no_intent" not in report.finding_ids()
    closed, plain = relationship(report), relationship(without)
    assert closed is not None and plain is not None
    assert closed >= plain
    assert report.score >= without.score - 2, report.criteria  # a line's minute, at most


def test_a_short_reply_mid_meeting_costs_nothing() -> None:
    report = play([QUESTIONS[0], "ok", *QUESTIONS[1:]])
    assert "no_intent" not in report.finding_ids()


def test_a_meeting_of_only_empty_lines_is_still_a_non_attempt() -> None:
    report = play(["Bye.", "ok", "Thanks."])
    assert report.score < 40, report.criteria
    assert not report.passed
    assert [f.turn for f in report.findings if f.signal == "no_intent"]  # each line named
