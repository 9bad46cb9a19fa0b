"""A resume is a pitch only when nobody asked for it: the persona's ask changes the reading."""

from __future__ import annotations

from simulator.content import Library, Script
from simulator.conversation.scripted import run_script
from simulator.grading import grade

MEETING = [
    "Thanks for making the time. How did you get into this work?",
    "What skills matter most for someone starting out?",
    "Is there anyone else you'd recommend I talk to?",
    "I want to respect your time, so I'll wrap up there. Thank you!",
]
THANKS = (
    "Thank you for the time today. You mentioned learning SQL deeply first; I am going to "
    "start that this week. I've attached my resume."
)
ASK = (
    "Hi, a former colleague suggested I reach out. I'm moving from accounting into data "
    "work and would love to learn how you made a similar move. Could I have 15 minutes by "
    "phone in the next few weeks, whenever suits you? Thank you."
)


def play(scenario_id: str, seed: int = 1):
    bundle = Library().load(scenario_id)
    script = Script.model_validate(
        {
            "outreach": {"subject": "15 minutes?", "body": ASK},
            "meeting": MEETING,
            "thank_you": {"after_hours": 6, "body": THANKS},
        }
    )
    session = run_script(bundle, script, seed).session
    return session, grade(session.transcript, bundle.scenario, session.lexicon)


def test_after_the_persona_asks_the_resume_in_the_thank_you_is_fine() -> None:
    for seed in (1, 2, 3):
        session, report = play("warm-intro-hiring-manager", seed)
        asked = [t for t in session.transcript.turns if t.data.get("group") == "asks_for_resume"]
        assert len(asked) == 1, "a warm, on-time meeting ends with the manager asking"
        thanks = next(t for t in session.transcript.turns if t.stage == "thank_you")
        assert thanks.data["context"]["resume_requested"] is True
        assert "resume_attached" not in report.finding_ids()
        assert report.passed


def test_without_an_ask_the_same_note_is_a_pitch() -> None:
    session, report = play("review-season-cold-email")
    assert not any(t.data.get("group") == "asks_for_resume" for t in session.transcript.turns)
    finding = next(f for f in report.findings if f.signal == "resume_attached")
    assert finding.stage == "thank_you" and "resume" in finding.quote
