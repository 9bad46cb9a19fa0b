"""Files a user owns, without a UI: atomic writes, per-session journals, saved attempts.

- ``atomic_write``: temp file in the same folder, fsync, ``os.replace``, fsync the folder.
- ``Journal``: one JSON line per finished turn, flushed and fsync'd before the persona's
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


class StorageError(Exception):
    """A file could not be written or read; the message says which and why, in one line."""


def atomic_write(path: Path, data: str | bytes) -> Path:
    """Write a whole file so that readers see the old or the new content, never half."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _fsync_dir(folder)
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


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


class Journal:
    """An append-only, fsync'd log of one session."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: Any = None

    @classmethod
    def create(cls, session_id: str, header: dict[str, Any], folder: Path | None = None) -> Journal:
        folder = folder or user_dir("journals")
        journal = cls(folder / f"{session_id}.jsonl")
        journal._append({"type": "header", "format": JOURNAL_FORMAT, **header})
        return journal

    def _open(self) -> Any:
        if self._handle is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._handle = self.path.open("a", encoding="utf-8")
            except OSError as exc:
                raise StorageError(f"cannot open {self.path}: {exc.strerror or exc}") from None
        return self._handle

    def _append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
        handle = self._open()
        try:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        except OSError as exc:
            raise StorageError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def append_turns(self, turns: list[Any]) -> None:
        """Record finished turns (``Turn`` objects) before they are shown."""
        for turn in turns:
            self._append({"type": "turn", **turn.to_dict()})

    def finish(self, summary: dict[str, Any]) -> None:
        self._append({"type": "finished", **summary})
        self.close()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    @staticmethod
    def read(path: Path) -> JournalContents:
        """Read a journal, dropping a torn or corrupt last line with a notice."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise StorageError(f"cannot read {path}: {exc.strerror or exc}") from None
        lines = raw.split(b"\n")
        contents = JournalContents(header={})
        torn_tail = lines[-1] != b""
        body = lines[:-1] if not torn_tail else lines
        for number, line in enumerate(body, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8"))
                if not isinstance(record, dict):
                    raise ValueError("not an object")
            except (ValueError, UnicodeDecodeError):
                last = number == len(body)
                what = "half-written last line" if last else f"damaged line {number}"
                contents.notices.append(f"{path.name}: dropped a {what}")
                if last:
                    continue
                break
            kind = record.pop("type", None)
            if kind == "header":
                contents.header = record
            elif kind == "turn":
                contents.turns.append(record)
            elif kind == "finished":
                contents.finished = True
        if not contents.header:
            raise StorageError(f"{path}: not a session journal (no header line)")
        return contents


def journals(folder: Path | None = None) -> Iterator[Path]:
    """Every journal file, newest name last."""
    folder = folder or user_dir("journals")
    if folder.is_dir():
        yield from sorted(folder.glob("*.jsonl"))


def save_attempt(session_id: str, record: dict[str, Any], folder: Path | None = None) -> Path:
    """Save a finished attempt (``{"transcript", "report", ...}``) atomically."""
    folder = folder or user_dir("attempts")
    text = json.dumps(record, ensure_ascii=False, sort_keys=True, indent=2)
    return atomic_write(folder / f"{session_id}.json", text + "\n")


def load_attempts(folder: Path | None = None) -> list[dict[str, Any]]:
    """Every saved attempt that can be read (unreadable files are skipped)."""
    folder = folder or user_dir("attempts")
    found = []
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(data, dict):
                data.setdefault("id", path.stem)
                found.append(data)
    return found
