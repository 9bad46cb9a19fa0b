"""Practice mode coaches as you type; exam mode does not, and allows no retry or rewind."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from simulator.content import Library
from simulator.conversation import Outreach, Say
from simulator.tui.app import build_app
from simulator.tui.screens.meeting import MeetingScreen
from simulator.tui.screens.report import ReportScreen
from simulator.tui.widgets.coaching_hints import CoachingHints

from .conftest import GOOD_BODY, PITCH_BODY, screen_text


def bindings(app) -> dict[str, bool]:
    """Action name -> enabled, for the keys the footer offers now."""
    return {b.binding.action: b.enabled for b in app.screen.active_bindings.values()}


async def test_practice_hints_quote_the_pitch_and_can_be_turned_off(home: Path) -> None:
    app = build_app(Library().load("review-season-cold-email"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#composer-body", TextArea).text = PITCH_BODY
        await pilot.pause()  # hints follow typing at once (no debounce in tests)
        hints = app.screen.query_one(CoachingHints)
        text = str(hints.render())
        assert app.attempt is not None
        lexicon = app.attempt.session.lexicon
        assert lexicon.specs["job_pitch"].rule in text
        assert "interested in working for" in text
        assert hints.display
        await pilot.press("f3")
        await pilot.pause()
        assert not hints.display
        assert not app.hints_on


async def test_exam_mode_has_no_hints_retry_or_rewind(home: Path) -> None:
    finished = []
    app = build_app(
        Library().load("review-season-cold-email"),
        mode="exam",
        title="Assignment 1",
        subtitle="Sam Okafor",
        on_finish=lambda session, report: finished.append(report.score),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Assignment 1" in str(app.screen.query_one("HeaderTitle").render())
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query_one(CoachingHints).display
        assert "toggle_hints" not in bindings(app)
        app.screen.query_one("#composer-body", TextArea).text = PITCH_BODY
        await pilot.press("f3")
        await pilot.pause()
        assert not app.screen.query_one(CoachingHints).display
        app.send(Outreach(GOOD_BODY, "15 minutes?"))
        app.route()
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert not app.screen.query_one(CoachingHints).display
        assert not app.screen.query("PatienceMeter, RapportMeter")  # live feedback is off
        assert "Clock" in screen_text(app)
        app.send(Say("I want to respect your time, so I'll wrap up there."))
        await pilot.press("f4")  # the meeting is already over: nothing happens
        app.route()
        await pilot.pause()
        await pilot.press("f4")  # no thank-you note
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        active = bindings(app)
        assert "retry" not in active and "rewind" not in active
        assert active["export"]
        await pilot.press("w")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert "PASSED" in screen_text(app)
    assert finished == [app.attempt.report.score]
