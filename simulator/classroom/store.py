"""The class's submissions and events in SQLite, without a UI: every receipt is a committed row.

One database file per class (``<class folder>/class.sqlite3``), in WAL mode with
``synchronous=FULL``, so a row is on disk before the learner is given its receipt and a
server stopped with Ctrl+C or killed outright restarts with every receipted submission.
Two tables: ``submissions`` (one row per accepted submission: the exact bytes received,
the server's receipt time, what verification found) and ``events`` (who joined, left,
submitted or was refused, and why). A write that fails (a full disk) rolls back whole:
nothing half-written is ever stored, and the caller tells the learner.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS submissions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt TEXT NOT NULL UNIQUE,
    submission_id TEXT NOT NULL UNIQUE,
    student TEXT NOT NULL,
    student_key TEXT NOT NULL,
    scenario TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    received TEXT NOT NULL,
    client TEXT NOT NULL,
    score INTEGER,
    passed INTEGER,
    late INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS submissions_student ON submissions (student_key, scenario);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    student TEXT NOT NULL DEFAULT '',
    session TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    client TEXT NOT NULL DEFAULT ''
);
"""


class StoreFull(Exception):
    """The database could not take the write (disk or size limit full); nothing was stored."""


def now_utc() -> datetime:
    """The server's clock, in UTC with microseconds (receipt times order attempts)."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class StoredSubmission:
    """One accepted submission as stored."""

    seq: int
    receipt: str
    submission_id: str
    student: str
    student_key: str
    scenario: str
    attempt: int
    received: str
    client: str
    score: int | None
    passed: bool | None
    late: bool
    body: bytes


class ClassStore:
    """The class database: thread-safe (one connection, one lock), durable per commit."""

    def __init__(self, path: Path, *, max_pages: int | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(SCHEMA)
        if max_pages is not None:  # a size cap: how tests make the "disk" fill up
            self._db.execute(f"PRAGMA max_page_count={int(max_pages)}")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _write(self, statements: list[tuple[str, tuple[Any, ...]]]) -> None:
        """Run statements in one transaction: all committed, or none (StoreFull on a full disk)."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                for sql, params in statements:
                    self._db.execute(sql, params)
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if _is_full(exc):
                    raise StoreFull(str(exc)) from None
                raise

    def add_submission(
        self,
        *,
        submission_id: str,
        student: str,
        student_key: str,
        scenario: str,
        attempt: int,
        received: datetime,
        client: str,
        score: int | None,
        passed: bool | None,
        late: bool,
        body: bytes,
    ) -> str:
        """Store one accepted submission and its event; returns the receipt id once committed."""
        receipt = f"rcpt-{secrets.token_hex(8)}"
        stamp = received.isoformat()
        self._write(
            [
                (
                    "INSERT INTO submissions (receipt, submission_id, student, student_key, "
                    "scenario, attempt, received, client, score, passed, late, sha256, body) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        receipt,
                        submission_id,
                        student,
                        student_key,
                        scenario,
                        attempt,
                        stamp,
                        client,
                        score,
                        None if passed is None else int(passed),
                        int(late),
                        hashlib.sha256(body).hexdigest(),
                        body,
                    ),
                ),
                (
                    "INSERT INTO events (at, kind, student, detail, client) VALUES (?,?,?,?,?)",
                    (stamp, "submitted", student, receipt, client),
                ),
            ]
        )
        return receipt

    def add_event(
        self, kind: str, *, student: str = "", session: str = "", detail: str = "", client: str = ""
    ) -> None:
        """Record one event (joined, left, refused ...); StoreFull if it cannot be written."""
        self._write(
            [
                (
                    "INSERT INTO events (at, kind, student, session, detail, client) "
                    "VALUES (?,?,?,?,?,?)",
                    (now_utc().isoformat(), kind, student, session, detail[:500], client),
                )
            ]
        )

    def find(self, submission_id: str) -> StoredSubmission | None:
        """The stored submission with this id (a retried upload), if any."""
        rows = self._query("WHERE submission_id = ?", (submission_id,))
        return rows[0] if rows else None

    def count_for(self, student_key: str, scenario: str) -> int:
        """How many submissions this student has stored for this scenario."""
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*) FROM submissions WHERE student_key = ? AND scenario = ?",
                (student_key, scenario),
            ).fetchone()
        return int(row[0])

    def submissions(self) -> list[StoredSubmission]:
        """Every stored submission, in the order received."""
        return self._query("ORDER BY seq", ())

    def events(self, limit: int = 2000) -> list[dict[str, Any]]:
        """The latest events, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, at, kind, student, session, detail, client FROM events "
                "ORDER BY seq DESC LIMIT ?",
                (limit,),
            ).fetchall()
        keys = ("seq", "at", "kind", "student", "session", "detail", "client")
        return [dict(zip(keys, row, strict=True)) for row in reversed(rows)]

    def _query(self, where: str, params: tuple[Any, ...]) -> list[StoredSubmission]:
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, receipt, submission_id, student, student_key, scenario, attempt, "
                f"received, client, score, passed, late, body FROM submissions {where}",
                params,
            ).fetchall()
        return [
            StoredSubmission(
                seq=r[0],
                receipt=r[1],
                submission_id=r[2],
                student=r[3],
                student_key=r[4],
                scenario=r[5],
                attempt=r[6],
                received=r[7],
                client=r[8],
                score=r[9],
                passed=None if r[10] is None else bool(r[10]),
                late=bool(r[11]),
                body=bytes(r[12]),
            )
            for r in rows
        ]


def _is_full(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code == sqlite3.SQLITE_FULL or "full" in str(exc).lower()
