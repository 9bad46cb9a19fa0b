"""Wordings the reader was not tuned on: misses colleagues reported, and the general shapes
behind them (inflections, frames), each checked with a hard negative beside it."""

from __future__ import annotations

import pytest

from simulator.reading import read
from simulator.reading.matcher import stem

from .conftest import pitched


def test_wanting_to_be_considered_is_a_pitch_even_without_for() -> None:
    assert pitched("Hi Sam, I'd love to be considered.")
    assert pitched("I'd really like to be considered if a spot frees up on your team.")


@pytest.mark.parametrize(
    "text",
    [
        "Your point on the pay equity panel has stayed with me.",
        "I keep thinking about your comments on the hybrid-work panel last month.",
        "What you said on the podcast about calibration meetings changed how I see reviews.",
    ],
)
def test_a_remark_from_their_panel_or_podcast_is_personal(text: str) -> None:
    assert read(text, "outreach").has("personalized")


def test_getting_from_one_field_into_theirs_is_a_career_path_question() -> None:
    reading = read("How did you get from teaching into HR?", "meeting")
    assert reading.topic == "career_path"


@pytest.mark.parametrize(
    "text",
    [
        "What mistakes should I avoid?",
        "What missteps should a newcomer steer clear of?",
        "What kind of entry point would make sense for someone with my profile?",
    ],
)
def test_asking_what_to_avoid_or_where_to_start_is_asking_for_advice(text: str) -> None:
    reading = read(text, "meeting")
    assert reading.topic == "advice"
    assert not pitched(text, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "Could you put in a good word with the hiring manager for me?",
        "Would you be comfortable passing my name to the hiring manager?",
        "Could you flag my application to the recruiter handling that search?",
        "I'd love an introduction to your hiring manager.",
    ],
)
def test_asking_to_be_routed_to_whoever_hires_is_a_referral_or_bypass(text: str) -> None:
    reading = read(text, "meeting")
    assert reading.has("referral_for_role") or reading.has("bypass_application")
    assert reading.topic == "pitch"


@pytest.mark.parametrize(
    "text",
    [
        "Should I pass my resume to a recruiter directly, or apply online?",
        "How did your team handle adding new hires during the pandemic?",
        "How can I get an interview for a role in HR without direct experience?",
        "How has the work shifted since remote teams became common?",
        "What's the best way to pass my resume to a recruiter at a company where I know nobody?",
        "Can you tell me how you interview for the position of HR generalist?",
        "Is it worth flagging my application to a recruiter when I apply somewhere new?",
        "How do hiring managers at larger firms usually decide who to bring on as interns?",
    ],
)
def test_questions_about_hiring_in_general_are_not_pitches(text: str) -> None:
    # Not a pitch; a topic only from a phrase or the model, never guessed from who the
    # question is about (issue 12: a guessed topic never credits a line about hiring).
    reading = read(text, "meeting")
    assert not pitched(text, "meeting")
    assert reading.topic != "pitch"


@pytest.mark.parametrize(
    "text",
    [
        "Is your company bringing on any new HR staff this year?",
        "Is there any chance I could interview for a position with you?",
        "I'd fit right in here; is there any way I could get an interview?",
    ],
)
def test_asking_for_a_place_or_an_interview_in_other_words_is_a_pitch(text: str) -> None:
    assert pitched(text, "meeting")


def test_a_quarter_of_an_hour_is_a_short_ask_not_an_hour() -> None:
    reading = read("Would you have a quarter of an hour for a call next week?", "outreach")
    assert reading.has("bounded_time_ask") and not reading.has("long_time_ask")
    assert reading.time_ask is not None and reading.time_ask.minutes == 15


def test_asking_questions_for_a_set_time_is_a_bounded_ask() -> None:
    text = "Could I ask you a few questions about your path for about fifteen minutes?"
    assert read(text, "outreach").has("bounded_time_ask")


def test_over_coffee_without_a_length_is_open_ended() -> None:
    assert read("Maybe we could talk over coffee sometime?", "outreach").has("open_ended_time_ask")


def test_what_someone_at_their_level_earns_is_a_salary_question() -> None:
    reading = read("Roughly what does someone at your level earn?", "meeting")
    assert reading.topic == "salary"


def test_a_doubled_consonant_before_ing_or_ed_folds_to_the_plain_word() -> None:
    assert stem("flagging") == stem("flagged") == stem("flag")
    assert stem("getting") == stem("get")
    assert stem("passing") == stem("pass")  # a double s is part of the word
    assert stem("calling") == stem("call")
