"""The app starts each attempt with the name from the user's settings (never an invented one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content import Library
from simulator.practice import AppOptions
from simulator.tui.app import make_app

from .conftest import settle


@pytest.fixture(autouse=True)
def fixed_names() -> None:
    """Names are generated here as in a real session: the test is about the learner's."""


async def test_the_app_passes_the_settings_name_to_the_attempt(home: Path) -> None:
    bundle = Library().load("review-season-meeting")
    app = make_app(AppOptions(bundle, seed=3, learner_name="Priya Raman"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # start from the briefing
        await pilot.pause()
        assert app.attempt is not None
        assert app.attempt.session.identities["learner_name"] == "Priya Raman"
        assert app.attempt.session.values["learner_first"] == "Priya"


async def test_without_a_settings_name_the_app_invents_none(home: Path) -> None:
    bundle = Library().load("review-season-meeting")
    app = make_app(AppOptions(bundle, seed=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.attempt is not None
        assert app.attempt.session.identities["learner_name"] == ""
