"""The grade an HR professional would sign (issue 13): evidence, blockers, the note itself.

Each test plays a whole scripted session through a built-in scenario and checks what a
learner would see: the score, the verdict and the reason stated for it.
"""

from __future__ import annotations

from typing import Any

import pytest

from simulator.content import Library
from simulator.content.models import Script
from simulator.conversation.scripted import run_script
from simulator.grading import Report, grade
from simulator.reading import signal_words

GOOD_EMAIL = {
    "subject": "15 minutes on moving from operations into HR?",
    "body": (
        "Hi, I heard you on the pay transparency panel last month and your point about "
        "ranges stayed with me. I'm moving from operations into HR and would love to learn "
        "how you made a similar move. I know review season is busy: could I have 15 minutes "
        "by phone in the next few weeks, whenever suits you? Thank you either way."
    ),
}
SPECIFIC_THANKS = (
    "Hi Jordan, thank you for the call yesterday. You suggested building one project end to "
    "end, so I'm going to take our warehouse shipment data from raw files to a scheduled "
    "daily table and write up each decision. Thanks again for your time."
)


def play(scenario: str, script: dict[str, Any], seed: int = 1) -> Report:
    bundle = Library().load(scenario)
    session = run_script(bundle, Script.model_validate(script), seed).session
    return grade(session.transcript, bundle.scenario, session.lexicon)


@pytest.mark.parametrize(
    "body",
    [
        "Hi.",
        " ".join(["15 minutes."] * 12),
        "Thanks for reaching out. Our openings are all on the careers page, and applications "
        "go through there so everyone gets the same look. Good luck with your search.",
        "Hola, me gustaría hablar con usted sobre su experiencia en recursos humanos. "
        "¿Tendría quince minutos por teléfono? Muchas gracias.",
    ],
    ids=["one-word", "stuffed", "persona-words", "another-language"],
)
def test_a_non_attempt_scores_under_40(body: str) -> None:
    report = play("review-season-quick-note", {"outreach": {"subject": "Hi", "body": body}})
    assert report.score < 40, report.criteria
    assert "no_intent" in report.finding_ids()


def test_a_1300_word_email_fails_with_a_stated_reason() -> None:
    body = GOOD_EMAIL["body"] + (" I have run the shift rota for years." * 160)
    assert len(body.split()) >= 1300
    report = play("review-season-follow-up", {"outreach": {"subject": "Re: HR", "body": body}})
    assert not report.passed
    label = signal_words("far_too_long") + ":"
    assert any(b.startswith(label) and "words" in b for b in report.blockers)


def test_a_27_minute_meeting_in_a_15_minute_slot_fails_with_a_stated_reason() -> None:
    speech = "I want to tell you all about my background in operations and people. " * 120
    meeting = [
        "How did you get into recruiting?",
        "What does a typical week look like?",
        "Which skills matter most?",
        "What advice would you give me?",
        speech,
    ]
    report = play("recruiter-after-applying", {"meeting": meeting})
    assert not report.passed
    (reason,) = [b for b in report.blockers if b.startswith(signal_words("past_hard_stop") + ":")]
    assert "of the 15 granted" in reason


def test_a_four_word_thank_you_earns_little_and_a_specific_one_full_credit() -> None:
    thin = play(
        "hiring-manager-thank-you",
        {"thank_you": {"after_hours": 3, "body": "Thanks for the chat."}},
    )
    full = play(
        "hiring-manager-thank-you", {"thank_you": {"after_hours": 3, "body": SPECIFIC_THANKS}}
    )
    thin_score, full_score = (
        {c.id: c.score for c in r.criteria}["follow_through"] for r in (thin, full)
    )
    assert (thin_score or 0) <= 30
    assert full_score == 100
    assert not thin.passed and full.passed


def test_lateness_costs_on_the_persona_curve() -> None:
    scores = []
    for hours in (3, 40, 100, 500):
        report = play(
            "hiring-manager-thank-you",
            {"thank_you": {"after_hours": hours, "body": SPECIFIC_THANKS}},
        )
        scores.append({c.id: c.score for c in report.criteria}["follow_through"] or 0)
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 4


def test_an_invented_referral_is_a_finding_with_the_seed_lesson() -> None:
    body = (
        "Hi, I spoke with Peter and Patricia on your team and they said you'd be the right "
        "person to ask about moving into HR. Could I have 15 minutes by phone? Thank you."
    )
    report = play(
        "review-season-cold-email", {"outreach": {"subject": "15 minutes?", "body": body}}
    )
    finding = next(f for f in report.findings if f.signal == "invented_referral")
    assert "Peter and Patricia" in finding.quote
    assert "name-dropping" in finding.tip
    assert "mutual_referral" not in report.finding_ids()


def test_the_real_referral_still_counts() -> None:
    body = (
        "Hi Jordan, Dana Whitfield suggested I reach out. I'm a supply-chain analyst thinking "
        "about data engineering. Could I have 15 minutes by video in the next couple of weeks?"
    )
    report = play("warm-intro-hiring-manager", {"outreach": {"subject": "From Dana", "body": body}})
    assert "mutual_referral" in report.finding_ids()
    assert "invented_referral" not in report.finding_ids()


def test_positives_are_capped_before_negatives_so_no_penalty_vanishes() -> None:
    speech = "Before my questions, let me tell you about my years in operations. " * 25
    meeting = [speech, "How did you get into HR?", "I'll let you go now. Thank you."]
    report = play("review-season-cold-email", {"outreach": GOOD_EMAIL, "meeting": meeting})
    assert "monologue" in report.finding_ids()
    time = {c.id: c for c in report.criteria}["respect_time"]
    assert time.earned > 100 and time.lost < 0
    assert time.score == 100 + time.lost
    assert time.sum_text() == f"min(100, {time.earned}) - {-time.lost} = {time.score}"


def test_a_missing_thank_you_the_scenario_asks_for_fails() -> None:
    meeting = [
        "Thank you for making time in such a busy month. How did you get into HR?",
        "What does a typical week look like for you outside review season?",
        "Who else would you suggest I talk to?",
        "I know we're almost at time, so I'll let you go. Thank you.",
    ]
    report = play("review-season-cold-email", {"outreach": GOOD_EMAIL, "meeting": meeting})
    assert not report.passed
    assert any(b.startswith(signal_words("no_thank_you") + ":") for b in report.blockers)
