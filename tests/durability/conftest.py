"""Shared inputs for durability tests: one complete, passing session of the main scenario."""

from __future__ import annotations

import pytest

from simulator.conversation import Input, Outreach, Say, ThankYou

OUTREACH = Outreach(
    "Hi, I am moving from operations into HR and loved your panel on pay transparency. "
    "Could I have 15 minutes of your time in November to hear about your career path? "
    "I know review season is busy, so no rush at all.",
    "A 15-minute question about your path into HR",
)
MEETING = [
    "How did you get into HR?",
    "What does a typical day look like for you?",
    "Which skills matter most in your work?",
]
THANKS = ThankYou("Thank you for your time yesterday; the advice on writing clearly helped.", 10)


def full_inputs() -> list[Input]:
    """Inputs that play the cold-email scenario from outreach to debrief."""
    wrap = Say("I want to respect your time, so I'll wrap up there. Thank you so much.")
    return [OUTREACH, *(Say(m) for m in MEETING), wrap, THANKS]


@pytest.fixture
def inputs() -> list[Input]:
    return full_inputs()
