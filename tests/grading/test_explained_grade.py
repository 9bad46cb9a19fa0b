"""A grade that explains itself: findings with rule, quote, turn and a rewrite; blockers."""

from __future__ import annotations

import json
from typing import Any

from simulator.content import Bundle, Script
from simulator.conversation.scripted import run_script
from simulator.core.transcript import Transcript
from simulator.grading import grade, report_text, to_json

GOOD: dict[str, Any] = {
    "outreach": {
        "subject": "15 minutes on moving into HR?",
        "body": (
            "Hi, I heard you on the pay transparency panel. I'm moving from operations into HR "
            "and would love to learn how you made a similar move. I know review season is busy: "
            "could I have 15 minutes by phone in the next few weeks? Thank you."
        ),
    },
    "meeting": [
        "How did you get into HR?",
        "Are you hiring for any coordinator roles?",
        "Is there anyone else you'd recommend I talk to?",
        "I want to respect your time, so I'll wrap up there.",
    ],
    "thank_you": {
        "after_hours": 6,
        "body": "Thank you! You mentioned payroll; I plan to shadow ours.",
    },
}


def play(bundle: Bundle, raw: dict[str, Any]) -> tuple[Any, Any]:
    result = run_script(bundle, Script.model_validate(raw), 2)
    return result.session, grade(result.session.transcript, bundle.scenario)


def test_asking_for_a_job_in_the_meeting_is_a_blocker(cold_email: Bundle) -> None:
    _, report = play(cold_email, GOOD)
    assert not report.passed
    assert any(b.startswith("asks about openings") for b in report.blockers)
    assert "blocker" in report.verdict


def test_each_finding_has_rule_quote_turn_and_a_rewrite(cold_email: Bundle) -> None:
    session, report = play(cold_email, GOOD)
    turns = {t.n: t for t in session.transcript.turns}
    pitch = next(f for f in report.findings if f.signal == "asks_about_openings")
    assert pitch.rule and pitch.tip and pitch.rewrite
    assert pitch.stage == "meeting"
    said = turns[pitch.turn].text
    assert said[pitch.start : pitch.end] == pitch.quote
    text = report_text(report)
    assert "Are you hiring" in text and "e.g." in text


def test_criteria_list_the_findings_that_moved_them(cold_email: Bundle) -> None:
    _, report = play(cold_email, GOOD)
    data = report.to_dict()
    for key in (
        "score",
        "passed",
        "pass_mark",
        "verdict",
        "outcome",
        "blockers",
        "criteria",
        "findings",
        "tips",
    ):
        assert key in data
    no_pitch = data["criteria"]["no_pitch"]
    assert {"name", "weight", "score", "base", "findings"} <= set(no_pitch)
    moved = [data["findings"][i]["signal"] for i in no_pitch["findings"]]
    assert "asks_about_openings" in moved
    assert no_pitch["score"] == max(
        0,
        min(
            100, no_pitch["base"] + sum(data["findings"][i]["points"] for i in no_pitch["findings"])
        ),
    )


def test_regrading_a_saved_transcript_reproduces_the_report(cold_email: Bundle) -> None:
    session, report = play(cold_email, GOOD)
    saved = json.loads(json.dumps(session.transcript.to_dict()))
    again = grade(Transcript.from_dict(saved), cold_email.scenario)
    assert to_json(again.to_dict()) == to_json(report.to_dict())


def test_outcome_is_told_in_words(cold_email: Bundle) -> None:
    _, report = play(cold_email, GOOD)
    assert any("minutes" in line for line in report.outcome)
