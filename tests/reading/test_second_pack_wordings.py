"""Wordings the second pack's panel (nurse, principal, lab head, engineer) showed missing.

A plain "I'll give you the rest of your time back" ends a meeting; a go-between named
between commas is still a claimed referral; and a referral invented in a meeting-only
scenario (no outreach to carry it) is still found.
"""

from __future__ import annotations

import pytest

from simulator.reading import read
from simulator.reading.model import Context


@pytest.mark.parametrize(
    "line",
    [
        "That's my list; I'll give you the rest of your time back. Thank you.",
        "That's everything I hoped to ask, so thank you.",
        "I'll give you your time back now. Thanks.",
        "I'll end there so you can get back to your grant. Thank you.",
    ],
)
def test_handing_back_the_time_is_a_wrap_up(line: str) -> None:
    assert read(line, "meeting").wraps_up


def test_asking_about_the_time_they_have_is_not_a_wrap_up() -> None:
    assert not read("How do you find time for your list of projects?", "meeting").wraps_up


NOBODY = Context(referrers=())
SUPERVISOR = Context(referrers=("your supervisor",))


def test_a_go_between_named_between_commas_is_invented_when_nobody_sent_the_learner() -> None:
    text = "Your deputy head, Mrs Helen Clarke, told me to ring you. Could I have 15 minutes?"
    assert "invented_referral" in read(text, "outreach", NOBODY).ids()


def test_the_real_go_between_between_commas_is_not_invented() -> None:
    text = "Our friend, Dana, suggested I write to you. Could I have 15 minutes by phone?"
    ids = read(text, "outreach", Context(referrers=("Dana",))).ids()
    assert "invented_referral" not in ids


def test_a_referral_invented_in_the_meeting_is_found() -> None:
    line = "Henrik Aas and Mei Tanaka both told me you were the person to ask about a PhD."
    assert "invented_referral" in read(line, "meeting", SUPERVISOR).ids()


def test_the_real_referrer_named_in_the_meeting_is_fine() -> None:
    line = "My supervisor suggested I ask you how you moved into a PhD."
    assert "invented_referral" not in read(line, "meeting", SUPERVISOR).ids()


def test_naming_the_real_go_between_is_a_reason_for_writing() -> None:
    text = (
        "Hello Marisol, Dana from the gym told me you've precepted new nurses for years. "
        "Could I have 15 minutes by phone, whenever suits you?"
    )
    ids = read(text, "outreach", Context(referrers=("Dana",))).ids()
    assert "mutual_referral" in ids
    assert "no_why_you" not in ids and "invented_referral" not in ids
