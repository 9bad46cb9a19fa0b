"""Why-them said as a plain fact, time asks in loose shapes, and purpose that is only an ask.

Sixth round of issue 12. A busy reader hears a reason to write to them when the sender
names who sent them ("my uncle says you run the permits desk"), a shared past ("we met
briefly at the planning meetup") or what is admired about their work in other words. A
vague request for time is open-ended however it is phrased, and it says nothing of what
the sender wants to learn, so it earns no "clear purpose".
"""

from __future__ import annotations

import pytest

from simulator.reading import read

TIME = " Could I have 15 minutes by phone next week?"


def ids(text: str, stage: str = "outreach") -> set[str]:
    """The signal ids the reader finds in ``text``."""
    return set(read(text, stage).ids())


@pytest.mark.parametrize(
    "reason",
    [
        "My brother-in-law tells me you built the apprenticeship scheme at the shipyard.",
        "A former classmate of yours said you mentor new surveyors every spring.",
        "I learned from a neighbour that you are the head brewer at the taproom on Fifth.",
        "We met briefly at the coastal planning meetup in April.",
        "I'm also a Tulane civil engineering grad, a few years behind you.",
        "My old lecturer, who worked with you at the museum, suggested I write.",
    ],
)
def test_a_reason_said_as_a_plain_fact_is_why_them(reason: str) -> None:
    assert "personalized" in ids(reason + TIME)


@pytest.mark.parametrize(
    "plain",
    [
        "You said you would be busy until March, so I'm checking back now.",
        "Do any colleagues of yours work in compliance?",
        # praise of an organisation in general says nothing about this person
        "I've heard great things about your organisation.",
        "Everyone says your bakery is the place to work.",
        "I'm a second-year apprentice electrician in Leeds.",
    ],
)
def test_no_reason_is_not_why_them(plain: str) -> None:
    assert "personalized" not in ids(plain)


@pytest.mark.parametrize(
    "ask",
    [
        "Would it be possible to speak briefly next month?",
        "I would welcome the chance to arrange a meeting with you.",
        "Could we connect and chat after your busy season?",
        "I'd be grateful for any time you could offer.",
        "A phone call at whatever length suits you would be a gift.",
        "Free for a coffee after your shift one day?",
        "Please let me know if we could meet at some point this spring.",
        "I would value a short call to talk through the certification.",
    ],
)
def test_an_ask_with_no_length_is_open_ended(ask: str) -> None:
    found = ids("Hi Priya, I'm moving from retail into logistics planning. " + ask)
    assert "open_ended_time_ask" in found
    assert "bounded_time_ask" not in found


def test_a_lunch_break_is_not_an_hour_asked_for() -> None:
    text = "If you ever have a lunch break free and don't mind a call, even 10 minutes would help."
    found = ids(text)
    assert "long_time_ask" not in found
    assert "bounded_time_ask" in found


def test_lunch_itself_is_still_a_long_ask() -> None:
    assert "long_time_ask" in ids("Could we meet over lunch next week?")


@pytest.mark.parametrize(
    ("text", "bounded"),
    [
        ("Could we do a quick 15 on Zoom next week?", True),
        ("Would you have 15-20 min next week?", True),
        ("Could you spare 10 mins on Teams sometime?", True),
        ("Would half an hour work for you next week?", True),
        ("Would a short call of 15 minutes next week be possible?", True),
        ("I spent 15 minutes reading your post on bridge inspections.", False),
        ("Thanks for the 15 minutes yesterday, it cleared a lot up.", False),
    ],
)
def test_shorthand_durations_and_durations_that_ask_nothing(text: str, bounded: bool) -> None:
    assert ("bounded_time_ask" in ids(text)) is bounded


VAGUE = (
    "Hi Dana, I'm a nursing student at Tech. "
    "I would love to pick your brain over coffee sometime. Best, Kim"
)


def test_a_vague_ask_earns_no_clear_purpose() -> None:
    found = ids(VAGUE)
    assert "open_ended_time_ask" in found
    assert "clear_purpose" not in found


def test_an_ask_that_names_what_to_learn_keeps_the_credit() -> None:
    named = VAGUE.replace("sometime.", "sometime about how you moved into informatics.")
    found = ids(named)
    assert "clear_purpose" in found
    assert "open_ended_time_ask" in found


def test_a_purpose_in_its_own_sentence_beside_a_vague_ask_is_credited() -> None:
    text = (
        "Hi Dana, I'm a nursing student at Tech. I'd love to hear what your week on the "
        "ward looks like. Could we talk sometime? Best, Kim"
    )
    assert "clear_purpose" in ids(text)


@pytest.mark.parametrize(
    "told",
    [
        "Our weekly huddle is 15 minutes, so my updates have to be tight.",
        "I had a 10-minute chat with a hiring lead at the expo last week.",
        "The bus ride ran long, so I missed the first 20 minutes of the webinar.",
        "I'm ten minutes from your office, as it happens.",
        "I know your day is packed with 30-minute meetings.",
    ],
)
def test_a_duration_told_as_a_fact_is_no_time_ask(told: str) -> None:
    assert not {"bounded_time_ask", "long_time_ask"} & ids(told)


@pytest.mark.parametrize(
    "ask",
    [
        "I was hoping for 15 minutes by phone next week.",
        "Our huddles run 15 minutes, so could I have the same by phone next week?",
    ],
)
def test_a_duration_in_a_sentence_that_asks_still_counts(ask: str) -> None:
    assert "bounded_time_ask" in ids(ask)


@pytest.mark.parametrize(
    "reason",
    [
        "Coach Alvarez said you welded pipeline for ten years before you taught.",
        "You repaired my bike when two other shops gave up on it.",
        "You went from teaching chemistry to running a water lab.",
        "You left accounting for product design at 40.",
        "Like you, I started out as a night-shift porter.",
        "I grew up in Duluth too.",
    ],
)
def test_their_path_or_a_shared_past_said_as_a_fact_is_why_them(reason: str) -> None:
    assert "personalized" in ids(reason + TIME)


@pytest.mark.parametrize(
    "ask",
    [
        "Could I have 15 minutes to hear how you built your practice?",
        "Could we chat sometime about how you started your business?",
        "You left me a voicemail on Monday, sorry I missed it.",
        "I grew up in a small town and always wanted to build bridges.",
    ],
)
def test_a_question_about_their_path_is_not_a_reason_already_known(ask: str) -> None:
    assert "personalized" not in ids(ask)


@pytest.mark.parametrize(
    ("text", "pitch"),
    [
        (
            "I saw a job posting at your clinic and it made me curious, though I'm not applying.",
            False,
        ),
        ("Nursing informatics is a path I have considered for a while.", False),
        ("I saw a job posting for your analyst role and I'd love to apply.", True),
        ("I'd love to be considered for the analyst opening on your team.", True),
    ],
)
def test_a_posting_seen_or_a_path_considered_is_no_pitch(text: str, pitch: bool) -> None:
    assert ("job_pitch" in ids(text)) is pitch
