"""Home's one-widget header draws and behaves as Textual's Header does on every other screen."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.widgets import Header

from simulator.tui.app import build_app
from simulator.tui.widgets.app_header import AppHeader


class _One(App[None]):
    """An app whose only widget is the header under test."""

    def __init__(self, ours: bool) -> None:
        super().__init__()
        self.ours = ours

    def compose(self) -> ComposeResult:
        yield AppHeader("\u25c6") if self.ours else Header(show_clock=False, icon="\u25c6")


async def _first_row(ours: bool, title: str, sub_title: str) -> list[tuple[str, object, object]]:
    """The header's row as (character, colour, background) per cell."""
    app = _One(ours)
    async with app.run_test(size=(80, 24)) as pilot:
        app.title, app.sub_title = title, sub_title
        await pilot.pause()
        strip = app.screen._compositor.render_strips()[0]
    cells: list[tuple[str, object, object]] = []
    for text, style, _ in strip:
        style = style or Style()
        cells += [(char, style.color, style.bgcolor) for char in text]
    return cells


async def test_the_line_matches_textuals_header_cell_for_cell() -> None:
    for title, sub_title in (("Interview simulator", "Practice"), ("A" * 90, "long"), ("T", "")):
        theirs = await _first_row(False, title, sub_title)
        ours = await _first_row(True, title, sub_title)
        assert "".join(c[0] for c in ours) == "".join(c[0] for c in theirs)
        assert [c[2] for c in ours] == [c[2] for c in theirs]  # backgrounds
        assert [c[1] for c in ours if c[0] != " "] == [c[1] for c in theirs if c[0] != " "]


async def test_home_header_shows_the_title_and_opens_the_palette(home: Path) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(AppHeader)
        line = "".join(text for text, _, _ in header.render_line(0))
        assert "Interview simulator \u2014 Practice" in line
        assert line.startswith(" \u25c6 ")
        app.sub_title = "Exam"
        await pilot.pause()
        assert "\u2014 Exam" in "".join(text for text, _, _ in header.render_line(0))
        await pilot.click(AppHeader, offset=(40, 0))  # the title: a taller header
        await pilot.pause()
        assert header.size.height == 3
        await pilot.click(AppHeader, offset=(40, 1))
        await pilot.pause()
        assert header.size.height == 1
        await pilot.click(AppHeader, offset=(1, 0))  # the icon: the command palette
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
