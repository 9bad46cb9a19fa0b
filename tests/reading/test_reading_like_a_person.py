"""The reader reads like a person: case, contractions, inflection, negation, scope, stage."""

from __future__ import annotations

import pytest

from simulator.reading import read

from .conftest import pitched


@pytest.mark.parametrize(
    "text",
    [
        "ARE YOU HIRING?",
        "Are there any openings?",
        "Is there an opening on your team?",
        "Do you have open roles?",
        "Any open positions right now?",
        "I’m very interested in working for your company.",  # curly apostrophe
        "I am very interested in working for your company.",
    ],
)
def test_case_contractions_and_inflections_fold(text: str) -> None:
    assert pitched(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm not looking for a job.",
        "I am not asking about openings.",
        "I'm not asking for a job or a referral.",
        "People told me not to send a resume, so I haven't.",
        "A mentor told me you should never ask whether a team is hiring.",
        "Even if you had openings, I'd rather learn about the work.",
    ],
)
def test_negation_hypotheticals_and_reported_advice_cancel(text: str) -> None:
    assert not pitched(text)


def test_negation_stays_in_its_clause() -> None:
    assert pitched("I'm not sure of the etiquette, but are you hiring?")
    assert pitched("I don't want to bother you, but do you have any openings?")


def test_a_whole_message_in_quotes_is_still_said() -> None:
    assert pitched('"It is my dream to work for you. Are you hiring?"')


def test_words_about_the_personas_role_are_not_a_pitch() -> None:
    for text in (
        "What does the day-to-day look like in this role?",
        "How did you choose this company or position over others?",
        "What skills are essential to success in your role?",
        "What's it like working at your company?",
    ):
        assert not pitched(text, "meeting"), text


def test_pitches_without_job_words_are_caught() -> None:
    for text in (
        "I'd be able to contribute on day one.",
        "Let me find out if there's a place I would fit in.",
        "I'd love to be part of your team.",
    ):
        assert pitched(text), text


def test_contacts_are_good_and_routing_for_a_role_is_a_pitch() -> None:
    good = read("Who else would you suggest I talk to?", "meeting")
    assert good.has("asks_for_contacts") and good.topic == "contacts"
    bad = read("Could you introduce me to the hiring manager for the opening?", "meeting")
    assert bad.has("referral_for_role") and not bad.has("asks_for_contacts")
    assert bad.topic == "pitch"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("How did you first get into HR?", "career_path"),
        ("What does a normal week look like for you?", "day_to_day"),
        ("What would you do in my shoes?", "advice"),
        ("How is the profession changing?", "industry"),
        ("Which kinds of organisations should I look at?", "companies"),
        ("What qualities make a good HR generalist?", "skills"),
        ("Is there anyone else I should speak with?", "contacts"),
        ("How much do you earn?", "salary"),
        ("How many employees does your company have?", "googleable"),
        ("Are you hiring for my kind of background?", "pitch"),
    ],
)
def test_meeting_questions_map_to_topics(text: str, topic: str) -> None:
    assert read(text, "meeting").topic == topic


def test_topic_only_in_meetings() -> None:
    assert read("How did you get into HR?", "outreach").topic is None


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Could I have 15 minutes?", 15),
        ("Would you have fifteen minutes for a call?", 15),
        ("Could we do 15-20 min by phone?", 20),
        ("Could we do 15–20 minutes by phone?", 20),
        ("Any chance of ~20m on a call?", 20),
        ("Would a quick 20-minute call work?", 20),
        ("Could I borrow half an hour of your time?", 30),
        ("Could we meet for an hour?", 60),
        ("Could we grab lunch next week?", 60),
        ("Would 20-ish minutes work sometime in January?", 20),
        ("If 20 minutes by phone is easier than coffee, that works too.", 20),
        ("I'm still hoping for the 15-minute call I mentioned in my last note.", 15),
        ("Could I grab a few minutes of your time, maybe 10, to hear about the work?", 10),
    ],
)
def test_time_asks_in_their_usual_shapes(text: str, minutes: int) -> None:
    reading = read(text, "outreach")
    assert reading.time_ask is not None and reading.time_ask.minutes == minutes
    expected = "bounded_time_ask" if minutes <= 30 else "long_time_ask"
    assert reading.has(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Could we grab coffee sometime?",
        "I'd love to pick your brain.",
        "Would love to set up some time to chat when you have a moment.",
        # "A few minutes" names no number the reader could plan around.
        "Could I have a few minutes of your time to ask about audiology?",
        "Would you have a couple of minutes for a call next week?",
        "Would a few-minute call work?",
    ],
)
def test_meeting_requests_without_a_duration_are_open_ended(text: str) -> None:
    reading = read(text, "outreach")
    assert reading.has("open_ended_time_ask")
    assert reading.time_ask is not None and reading.time_ask.minutes is None


@pytest.mark.parametrize(
    "text",
    [
        "I spent an hour on your blog last night; thank you for it.",
        "I know you only have a few minutes between patients, so I'll be brief.",
    ],
)
def test_a_duration_that_is_not_an_ask_is_ignored(text: str) -> None:
    assert read(text, "outreach").time_ask is None


def test_wrap_up_is_noticed() -> None:
    assert read("I want to respect your time, so I'll stop there.", "meeting").wraps_up
    assert not read("What does your week look like?", "meeting").wraps_up


def test_spans_point_into_the_original_text() -> None:
    text = "Hi Ana — I’m very interested in working for your company. Are you hiring?"
    for signal in read(text, "outreach").signals:
        assert text[signal.start : signal.end] == signal.quote


def test_reading_is_deterministic_and_bounded() -> None:
    text = "Are you hiring? " * 3000
    first, second = read(text, "outreach"), read(text, "outreach")
    assert first == second
    assert len(first.text) <= 20_000
