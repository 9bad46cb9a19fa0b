"""Every kind of pitch in a message is its own finding, quoting its own words (issue 12).

A learner who attaches a CV *and* asks for a place on the team made two mistakes; the
report names both, each with its own words, rule and tip, and the grade takes each kind
off once: never the same words twice, never the same kind twice in one message.
"""

from __future__ import annotations

from typing import Any

from simulator.content import Library
from simulator.content.models import Script
from simulator.conversation.scripted import run_script
from simulator.grading import Report, grade
from simulator.reading import PITCH_IDS, read

WHY_AND_TIME = (
    "Hi Ms. Adeyemi, your talk on night-shift staffing at the regional forum is why I am "
    "writing. Could I have 15 minutes by phone next week? Thank you either way. "
)
JOB_ASK = "I'd love to be considered for the coordinator opening on your ward."
JOB_AND_CV = (
    "I'd love to be considered for the coordinator opening, and I've enclosed my CV for you."
)


def pitches(text: str) -> list[tuple[str, str]]:
    """(signal, quote) of every pitch finding in an outreach."""
    return [(s.id, s.quote) for s in read(text, "outreach").signals if s.id in PITCH_IDS]


def test_a_job_ask_and_a_cv_in_one_sentence_are_two_findings_with_their_own_words() -> None:
    found = dict(pitches(JOB_AND_CV))
    assert set(found) == {"job_pitch", "resume_offered"}, found
    assert "CV" in found["resume_offered"] and "considered" not in found["resume_offered"]
    assert "CV" not in found["job_pitch"]


def test_a_second_kind_read_by_the_model_explains_itself() -> None:
    resume = next(s for s in read(JOB_AND_CV, "outreach").signals if s.id == "resume_offered")
    assert resume.source == "model"  # the lexicon has "be considered", not "enclosed my CV"
    assert resume.weighed and any(w in resume.quote for w in resume.weighed)
    assert resume.quote == JOB_AND_CV[resume.start : resume.end] == "I've enclosed my CV for you"


def test_an_idiom_of_fit_beside_an_attached_cv_is_its_own_finding() -> None:
    text = "I've attached my CV; I hear the crew is growing and I'd slot right in."
    found = dict(pitches(text))
    assert {"resume_attached", "job_pitch"} <= set(found), found
    assert "slot right in" in found["job_pitch"]


def test_the_same_kind_said_twice_is_one_kind_of_finding() -> None:
    text = "I've attached my CV for you, and my resume is also linked at the bottom."
    kinds = {sid for sid, _ in pitches(text)} - {"resume_attached", "resume_offered"}
    assert not kinds
    assert 1 <= len(pitches(text)) <= 2


def test_one_pitch_still_quotes_its_sentence_alone() -> None:
    assert [sid for sid, _ in pitches(JOB_ASK)] == ["job_pitch"]


def _no_pitch_score(body: str) -> tuple[int, Report]:
    bundle = Library().load("review-season-quick-note")
    script: dict[str, Any] = {"outreach": {"subject": "15 minutes on night shifts?", "body": body}}
    session = run_script(bundle, Script.model_validate(script), 1).session
    report = grade(session.transcript, bundle.scenario, session.lexicon)
    score = next(c.score for c in report.criteria if c.id == "no_pitch")
    assert score is not None
    return score, report


def test_the_grade_takes_each_kind_off_once() -> None:
    clean, _ = _no_pitch_score(WHY_AND_TIME)
    one, one_report = _no_pitch_score(WHY_AND_TIME + JOB_ASK)
    two, two_report = _no_pitch_score(WHY_AND_TIME + JOB_AND_CV)
    again, again_report = _no_pitch_score(WHY_AND_TIME + JOB_ASK + " " + JOB_ASK)
    job = next(f.points for f in one_report.findings if f.signal == "job_pitch")
    cv = next(f.points for f in two_report.findings if f.signal == "resume_offered")
    assert one == max(0, clean + job)
    assert two == max(0, clean + job + cv)  # the CV costs its own points, no more
    assert again == one  # asking twice in one message is one finding
    assert [f.signal for f in again_report.findings].count("job_pitch") == 1
