"""A full disk or an unwritable folder: one clear line, the session goes on in memory."""

from __future__ import annotations

import errno
import io
import json
import os
from pathlib import Path

import pytest

from simulator.content import Bundle
from simulator.plain import play_plain
from simulator.practice import report_on
from simulator.recorder import Recorder
from simulator.storage import Journal, StorageError, atomic_write

from .conftest import MEETING, OUTREACH

needs_proc = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


def _typed_session(save_to: str = "") -> str:
    """What a learner types for a short, complete session (and an answer to 'save where?')."""
    body = OUTREACH.body.replace("\n", " ")
    lines = [OUTREACH.subject, body, ".", ""]
    lines += [*MEETING, "/wrap", "y", "10", "Thanks for your time yesterday.", ".", save_to, ""]
    return "\n".join(lines)


def _fail_writes_under(folder: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Make os.write fail with ``code`` for files under ``folder`` only."""
    real = os.write

    def write(fd: int, data: bytes) -> int:
        target = os.readlink(f"/proc/self/fd/{fd}")
        if target.startswith(str(folder)):
            raise OSError(code, os.strerror(code))
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)


def test_unwritable_home_plays_on_and_saves_elsewhere(
    cold_email: Bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("SIMULATOR_HOME", str(blocker / "home"))
    elsewhere = tmp_path / "rescued.json"
    out = io.StringIO()
    session = play_plain(cold_email, 1, io.StringIO(_typed_session(str(elsewhere))), out).session
    text = out.getvalue()
    notices = [line for line in text.splitlines() if line.startswith("! ")]
    assert len(notices) == 1
    assert "cannot write" in notices[0] and "continues in memory" in notices[0]
    assert session.finished
    assert "=== Debrief ===" in text
    saved = json.loads(elsewhere.read_text())
    assert saved["transcript"] == session.transcript.to_dict()
    assert saved["score"] == saved["report"]["score"]


@needs_proc
def test_disk_full_mid_session_keeps_the_journal_whole(
    cold_email: Bundle, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder(cold_email, 1)
    session = recorder.start()
    notices: list[str] = []
    recorder.listen(notices.append)
    session.send(OUTREACH)
    assert recorder.journal is not None
    path = recorder.journal.path
    before = Journal.read(path)
    _fail_writes_under(home, monkeypatch, errno.ENOSPC)
    from simulator.conversation import Say

    for line in MEETING:
        session.send(Say(line))  # never raises: the session is the learner's
    assert len(notices) == 1 and "No space left on device" in notices[0]
    after = Journal.read(path)
    assert after.turns == before.turns and after.notices == []
    report = recorder.finish(report_on(session))
    assert recorder.saved_to is None
    copy = recorder.save_copy(tmp_path)
    assert json.loads(copy.read_text())["report"] == report.to_dict()


@needs_proc
def test_fsync_failure_is_a_storage_error_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old report\n")

    def no_fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", no_fsync)
    with pytest.raises(StorageError, match=r"cannot write .*report\.md: Input/output error"):
        atomic_write(target, "new report\n")
    assert target.read_text() == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_folder_gives_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError) as caught:
            atomic_write(folder / "settings.json", "{}")
    finally:
        folder.chmod(0o700)
    message = str(caught.value)
    assert "\n" not in message and "Permission denied" in message


def test_atomic_write_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "export.json"
    atomic_write(target, "first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["export.json"]
