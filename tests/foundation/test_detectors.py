"""The first reader's required detectors, each with a hit and a hard negative."""

from __future__ import annotations

import pytest

from simulator.reading import Context, read


@pytest.mark.parametrize(
    ("signal", "text", "context"),
    [
        ("resume_attached", "Hello there.", Context(attachments=("resume.pdf",))),
        ("resume_attached", "I've attached my resume for your review.", Context()),
        ("resume_offered", "Happy to send my resume if that helps.", Context()),
        ("job_pitch", "I'm very interested in working for your company.", Context()),
        ("asks_about_openings", "Are there any openings on your team?", Context()),
        ("bounded_time_ask", "Could I have 15 minutes by phone?", Context()),
        ("bounded_time_ask", "Would a quick 20-minute call work?", Context()),
        ("open_ended_time_ask", "I'd love to pick your brain sometime.", Context()),
        ("long_message", "word " * 200, Context(max_words=150)),
        ("gratitude", "Thank you for considering this.", Context()),
    ],
)
def test_detects(signal: str, text: str, context: Context) -> None:
    reading = read(text, "outreach", context)
    assert reading.has(signal), reading.ids()


@pytest.mark.parametrize(
    ("signal", "text", "context"),
    [
        ("resume_attached", "Hello there.", Context(attachments=("portfolio-link.txt",))),
        ("resume_offered", "I'll send my notes.", Context()),
        ("job_pitch", "I'm not asking for a job, and I am not looking for a job.", Context()),
        ("asks_about_openings", "I'm not asking about openings at all.", Context()),
        ("bounded_time_ask", "I'd love to chat sometime.", Context()),
        ("open_ended_time_ask", "Could I have 15 minutes by phone?", Context()),
        ("long_message", "word " * 80, Context(max_words=150)),
        ("gratitude", "Could I have 15 minutes?", Context()),
    ],
)
def test_does_not_detect(signal: str, text: str, context: Context) -> None:
    reading = read(text, "outreach", context)
    assert not reading.has(signal), reading.ids()


def test_resume_offered_after_the_persona_asked_is_fine() -> None:
    reading = read(
        "Happy to send my resume, as you asked.", "thank_you", Context(resume_requested=True)
    )
    assert not reading.has("resume_offered")


def test_quote_and_span_point_at_the_words() -> None:
    text = "Hi! Could we do a quick 15-minute call next week?"
    signal = read(text).first("bounded_time_ask")
    assert signal is not None
    assert text[signal.start : signal.end] == signal.quote
    assert "15" in signal.quote


def test_meeting_questions_get_topics() -> None:
    assert read("How did you get into HR?", "meeting").topic == "career_path"
    assert read("What does a typical week look like?", "meeting").topic == "day_to_day"
    assert read("Are you hiring?", "meeting").topic == "pitch"
    assert read("How much do you make?", "meeting").topic == "salary"


def test_a_question_read_by_who_it_is_about_is_credited_as_that_question() -> None:
    # No lexicon phrase says "advise", but the question is plainly asking for advice:
    # the persona answers it as advice, so the reading must carry the advice signal too.
    reading = read("Thanks. What would you advise someone moving from operations?", "meeting")
    assert reading.topic == "advice"
    signal = reading.first("question_advice")
    assert signal is not None
    assert signal.quote == "What would you advise someone moving from operations?"
