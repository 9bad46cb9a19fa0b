"""`simulator play --assignment` in the app: exam mode, submitted on finish, path shown."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from simulator.cli import main
from simulator.commands.play import _tui_for
from simulator.homework import open_assignment
from simulator.practice import Report
from simulator.tui.app import SimulatorApp, make_app
from simulator.tui.screens.report import ReportScreen

from .test_play_through import write_and_send

ASK = (
    "Hi, I read your post on rewriting the handbook for hybrid work. I'm moving into HR and "
    "would love to learn how you approached it. I know review season is busy: could I have "
    "15 minutes by phone, whenever suits you? Thank you."
)


async def test_assignment_is_played_in_exam_mode_and_submitted(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "a.json"
    assert main(["assign", "review-season-quick-note", "-o", str(path), "--mode", "exam"]) == 0
    homework = open_assignment(str(path), "Ana Diaz")
    reports: list[Report] = []
    app = cast(SimulatorApp, _tui_for(homework, reports, make_app))
    assert app.mode == "exam" and not app.hints_on
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # briefing -> composer
        await pilot.pause()
        await write_and_send(pilot, "15 minutes?", ASK)
        await pilot.press("enter")  # inbox -> report
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        shown = [n.message for n in app._notifications]
    assert homework.submitted_to is not None and homework.submitted_to.exists()
    assert any(str(homework.submitted_to) in message for message in shown)
    assert len(reports) == 1
