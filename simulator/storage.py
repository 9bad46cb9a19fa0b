"""Files a user owns, without a UI: atomic writes, per-session journals, saved attempts.

- ``atomic_write``: temp file in the same folder, fsync, ``os.replace``, fsync the folder.
  Every file the simulator writes whole (reports, exports, submissions, settings,
  attempts) goes through it, so a crash leaves the old file or the new one, never half.
- ``Journal``: one JSON line per finished turn, written and fsync'd before the persona's
  reply is shown; a torn last line (killed mid-write) is dropped with a notice on read.
- ``save_attempt``: a finished session's transcript and report, for history and export.

Layout under the user data folder (``SIMULATOR_HOME`` overrides it)::

    journals/<session-id>.jsonl      unfinished and finished sessions, turn by turn
    attempts/<session-id>.json       finished sessions: transcript + report
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.fileguard import NOT_REGULAR as NOT_REGULAR
from simulator.fileguard import is_regular as is_regular
from simulator.fileguard import not_regular as not_regular
from simulator.fileguard import open_regular as open_regular
from simulator.fileguard import read_regular as read_regular
from simulator.fileguard import try_lock
from simulator.paths import user_dir

JOURNAL_FORMAT = "interview-simulator/journal"
MAX_JOURNAL_BYTES = 64 * 1024 * 1024
"""A journal larger than this is not one the simulator wrote (a long session is < 5 MB)."""


class StorageError(Exception):
    """A file could not be written or read; the message says which and why, in one line."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


class LockedError(StorageError):
    """Another simulator process holds the file (a session open twice, a settings write)."""


@contextlib.contextmanager
def file_lock(path: Path, *, timeout: float = 10.0) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if needed) while the block runs, so a
    read-modify-write by two processes happens one after the other. Raises LockedError
    when the lock is not free within ``timeout`` seconds, StorageError if it cannot be
    made. The kernel releases it if the process dies."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, 0o600)
    except OSError as exc:
        raise StorageError(f"cannot lock {path}: {_reason(exc)}") from None
    try:
        deadline = time.monotonic() + timeout
        while not _locked(fd, path):
            if time.monotonic() > deadline:
                raise LockedError(f"{path} stayed locked by another simulator for {timeout:g} s")
            time.sleep(0.01)
        yield
    finally:
        os.close(fd)


