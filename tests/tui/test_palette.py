"""Every key in every screen's footer can also be found by name in the command palette."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, TextArea

from simulator.tui.app import build_app
from simulator.tui.screens.attempts import AttemptsScreen
from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.composer import ComposerScreen
from simulator.tui.screens.draft_check import DraftCheckScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.inbox import InboxScreen
from simulator.tui.screens.meeting import MeetingScreen
from simulator.tui.screens.report import ReportScreen

from .conftest import GOOD_BODY, GOOD_SUBJECT, settle


def footer_actions(app: Any) -> set[str]:
    """The descriptions of the keys the footer shows as usable right now."""
    return {
        active.binding.description
        for active in app.screen.active_bindings.values()
        if active.binding.show and active.binding.description and active.enabled
    }


def palette_titles(app: Any) -> set[str]:
    return {command.title for command in app.get_system_commands(app.screen)}


def check(app: Any, seen: dict[str, set[str]], *must: str) -> None:
    footer = footer_actions(app)
    titles = palette_titles(app)
    name = type(app.screen).__name__
    assert footer, f"{name} shows no keys"
    assert footer <= titles, f"{name}: not in the palette: {footer - titles}"
    assert set(must) <= titles, f"{name}: missing {set(must) - titles}"
    seen[name] = footer


async def test_the_palette_offers_every_footer_action_on_every_screen(home: Path) -> None:
    seen: dict[str, set[str]] = {}
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        check(app, seen, "Check a draft", "Past attempts", "Help", "Settings")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, DraftCheckScreen)
        check(app, seen, "Home")
        await pilot.press("escape")
        await pilot.press(*"cold email", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        check(app, seen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        check(app, seen, "Send", "Hints")
        app.screen.query_one("#composer-subject", Input).value = GOOD_SUBJECT
        app.screen.query_one("#composer-body", TextArea).text = GOOD_BODY
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InboxScreen)
        check(app, seen, "Continue")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        check(app, seen, "Wrap up", "Leave")
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("enter")  # yes, end it
        await pilot.pause()
        await pilot.press("enter")  # the meeting is over: continue
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        await pilot.press("f4")  # no thank-you
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        if isinstance(app.screen, InboxScreen):
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        check(app, seen, "Export", "Rewind", "Retry", "Home")
        app.open_attempts()
        await settle(pilot)
        assert isinstance(app.screen, AttemptsScreen)
        check(app, seen)
    assert len(seen) == 8
