"""Homework in the app: the whole assignment in one sitting, its rules on screen, one verdict,
and a submission that cannot be written is kept, never lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from simulator.cli import main
from simulator.conversation import Outreach
from simulator.homework import load_assignment
from simulator.homework.desk import HomeworkDesk
from simulator.practice import Attempt
from simulator.tui.app import SimulatorApp, build_app
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.report import ReportScreen
from simulator.tui.screens.submit_again import SubmitAgainScreen
from simulator.tui.widgets.library_list import LibraryList

from .conftest import screen_text, settle
from .test_play_through import write_and_send

ASK = (
    "Hi, I read your post on rewriting the handbook for hybrid work. I'm moving into HR and "
    "would love to learn how you approached it. I know review season is busy: could I have "
    "15 minutes by phone, whenever suits you? Thank you."
)
THANKS = (
    "Thank you for the call yesterday. Your story about moving from teaching into "
    "recruiting stayed with me, and I will follow up with the colleague you mentioned."
)
TWO = ("review-season-quick-note", "hiring-manager-thank-you")


def assign(tmp_path: Path, *extra: str) -> Path:
    path = tmp_path / "a.json"
    args = ["assign", *TWO, "-o", str(path), "--mode", "exam", "--title", "Week 4"]
    assert main([*args, "--attempts", "2", "--notes", "One bounded ask.", *extra]) == 0
    return path


def app_for(path: Path) -> tuple[HomeworkDesk, SimulatorApp]:
    desk = HomeworkDesk(load_assignment(path), "Ana Diaz")
    app = build_app(seed=desk.seed, mode="exam", title=desk.title, homework=desk)
    return desk, app


def app_at_the_end(path: Path) -> tuple[HomeworkDesk, SimulatorApp]:
    """The app opened on the first scenario's finished session, as if the learner had
    sent ``ASK`` from Home and pressed Enter on the reply (that walk is the exam test's,
    above; these tests are about what finishing does). The attempt is the one
    ``start_attempt`` makes (the desk's seed and journal meta, exam mode); the reply ends
    the quick note, so the app grades, submits and shows the report as it opens."""
    desk = HomeworkDesk(load_assignment(path), "Ana Diaz")
    scenario = TWO[0]
    attempt = Attempt(desk.bundle(scenario), desk.seed, mode="exam", meta=desk.meta(scenario))
    attempt.send(Outreach(ASK, "15 minutes?"))
    assert attempt.session.finished and attempt.report is None
    app = build_app(seed=desk.seed, mode="exam", title=desk.title, homework=desk, resume=attempt)
    return desk, app


async def offered_again(pilot: Any) -> None:
    """Wait (5 s at most) for the offer to submit again: it is pushed over the report by
    a 0.2 s timer once the report is up), its buttons mounted: the screen is current
    before its widgets are, and a click in between finds no button."""
    for _ in range(100):
        screen = pilot.app.screen
        if isinstance(screen, SubmitAgainScreen) and screen.query("#again-retry"):
            await pilot.pause()
            return
        await pilot.pause(0.05)


async def open_from_home(pilot: Any, app: SimulatorApp, scenario: str) -> None:
    assert isinstance(app.screen, HomeScreen)
    listing = app.screen.query_one(LibraryList)
    keys = [e.key for e in listing.entries if e.kind == "scenario"]
    assert keys == list(TWO)  # the library is the assignment, nothing else
    listing.highlighted = [e.key for e in listing.shown].index(scenario)
    await pilot.press("enter")
    await settle(pilot)


async def test_an_exam_with_two_scenarios_is_played_and_submitted_in_one_sitting(
    tmp_path: Path, home: Path
) -> None:
    path = assign(tmp_path, "--due", "2099-01-01")
    desk, app = app_for(path)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        for fact in ("Week 4", "Due: 2099-01-01", "left)", "pass mark 70", "attempt 1 of 2"):
            assert fact in shown, fact
        assert "exam mode" in shown and "One bounded ask." in shown
        assert "Check a draft" not in shown  # no live hint in an exam

        await open_from_home(pilot, app, TWO[0])
        assert "pass mark 70, next: attempt 1 of 2" in screen_text(app)  # the briefing
        await pilot.press("enter")
        await settle(pilot)
        await write_and_send(pilot, "15 minutes?", ASK)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert len(desk.handed) == 1
        # told on the report itself, under the headline (a toast would cover the report)
        first_line = app.screen.saved_line()
        assert str(desk.handed[0].path) in first_line
        assert not app._notifications

        app.go_home()  # then the second scenario, in the same app session
        await settle(pilot)
        details = [e.detail for e in app.screen.query_one(LibraryList).entries]
        assert details[0].startswith("submitted (") and details[1].startswith("to do")
        assert "next: attempt 2 of 2" in screen_text(app)  # the banner counts the first
        await open_from_home(pilot, app, TWO[1])
        await pilot.press("enter")
        await settle(pilot)
        await write_and_send(pilot, "Thank you", THANKS)
        for _ in range(3):
            if isinstance(app.screen, ReportScreen):
                break
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        second_line = app.screen.saved_line()
    assert [h.scenario for h in desk.handed] == list(TWO)
    assert "Not submitted" not in second_line
    assert str(desk.handed[1].path) in second_line
    assert str(desk.handed[0].path) not in second_line  # each report tells its own
    assert all(handed.path.exists() for handed in desk.handed)
    folder = desk.handed[0].path.parent
    out = tmp_path / "review.json"
    assert main(["review", str(path), str(folder), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["check"] for s in data["submissions"]] == ["verified", "verified"]


async def test_the_app_shows_the_assignment_pass_mark_on_the_report(
    tmp_path: Path, home: Path
) -> None:
    """One verdict: quick-note's own pass mark is 70; under a mark of 100 the app must say
    NOT PASSED with mark 100, as run, submissions and review do (tests/homework)."""
    path = tmp_path / "one.json"
    assert main(["assign", TWO[0], "-o", str(path), "--pass-mark", "100"]) == 0
    desk, app = app_at_the_end(path)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "NOT PASSED" in shown and "PASSED" not in shown.replace("NOT PASSED", "")
        assert "100" in shown
    (handed,) = desk.handed
    assert handed.passed is False and "pass mark 100" in handed.line
    data = json.loads(handed.path.read_text(encoding="utf-8"))
    assert data["report"]["pass_mark"] == 100 and data["report"]["passed"] is False


@pytest.mark.parametrize("kind", ["disk-full", "read-only", "path-is-a-file"])
async def test_a_failed_submission_in_the_app_is_told_and_kept(
    kind: str, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    path = assign(tmp_path)
    folder = home / "submissions"
    if kind == "path-is-a-file":
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.write_text("not a folder")
    elif kind == "disk-full":
        real = os.write

        def write(fd: int, data: bytes) -> int:
            if os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder)):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(fd, data)

        monkeypatch.setattr(os, "write", write)
    else:  # as a read-only mount answers (tests run as root: chmod would not stop them)
        import tempfile

        real_mkstemp = tempfile.mkstemp

        def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
            if str(kwargs.get("dir", "")).startswith(str(folder)):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS))
            return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    desk, app = app_at_the_end(path)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await offered_again(pilot)
        # No crash: the report is shown, with the offer to try again on top of it.
        assert isinstance(app.screen, SubmitAgainScreen)
        assert isinstance(app.screen_stack[-2], ReportScreen)
        await pilot.press("escape")  # later
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        line = app.screen.saved_line()
    assert desk.handed == []
    assert "Not submitted" in line and "simulator submit --last" in line
    monkeypatch.undo()
    if kind == "path-is-a-file":
        folder.unlink()
    monkeypatch.setenv("SIMULATOR_HOME", str(home))
    assert main(["submit", "--last"]) == 0
    (written,) = folder.rglob("*.json")
    assert main(["review", str(path), str(written.parent)]) == 0


async def test_the_app_writes_a_kept_submission_again_or_to_another_folder(
    tmp_path: Path, home: Path
) -> None:
    """A file sits where the submissions folder should be: the app offers to try again;
    the same folder fails again (said so), another folder works and is verified."""
    from textual.widgets import Input, Static

    path = assign(tmp_path)
    folder = home / "submissions"
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder")
    usb = tmp_path / "usb stick"
    desk, app = app_at_the_end(path)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await offered_again(pilot)
        assert isinstance(app.screen, SubmitAgainScreen)
        await pilot.click("#again-retry")  # the usual folder: still a file there
        await settle(pilot)
        assert isinstance(app.screen, SubmitAgainScreen)
        problem = str(app.screen.query_one("#again-problem", Static).render())
        assert "cannot write" in problem and desk.handed == []  # told why, here
        typed = app.screen.query_one("#again-folder", Input)
        typed.value = str(usb)
        typed.focus()
        await pilot.press("enter")  # Enter in the field tries again, there
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        messages = [n.message for n in app._notifications]
    (handed,) = desk.handed
    assert handed.path.parent == usb and any(handed.line in m for m in messages)
    assert main(["review", str(path), str(usb)]) == 0
    assert main(["submit", "--last"]) == 1  # its journal says submitted: nothing pending
