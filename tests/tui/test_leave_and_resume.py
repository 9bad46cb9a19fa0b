"""Leaving a session part-way: kept for later it waits on Home and resumes there;
discarded it is gone from the list (its journal is kept, marked finished)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulator.content import Bundle, bundle_from_texts
from simulator.tui.app import build_app
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.leave import LeaveScreen
from simulator.tui.screens.meeting import MeetingScreen
from simulator.tui.widgets.conversation_log import ConversationLog
from simulator.tui.widgets.library_list import LibraryList
from simulator.tui.widgets.line_entry import LineEntry

from .conftest import journal_turns, settle

DATA = Path(__file__).parent / "data"
FIRST = "How did you get into HR in the first place?"
SECOND = "What would you read first, if you were me?"


def burst_bundle() -> Bundle:
    return bundle_from_texts(
        (DATA / "burst-meeting.yaml").read_text(encoding="utf-8"),
        (DATA / "burst-listener.yaml").read_text(encoding="utf-8"),
    )


async def say(pilot: Any, line: str) -> None:
    """Send one meeting line. These tests are about leaving and resuming, not typing
    (tests/tui/test_input_order.py and test_burst_input.py type key by key): the line is
    put in the entry whole and sent with Enter, which saves a layout and a repaint per
    character."""
    pilot.app.screen.query_one("#meeting-input", LineEntry).value = line
    await pilot.press("enter")


async def start_and_leave(pilot: Any, choice: str) -> None:
    app = pilot.app
    await pilot.press("enter")  # briefing -> meeting
    await pilot.pause()
    assert isinstance(app.screen, MeetingScreen)
    await say(pilot, FIRST)
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, LeaveScreen)
    await pilot.press(choice)
    await settle(pilot)
    assert isinstance(app.screen, HomeScreen)


async def test_kept_for_later_it_resumes_from_home(home: Path) -> None:
    app = build_app(burst_bundle(), seed=3)
    async with app.run_test() as pilot:
        await start_and_leave(pilot, "k")
        rows = app.screen.query_one(LibraryList).shown
        assert rows[0].kind == "resume"
        assert rows[0].title == "Resume: A long, patient meeting"
        assert rows[0].detail.startswith("in the meeting, 1 turn so far, started ")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert FIRST in app.screen.query_one(ConversationLog).plain
        await say(pilot, SECOND)
        await pilot.pause()
    said = [t["text"] for t in journal_turns(home) if t["who"] == "learner"]
    assert said == [FIRST, SECOND]  # one journal, continued
    assert len(list((home / "journals").glob("*.jsonl"))) == 1


async def test_discarded_it_is_not_offered_again(home: Path) -> None:
    app = build_app(burst_bundle(), seed=3)
    async with app.run_test() as pilot:
        await start_and_leave(pilot, "d")
        kinds = {e.kind for e in app.screen.query_one(LibraryList).entries}
        assert "resume" not in kinds and "scenario" in kinds
    [journal] = (home / "journals").glob("*.jsonl")
    assert '"discarded": true' in journal.read_text(encoding="utf-8")


async def test_the_palette_offers_to_resume(home: Path) -> None:
    app = build_app(burst_bundle(), seed=3)
    async with app.run_test() as pilot:
        await start_and_leave(pilot, "k")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Resume: A long, patient meeting" in titles
