"""A finding about something missing quotes the learner's opening sentence, whole.

It used to quote the first 80 characters of the message: the subject line, the greeting
and half a sentence cut at a word ("Subject: Coffee? Hi Dana, I am ... I would"). The
learner should see their own first sentence, where the missing line belongs.
"""

from __future__ import annotations

from simulator.reading import read
from simulator.reading.manner import OPENING_LIMIT, opening
from simulator.reading.segment import prepare

EMAIL = (
    "Subject: Coffee?\n\nHi Dana,\n\nI am a recent grad who wants to understand how HR teams"
    " plan the year. Would you have 15 minutes for a call in the next few weeks?\n\nThanks,\nSam"
)


def test_no_reason_for_writing_to_them_quotes_the_first_sentence_after_the_greeting() -> None:
    signal = read(EMAIL, "outreach").first("no_why_you")
    assert signal is not None
    assert signal.quote == (
        "I am a recent grad who wants to understand how HR teams plan the year."
    )
    assert EMAIL[signal.start : signal.end] == signal.quote


def test_a_hard_wrapped_opening_is_quoted_from_the_learners_own_text() -> None:
    wrapped = "Dear Ms Park,\nI work in payroll and I am trying to learn how\ncompensation teams"
    wrapped += " set their bands. Could we talk for 15 minutes?"
    start, end = opening(prepare(wrapped))
    assert wrapped[start:end] == (
        "I work in payroll and I am trying to learn how\ncompensation teams set their bands."
    )


def test_a_very_long_opening_is_cut_at_a_word() -> None:
    text = "I " + "really " * 60 + "want to learn about your work."
    start, end = opening(prepare(text))
    assert end - start <= OPENING_LIMIT
    assert text[end - 1] != " " and text[end] == " "


def test_text_with_no_sentence_falls_back_to_its_start() -> None:
    assert opening(prepare("Hi Dana,")) == (0, 8)


def test_a_semicolon_does_not_end_the_quoted_opening() -> None:
    text = "I moved from retail to payroll; now I want to learn comp. Could we talk for 15 minutes?"
    start, end = opening(prepare(text))
    assert text[start:end] == "I moved from retail to payroll; now I want to learn comp."
