"""Grading: quotes, tips, N/A criteria, pass marks and blockers."""

from __future__ import annotations

from simulator.content import Bundle, Library, Script
from simulator.conversation.scripted import run_script
from simulator.grading import grade, report_markdown, report_text
from simulator.grading.html import report_html

PITCHY = {
    "outreach": {
        "subject": "Informational Interview Request",
        "body": (
            "I found your info on the company website and wanted to reach out because I'm "
            "very interested in working for your company. I've attached my resume for your "
            "review and would love to set up some time to chat when you have a moment."
        ),
        "attachments": ["resume.pdf"],
    }
}
GOOD = {
    "outreach": {
        "subject": "15 minutes on moving into HR?",
        "body": (
            "Hi, I heard you on the pay transparency panel. I'm moving from operations into "
            "HR and would love to learn how you made a similar move. I know review season is "
            "busy: could I have 15 minutes by phone in the next few weeks? Thank you."
        ),
    },
    "meeting": [
        "Thanks for making the time. How did you get into HR?",
        "What skills matter most for someone starting out?",
        "Is there anyone else you'd recommend I talk to?",
        "I want to respect your time, so I'll wrap up there.",
    ],
    "thank_you": {
        "after_hours": 8,
        "body": "Thank you! You mentioned payroll; I am going to ask to shadow our team.",
    },
}


def play(bundle: Bundle, raw: dict, seed: int = 1):
    result = run_script(bundle, Script.model_validate(raw), seed)
    return result.session, grade(result.session.transcript, bundle.scenario)


def test_pitchy_outreach_fails_no_pitch_with_quotes(cold_email: Bundle) -> None:
    _, report = play(cold_email, PITCHY)
    assert not report.passed
    no_pitch = next(c for c in report.criteria if c.id == "no_pitch")
    assert no_pitch.score is not None and no_pitch.score < 50
    quotes = {f.signal: f.quote for f in report.findings}
    assert quotes["job_pitch"] == "interested in working for"
    assert quotes["resume_attached"] == "resume.pdf"
    assert all(f.tip and f.rule for f in report.findings)


def test_criteria_never_reached_are_na_not_zero(cold_email: Bundle) -> None:
    _, report = play(cold_email, PITCHY)
    scores = {c.id: c.score for c in report.criteria}
    assert scores["questions"] is None
    assert scores["follow_through"] is None
    data = report.to_dict()
    assert data["criteria"]["questions"]["score"] is None


def test_good_session_passes_and_says_what_happened(cold_email: Bundle) -> None:
    session, report = play(cold_email, GOOD)
    assert report.passed, report_text(report)
    assert report.score >= 80
    names = session.transcript.identities
    assert any("gave you 15 minutes" in line for line in report.outcome)
    assert any(names["colleague"] in line for line in report.outcome)
    assert "ended_on_time" in report.finding_ids()


def test_blocker_fails_the_session_whatever_the_score(cold_email: Bundle) -> None:
    raw = dict(GOOD)
    raw["meeting"] = ["How did you get into HR?", "Are there any openings on your team right now?"]
    _, report = play(cold_email, raw)
    assert report.blockers
    assert not report.passed
    assert "blocker" in report.verdict


def test_regrading_a_transcript_gives_the_same_report(cold_email: Bundle) -> None:
    from simulator.conversation import Transcript

    session, report = play(cold_email, GOOD)
    copy = Transcript.from_dict(session.transcript.to_dict())
    assert grade(copy, cold_email.scenario).to_dict() == report.to_dict()


def test_renderers_escape_and_include_findings(cold_email: Bundle) -> None:
    raw = {"outreach": {"subject": "x", "body": "Are you hiring? <script>alert(1)</script>"}}
    session, report = play(cold_email, raw)
    html = report_html(report, session.transcript)
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>" in html
    markdown = report_markdown(report, session.transcript)
    assert "asks about openings" in markdown and "asks_about_openings" not in markdown


def test_quick_note_scenario_grades_only_outreach_criteria() -> None:
    bundle = Library().load("review-season-quick-note")
    _, report = play(bundle, GOOD)
    applicable = [c.id for c in report.criteria if c.score is not None and c.weight]
    assert applicable == ["respect_time", "no_pitch", "relationship"]


def test_a_meeting_without_questions_loses_the_questions_criterion(cold_email: Bundle) -> None:
    raw = dict(GOOD)
    raw["meeting"] = ["Nice to meet you.", "Great, thanks.", "I'll let you go now, thank you!"]
    _, report = play(cold_email, raw)
    questions = next(c for c in report.criteria if c.id == "questions")
    assert questions.score == 0
    finding = next(f for f in report.findings if f.signal == "no_questions")
    assert finding.tip and finding.stage == "meeting"


def test_an_outreach_that_never_earned_a_yes_cannot_pass() -> None:
    bundle = Library().load("review-season-quick-note")
    polite_but_vague = {
        "outreach": {
            "subject": "Hello",
            "body": "Hi, thank you for your work on the panel. I would love to chat sometime.",
        }
    }
    session, report = play(bundle, polite_but_vague)
    assert any(t.data.get("reply") == "silence" for t in session.transcript.turns)
    gate = next(f for f in report.findings if f.signal == "not_accepted")
    assert gate.blocker and "never replied" in gate.quote
    assert not report.passed

    rubric = bundle.scenario.rubric.model_copy(update={"require_accept": False})
    lenient = bundle.scenario.model_copy(update={"rubric": rubric})
    assert "not_accepted" not in grade(session.transcript, lenient).finding_ids()
