"""No lost homework: a submission that cannot be written stays "finished, not submitted"
in the journal, and `simulator submit --last` hands it in once the disk is usable again."""

from __future__ import annotations

import errno
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from simulator.cli import main

OPENING = [
    "15 minutes on moving into HR?",
    "Hi, I heard you on the pay transparency panel. I'm moving from operations into HR and "
    "would love to learn how you made the move. I know review season is busy: could I have "
    "15 minutes by phone in the next few weeks, whenever suits you? Thank you.",
    ".",  # the end of the message
    "",  # no attachment
    "How did you get into HR?",
]
REST = ["/wrap", "y", "6", "Thank you! You mentioned payroll; I am going to shadow our team.", "."]
FAILURES = ("disk-full", "read-only", "path-is-a-file")
needs_proc = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


def feed(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))


@pytest.fixture
def patches() -> Iterator[pytest.MonkeyPatch]:
    """Patches of their own, so a repair undoes them and nothing else (not the home)."""
    own = pytest.MonkeyPatch()
    yield own
    own.undo()


def break_folder(kind: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Make writing under ``folder`` fail the way ``kind`` does; returns the repair.

    Tests run as root here, so a read-only folder is simulated at the system call (as a
    read-only mount answers), a full disk at ``write``, and a file really sits where the
    submissions folder should be.
    """
    if kind == "path-is-a-file":
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.write_text("not a folder")
        return folder.unlink
    if kind == "disk-full":
        real_write = os.write

        def write(fd: int, data: bytes) -> int:
            if os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder)):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write(fd, data)

        monkeypatch.setattr(os, "write", write)
    else:
        real_mkstemp = tempfile.mkstemp

        def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
            if str(kwargs.get("dir", "")).startswith(str(folder)):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS))
            return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    return monkeypatch.undo


def submissions(home: Path) -> list[Path]:
    folder = home / "submissions"
    return sorted(folder.rglob("*.json")) if folder.is_dir() else []


def assign(tmp_path: Path, *extra: str) -> Path:
    path = tmp_path / "a.json"
    assert main(["assign", "review-season-cold-email", "-o", str(path), *extra]) == 0
    return path


def review_says(assignment: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["review", str(assignment), str(folder)]) == 0
    return capsys.readouterr().out


@needs_proc
@pytest.mark.parametrize("kind", FAILURES)
def test_plain_mode_keeps_the_session_and_submit_last_hands_it_in(
    kind: str,
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    patches: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assignment = assign(tmp_path)
    repair = break_folder(kind, home / "submissions", patches)
    feed(monkeypatch, OPENING + REST)
    code = main(["play", "--assignment", str(assignment), "--student", "Ana Diaz", "--plain"])
    err = capsys.readouterr().err
    assert code == 1
    assert "not submitted" in err and "simulator submit --last" in err
    assert "Traceback" not in err
    repair()
    assert not submissions(home)

    assert main(["submit"]) == 0  # lists what is waiting
    assert "review-season-cold-email" in capsys.readouterr().out
    assert main(["submissions"]) == 0  # the learner's list says so too
    assert "1 finished session(s) not submitted yet" in capsys.readouterr().out
    assert main(["resume", "--last", "--plain"]) == 1  # nothing to resume, but it says why
    assert "simulator submit --last" in capsys.readouterr().err

    assert main(["submit", "--last"]) == 0
    assert "Submitted" in capsys.readouterr().out
    (written,) = submissions(home)
    assert "verified 1" in review_says(assignment, written.parent, capsys)
    assert main(["submit", "--last"]) == 1  # handed in once: nothing is pending now


@needs_proc
def test_submit_last_can_write_to_another_folder_while_the_disk_is_still_full(
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    patches: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assignment = assign(tmp_path)
    break_folder("disk-full", home / "submissions", patches)
    feed(monkeypatch, OPENING + REST)
    assert main(["play", "--assignment", str(assignment), "--student", "Ana", "--plain"]) == 1
    capsys.readouterr()
    assert main(["submit", "--last"]) == 1  # the disk is still full: it stays pending
    assert "No space left" in capsys.readouterr().err
    usb = tmp_path / "usb"
    assert main(["submit", "--last", "--out", str(usb)]) == 0
    (written,) = usb.glob("*.json")
    assert "verified 1" in review_says(assignment, usb, capsys)
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["student"] == "Ana" and data["attempt"] == 1


@needs_proc
@pytest.mark.parametrize("kind", FAILURES)
def test_a_resumed_session_that_cannot_be_submitted_is_kept(
    kind: str,
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    patches: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assignment = assign(tmp_path, "--pass-mark", "60")
    feed(monkeypatch, OPENING)  # interrupted mid-meeting
    main(["play", "--assignment", str(assignment), "--student", "Ana Diaz", "--plain"])
    repair = break_folder(kind, home / "submissions", patches)
    feed(monkeypatch, REST)
    assert main(["resume", "--last", "--plain", "--assignment", str(assignment)]) == 0
    err = capsys.readouterr().err
    assert "Not submitted" in err and "simulator submit --last" in err
    repair()
    assert main(["submit", "--last"]) == 0
    assert "(pass mark 60)" in capsys.readouterr().out  # the assignment's mark, not the scenario's
    (written,) = submissions(home)
    assert "verified 1" in review_says(assignment, written.parent, capsys)
