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
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.paths import user_dir

JOURNAL_FORMAT = "interview-simulator/journal"
MAX_JOURNAL_BYTES = 64 * 1024 * 1024
"""A journal larger than this is not one the simulator wrote (a long session is < 5 MB)."""


class StorageError(Exception):
    """A file could not be written or read; the message says which and why, in one line."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


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
    summary: dict[str, Any] = field(default_factory=dict)
    """What the ``finished`` record says (score, passed; ``homework`` for assignments)."""
    submitted: dict[str, Any] | None = None
    """The last ``submitted`` record (homework): where and when it was handed in."""
    notices: list[str] = field(default_factory=list)
    resumed: int = 0
    """How many times the session was resumed."""
    valid_bytes: int = 0
    """Length of the undamaged start of the file (what a resumed journal keeps)."""
    lost_lines: int = 0
    """Complete lines after a damaged one, ignored (0 after an ordinary kill)."""


class Journal:
    """An append-only, fsync'd log of one session.

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
        journal._append([{"type": "header", "format": JOURNAL_FORMAT, **header}])
        _fsync_dir(folder)
        return journal

    @classmethod
    def reopen(cls, path: Path, contents: JournalContents) -> Journal:
        """Continue an existing journal after ``read``: a torn or damaged tail is cut off
        first (a damaged file is copied aside as ``<name>.damaged`` before cutting)."""
        journal = cls(path)
        try:
            size = path.stat().st_size
            if size > contents.valid_bytes:
                if contents.lost_lines:
                    backup = path.with_name(path.name + ".damaged")
                    atomic_write(backup, path.read_bytes())
                with path.open("r+b") as handle:
                    handle.truncate(contents.valid_bytes)
                    handle.flush()
                    os.fsync(handle.fileno())
        except OSError as exc:
            raise StorageError(f"cannot repair {path}: {_reason(exc)}") from None
        journal._open(new=False)
        return journal

    def _open(self, *, new: bool) -> None:
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        if new:
            flags |= os.O_EXCL
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, flags, 0o600)
            self._size = os.fstat(self._fd).st_size
        except OSError as exc:
            raise StorageError(f"cannot write {self.path}: {_reason(exc)}") from None

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
            size = path.stat().st_size
            if size > MAX_JOURNAL_BYTES:
                raise StorageError(f"{path}: {size:,} bytes is too large for a session journal")
            raw = path.read_bytes()
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
                contents.summary = record
            elif kind == "submitted":
                contents.submitted = record
            elif kind == "resumed":
                contents.resumed += 1
            contents.valid_bytes = offset
        else:
            if tail:
                contents.notices.append(f"{path.name}: dropped a half-written last line")
        if not contents.header:
            raise StorageError(f"{path}: not a session journal (no header line)")
        return contents


def append_to_journal(path: Path, kind: str, data: dict[str, Any]) -> None:
    """Add one record to a (possibly finished) journal, e.g. ``submitted``; StorageError."""
    journal = Journal.reopen(path, Journal.read(path))
    try:
        journal.append_record(kind, data)
    finally:
        journal.close()


def _parse_line(line: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return record if isinstance(record, dict) else None


def journals(folder: Path | None = None) -> Iterator[Path]:
    """Every journal file, oldest name first (names start with the UTC start time)."""
    folder = folder or user_dir("journals")
    if folder.is_dir():
        yield from sorted(folder.glob("*.jsonl"))


def save_attempt(session_id: str, record: dict[str, Any], folder: Path | None = None) -> Path:
    """Save a finished attempt (``{"transcript", "report", ...}``) atomically."""
    folder = folder or user_dir("attempts")
    return atomic_write(folder / f"{session_id}.json", json_text(record) + "\n")


def iter_attempts(folder: Path | None = None) -> Iterator[dict[str, Any]]:
    """Every saved attempt that can be read, one at a time (unreadable files are skipped),
    so a long history never has to sit in memory at once."""
    folder = folder or user_dir("attempts")
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.json")):
        try:
            if path.stat().st_size > MAX_JOURNAL_BYTES:
                continue
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            continue
        if isinstance(data, dict):
            data.setdefault("id", path.stem)
            yield data


def load_attempts(folder: Path | None = None) -> list[dict[str, Any]]:
    """Every saved attempt that can be read (unreadable files are skipped)."""
    return list(iter_attempts(folder))
