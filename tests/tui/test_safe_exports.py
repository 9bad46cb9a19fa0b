"""Exports never replace a file silently: default names carry the export time, and an
existing file is replaced only after the learner says so."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import Input

from simulator.content import Library
from simulator.tui.app import build_app
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.export import ExportScreen, default_name
from simulator.tui.screens.report import ReportScreen

from .conftest import screen_text
from .test_report_actions import finish_quickly


def test_default_names_carry_the_export_time() -> None:
    first = default_name("review-season-cold-email", ".html", datetime(2026, 12, 1, 14, 35, 2))
    second = default_name("review-season-cold-email", ".html", datetime(2026, 12, 1, 14, 35, 9))
    assert first == "review-season-cold-email-20261201-143502.html"
    assert first != second


async def test_an_existing_file_is_replaced_only_when_confirmed(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.md"
    target.write_text("my own notes\n", encoding="utf-8")
    app = build_app(Library().load("review-season-cold-email"))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_quickly(app, pilot)
        assert isinstance(app.screen, ReportScreen)
        assert "Saved with your past attempts" in screen_text(app)  # a line, not a toast
        await pilot.press("e")
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        assert Path(path_input.value).name.startswith("review-season-cold-email-20")
        path_input.value = str(target)
        await pilot.click("#export-save")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "mine.md already exists" in screen_text(app)
        await pilot.press("n")  # keep both: back to the dialog, nothing written
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8") == "my own notes\n"
        await pilot.click("#export-save")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert target.read_text(encoding="utf-8").startswith("# ")
        assert f"Exported to {target}" in screen_text(app)
