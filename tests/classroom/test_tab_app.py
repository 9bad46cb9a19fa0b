"""The app in a browser tab, driven headless: the name check, and what the learner is told."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from simulator.homework import load_assignment
from simulator.tui.web_tab import ClassroomApp

from .conftest import CLASS_TOKEN, build_server
from .helpers import GOOD, InProcess, make_assignment


async def _play(app: ClassroomApp, name: str, wait_for: str = "coach") -> list[str]:
    """Give a name, write and send the outreach; the notifications shown by the end."""
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        problem = str(app.screen.query_one("#name-problem").render())
        assert "Type your name first" in problem
        await pilot.press("escape")  # Escape does not dismiss it: a name is needed
        await pilot.pause()
        assert type(app.screen).__name__ == "StudentNameScreen"
        for ch in name:
            await pilot.press("space" if ch == " " else ch)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#composer-subject").value = GOOD.subject  # type: ignore[attr-defined]
        app.screen.query_one("#composer-body").load_text(GOOD.body)  # type: ignore[attr-defined]
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("y")
        for _ in range(100):  # the submission is sent by a worker thread
            await pilot.pause(0.05)
            shown = [n.message for n in app._notifications]
            if any(wait_for in m for m in shown):
                return shown
        return [n.message for n in app._notifications]


def test_a_refused_submission_is_explained_in_the_learners_app(tmp_path: Path) -> None:
    """The coach's disk is full: the learner's app says so, and that nothing was kept."""
    assignment = make_assignment(tmp_path)
    server, store = build_server(assignment, tmp_path / "class")
    store.add_event("warm-up")  # the database exists; now it may not grow any more
    pages = (
        sqlite3.connect(tmp_path / "class" / "class.sqlite3")
        .execute("PRAGMA page_count")
        .fetchone()[0]
    )
    store.close()
    server, store = build_server(assignment, tmp_path / "class", max_pages=pages)
    with InProcess(server) as running:
        app = ClassroomApp(
            assignment, load_assignment(assignment), f"{running.url}/submit/{CLASS_TOKEN}"
        )
        shown = asyncio.run(_play(app, "Ana Diaz"))
    assert any("disk is full" in m and "nothing was kept" in m for m in shown), shown
    assert any("F7" in m for m in shown)
    assert store.submissions() == []
    store.close()


def test_the_learner_sees_the_receipt(tmp_path: Path) -> None:
    assignment = make_assignment(tmp_path)
    server, store = build_server(assignment, tmp_path / "class")
    with InProcess(server) as running:
        app = ClassroomApp(
            assignment, load_assignment(assignment), f"{running.url}/submit/{CLASS_TOKEN}"
        )
        shown = asyncio.run(_play(app, "Ana Diaz"))
    (row,) = store.submissions()
    assert any(f"receipt {row.receipt}" in m for m in shown), shown
    store.close()


def test_served_without_a_class_the_submission_is_saved_here(tmp_path: Path, home: Path) -> None:
    """``simulator serve --assignment``: no class server, so the file is the submission."""
    assignment = make_assignment(tmp_path)
    app = ClassroomApp(assignment, load_assignment(assignment), None)
    shown = asyncio.run(_play(app, "Ana Diaz", wait_for="Submitted:"))
    (saved,) = (home / "submissions").rglob("*.json")
    assert any(str(saved) in m for m in shown), shown
    from simulator.homework.pending import pending_homework

    assert pending_homework() == []  # its journal says submitted: `submit --last` has nothing


def test_a_tab_whose_submission_cannot_be_written_keeps_it(tmp_path: Path, home: Path) -> None:
    """A file where the submissions folder should be: the learner is told, and the finished
    session waits in its journal for `simulator submit --last`."""
    from simulator.cli import main

    assignment = make_assignment(tmp_path)
    home.mkdir(parents=True, exist_ok=True)
    (home / "submissions").write_text("not a folder")
    app = ClassroomApp(assignment, load_assignment(assignment), None)
    shown = asyncio.run(_play(app, "Ana Diaz", wait_for="Not submitted"))
    assert any("kept on this server: tell your coach" in m for m in shown), shown
    (home / "submissions").unlink()
    assert main(["submit", "--last"]) == 0  # the coach hands it in (docs/classroom.md)
    assert len(list((home / "submissions").rglob("*.json"))) == 1


def test_the_same_learner_resumes_and_a_session_open_elsewhere_is_not_taken(
    tmp_path: Path,
) -> None:
    from simulator.homework import open_assignment
    from simulator.practice import Outreach
    from simulator.storage import LockedError
    from simulator.tui.web_tab import resumed_attempt

    assignment = make_assignment(tmp_path, "review-season-cold-email")
    run = open_assignment(assignment, "Ana Diaz")
    first = run.start_attempt(client="web")
    first.send(Outreach(GOOD.body, GOOD.subject))
    assert first.session.state.name == "meeting"
    again = open_assignment(assignment, "  ana DIAZ ")
    with pytest.raises(LockedError):  # still open in the first tab
        resumed_attempt(again, wait=0.3)
    first.close()  # the first tab is closed
    resumed = resumed_attempt(again, wait=0.3)
    assert resumed is not None and resumed.session_id == first.session_id
    assert resumed.session.state.name == "meeting"
    assert len(resumed.session.transcript.turns) == len(first.session.transcript.turns)
    resumed.close()
    assert resumed_attempt(open_assignment(assignment, "Bo Lee"), wait=0.3) is None
