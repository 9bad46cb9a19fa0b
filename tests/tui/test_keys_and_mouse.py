"""Keyboard, palette and mouse reach the same places; NO_COLOR keeps every state readable."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from simulator.content import Library
from simulator.tui.app import build_app
from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.draft_check import DraftCheckScreen
from simulator.tui.screens.help import HelpScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.widgets.library_list import LibraryList

from .conftest import GOOD_BODY, screen_text, settle


async def test_command_palette_opens_the_draft_checker(home: Path) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"check a draft")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DraftCheckScreen)


async def test_f1_opens_help_and_escape_closes_it(home: Path) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_clicking_a_scenario_opens_its_briefing(home: Path) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(LibraryList)
        await pilot.press(*"quick answer")
        await pilot.pause()
        assert [e.key for e in listing.shown] == ["review-season-quick-note"]
        await pilot.click(listing, offset=(4, 1))
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.bundle.scenario.id == "review-season-quick-note"


async def test_no_color_still_shows_every_state_in_words(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulator.conversation import Outreach, Say

    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(Library().load("review-season-cold-email"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.send(Outreach(GOOD_BODY, "15 minutes?"))
        app.route()
        await pilot.pause()
        app.screen.query_one(
            "#meeting-input", Input
        ).value = "Are you hiring for any HR roles right now?"
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app)
        assert app.attempt is not None
        meters = app.attempt.session.meters
        assert "Patience" in shown and f" {meters.patience:3d} \u25bc" in shown
        app.send(Say("I want to respect your time, so I'll wrap up there."))
        app.show_report()
        await pilot.pause()
        report = app.attempt.report
        assert report is not None
        verdict = "PASSED" if report.passed else "NOT PASSED"
        assert f" {verdict}   {report.score}/100" in screen_text(app)
