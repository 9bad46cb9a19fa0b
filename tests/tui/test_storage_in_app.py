"""Storage failures in the app: a notice at once, the session goes on, and a way out.

Plain mode prints a notice when the home folder is unusable or the disk is full; the
app shows the same notices, and at the end points to Export to save elsewhere.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from simulator import storage
from simulator.content import Library
from simulator.tui.app import build_app
from simulator.tui.screens.composer import ComposerScreen
from simulator.tui.screens.report import ReportScreen

from .test_play_through import write_and_send

SUBJECT = "15 minutes on moving into HR?"
BODY = (
    "Hi, I heard your panel on pay transparency. I'm moving from operations into HR. "
    "Could I have 15 minutes by phone in the next few weeks, whenever suits you?"
)


def notices(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def play_one_email(app: object) -> tuple[list[str], list[str]]:
    """Open the briefing, send one email (the scenario ends there), reach the report.

    Returns the notices shown before the email was sent, and what the report says under
    its headline (and any later notice: none is expected over the report)."""
    async with app.run_test(size=(100, 30)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)  # type: ignore[attr-defined]
        started = notices(app)
        await write_and_send(pilot, SUBJECT, BODY)
        for _ in range(5):
            if isinstance(app.screen, ReportScreen):  # type: ignore[attr-defined]
                break
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ReportScreen)  # type: ignore[attr-defined]
        later = [n for n in notices(app) if n not in started]
        return started, [app.screen.saved_line(), *later]


async def test_a_disk_full_home_shows_a_notice_in_the_app(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, raw: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage, "_write_all", full)
    started, later = await play_one_email(build_app(Library().load("review-season-quick-note")))
    [first] = started  # at once, on the first screen of the session
    assert "No space left on device" in first and "continues in memory" in first
    assert any("Press E on the report to save it to another folder" in n for n in later)
    assert not [p for p in home.rglob("*") if p.is_file()]  # no empty journal, no temp file


async def test_an_unusable_home_shows_a_notice_in_the_app(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = home.parent / "not-a-folder"
    blocked.write_text("a file where the home folder should be", encoding="utf-8")
    monkeypatch.setenv("SIMULATOR_HOME", str(blocked))
    started, later = await play_one_email(build_app(Library().load("review-season-quick-note")))
    [first] = started
    assert "Not a directory" in first and "save it to another folder" in first
    assert any("Press E on the report" in n for n in later)
    assert blocked.read_text(encoding="utf-8").startswith("a file")