def _locked(fd: int, path: Path) -> bool:
    try:
        return try_lock(fd)
    except OSError as exc:
        raise StorageError(f"cannot lock {path}: {_reason(exc)}") from None


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """Stable JSON for files a user keeps: sorted keys, UTF-8 kept readable.

    Text that cannot be written as UTF-8 (lone surrogates, which a terminal produces for
    undecodable bytes) is escaped instead, so it survives a round trip exactly.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True, sort_keys=True, indent=indent)
    return text


def _encode(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # A rendered document (report, export) with stray surrogates: keep the rest.
        return text.encode("utf-8", "replace")


def atomic_write(path: Path, data: str | bytes) -> Path:
    """Write a whole file so that readers see the old or the new content, never half.

    Raises StorageError with a one-line reason (read-only folder, disk full...); the
    previous content, if any, is left untouched and no temporary file is left behind.
    """
    raw = _encode(data) if isinstance(data, str) else data
    path = Path(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            _write_all(fd, raw)
            os.fsync(fd)
            os.close(fd)
            fd = -1
            os.replace(tmp, path)
        except BaseException:
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _fsync_dir(folder)
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {_reason(exc)}") from None
    return path


def _write_all(fd: int, raw: bytes) -> None:
    view = memoryview(raw)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@dataclass
class JournalContents:
    """What a journal holds: its header, the turns, and any notice about damage."""

    header: dict[str, Any]
    turns: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = False
    notices: list[str] = field(default_factory=list)
    resumed: int = 0
    """How many times the session was resumed."""
    valid_bytes: int = 0
    """Length of the undamaged start of the file (what a resumed journal keeps)."""
    lost_lines: int = 0
    """Complete lines after a damaged one, ignored (0 after an ordinary kill)."""


class Journal:
    """An append-only, fsync'd log of one session, locked (``flock``) while it is open,
    so a session cannot be played in two processes at once; the kernel drops the lock
    when the process ends, however it ends.

    After a failed write (disk full, folder gone) the journal truncates itself back to
    its last complete line and refuses further writes; the caller keeps the session in
    memory and offers to save it elsewhere.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = -1
        self._size = 0
        self.broken: str | None = None

    @classmethod
    def create(cls, session_id: str, header: dict[str, Any], folder: Path | None = None) -> Journal:
        """Start a new journal whose first line is ``header``."""
        folder = folder or user_dir("journals")
        journal = cls(folder / f"{session_id}.jsonl")
        journal._open(new=True)
        try:
            journal._append([{"type": "header", "format": JOURNAL_FORMAT, **header}])
        except StorageError:
            journal.close()
            with contextlib.suppress(OSError):
                journal.path.unlink()  # no empty journal left to list or resume
            raise
        _fsync_dir(folder)
        return journal

    @classmethod
    def reopen(cls, path: Path, contents: JournalContents) -> Journal:
        """Continue an existing journal after ``read``: a torn or damaged tail is cut off
        first (a damaged file is copied aside as ``<name>.damaged`` before cutting)."""
        journal = cls(path)
        journal._open(new=False)  # locked first: nothing is cut while another holds it
        try:
            size = os.fstat(journal._fd).st_size
            if size > contents.valid_bytes:
                if contents.lost_lines:
                    backup = path.with_name(path.name + ".damaged")
                    atomic_write(backup, path.read_bytes())
                os.ftruncate(journal._fd, contents.valid_bytes)
                os.fsync(journal._fd)
                journal._size = contents.valid_bytes
        except (OSError, StorageError) as exc:
            journal.close()
            reason = _reason(exc) if isinstance(exc, OSError) else str(exc)
            raise StorageError(f"cannot repair {path}: {reason}") from None
        return journal

    def _open(self, *, new: bool) -> None:
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        if new:
            flags |= os.O_EXCL
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, flags | os.O_NONBLOCK, 0o600)
            if not stat.S_ISREG(os.fstat(self._fd).st_mode):
                raise OSError(errno.EINVAL, "not a regular file")
            self._size = os.fstat(self._fd).st_size
            locked = try_lock(self._fd)
        except (OSError, StorageError) as exc:
            self.close()
            reason = _reason(exc) if isinstance(exc, OSError) else str(exc)
            raise StorageError(f"cannot write {self.path}: {reason}") from None
        if not locked:
            self.close()
            raise LockedError(
                f"session {self.path.stem} is already open in another simulator; "
                "finish or close it there first"
            )

    def _append(self, records: list[dict[str, Any]]) -> None:
        if self.broken:
            raise StorageError(self.broken)
        if self._fd < 0:
            raise StorageError(f"cannot write {self.path}: the journal is closed")
        raw = "".join(json_text(r, indent=None) + "\n" for r in records).encode("utf-8")
        try:
            _write_all(self._fd, raw)
            os.fsync(self._fd)
        except OSError as exc:
            self.broken = f"cannot write {self.path}: {_reason(exc)}"
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._size)  # no half line left behind
            raise StorageError(self.broken) from None
        self._size += len(raw)

    def append_turns(self, turns: list[Any]) -> None:
        """Record finished turns (``Turn`` objects) in one write, before they are shown."""
        if turns:
            self._append([{"type": "turn", **turn.to_dict()} for turn in turns])

    def append_record(self, kind: str, data: dict[str, Any]) -> None:
        """Record a note about the session itself (``resumed``); readers skip kinds they
        do not know."""
        self._append([{"type": kind, **data}])

    def finish(self, summary: dict[str, Any]) -> None:
        """Mark the session finished (it no longer shows up for ``resume``) and close."""
        try:
            self._append([{"type": "finished", **summary}])
        finally:
            self.close()

    def close(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = -1

    @staticmethod
    def read(path: Path) -> JournalContents:
        """Read a journal, dropping a torn or corrupt last line with a notice.

        Raises StorageError (one line) if the file cannot be read or is not a journal.
        """
        try:
            with open_regular(path) as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > MAX_JOURNAL_BYTES:
                    raise StorageError(f"{path}: {size:,} bytes is too large for a session journal")
                raw = handle.read(MAX_JOURNAL_BYTES + 1)
        except OSError as exc:
            raise StorageError(f"cannot read {path}: {_reason(exc)}") from None
        contents = JournalContents(header={})
        lines = raw.split(b"\n")
        tail = lines.pop()  # b"" when the file ends with a newline
        offset = 0
        for number, line in enumerate(lines, 1):
            record = _parse_line(line)
            if record is None:
                rest = len(lines) - number
                if rest == 0 and not tail:
                    contents.notices.append(f"{path.name}: dropped a damaged last line")
                else:
                    contents.lost_lines = rest + (1 if tail else 0)
                    contents.notices.append(
                        f"{path.name}: line {number} is damaged; it and the "
                        f"{contents.lost_lines} line(s) after it were ignored"
                    )
                break
            offset += len(line) + 1
            kind = record.pop("type", None)
            if number == 1:
                if kind != "header" or record.get("format") != JOURNAL_FORMAT:
                    break
                contents.header = record
            elif kind == "turn":
                contents.turns.append(record)
            elif kind == "finished":
                contents.finished = True
            elif kind == "resumed":
                contents.resumed += 1
            contents.valid_bytes = offset
        else:
            if tail:
                contents.notices.append(f"{path.name}: dropped a half-written last line")
        if not contents.header:
            raise StorageError(f"{path}: not a session journal (no header line)")
        return contents


def _parse_line(line: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return record if isinstance(record, dict) else None


BROKEN_FOLDER = "broken"
"""Journals that cannot be resumed are moved into this sub-folder, never deleted."""


def move_aside(path: Path, reason: str) -> str:
    """Move a journal that cannot be resumed into ``broken/`` beside it (kept, out of the
    way of ``resume --last``); returns the one-line notice saying what and where."""
    if not is_regular(path):
        return f"skipped {path.name}: {reason}"
    target = path.parent / BROKEN_FOLDER / path.name
    try:
        target.parent.mkdir(exist_ok=True)
        if target.exists():
            target = target.with_name(f"{path.stem}-{time.time_ns()}{path.suffix}")
        os.replace(path, target)
    except OSError as exc:
        return f"skipped {path.name}: {reason} (it could not be moved aside: {_reason(exc)})"
    _fsync_dir(path.parent)
    return f"moved {path.name} to {target}: {reason}"


def journals(folder: Path | None = None) -> Iterator[Path]:
    """Every journal file, oldest name first (names start with the UTC start time)."""
    folder = folder or user_dir("journals")
    if folder.is_dir():
        yield from sorted(folder.glob("*.jsonl"))


def save_attempt(session_id: str, record: dict[str, Any], folder: Path | None = None) -> Path:
    """Save a finished attempt (``{"transcript", "report", ...}``) atomically."""
    folder = folder or user_dir("attempts")
    return atomic_write(folder / f"{session_id}.json", json_text(record) + "\n")


def iter_attempts(
    folder: Path | None = None, skipped: list[str] | None = None
) -> Iterator[dict[str, Any]]:
    """Every saved attempt that can be read, one at a time (unreadable files are skipped),
    so a long history never has to sit in memory at once. ``skipped`` collects a notice
    for each special file (a FIFO...) passed over."""
    folder = folder or user_dir("attempts")
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.json")):
        if skipped is not None and path.exists() and not is_regular(path):
            skipped.append(not_regular(path))
            continue
        try:
            with open_regular(path) as handle:
                if os.fstat(handle.fileno()).st_size > MAX_JOURNAL_BYTES:
                    continue
                raw = handle.read(MAX_JOURNAL_BYTES + 1)
            data = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError, RecursionError):
            continue  # unreadable, too large or not a regular file: never blocks
        if isinstance(data, dict):
            data.setdefault("id", path.stem)
            yield data


def load_attempts(folder: Path | None = None) -> list[dict[str, Any]]:
    """Every saved attempt that can be read (unreadable files are skipped)."""
    return list(iter_attempts(folder))
