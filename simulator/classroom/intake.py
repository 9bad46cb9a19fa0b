"""Taking in one submission, without a UI or a web framework: check, verify, store, receipt.

``Intake.accept(body, client)`` is the whole path of an upload once the server has read
its bytes: parse them as untrusted JSON (size and depth bounded), validate the fields,
verify the submission with exactly the code ``simulator review`` uses (replay the inputs,
re-grade, compare), apply the attempt limit in the order the server received them, and
store it. The receipt id is returned only after the row is committed. Anything else
raises ``Refused`` with an HTTP status and one plain sentence for the learner.

Lateness is decided by the server's receipt time, not the learner's clock. Sending the
same submission again (a retry after a lost answer) returns the first receipt.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from simulator.classroom.store import ClassStore, StoredSubmission, StoreFull, now_utc
from simulator.homework.assignment import Assignment, student_key
from simulator.homework.errors import HomeworkError
from simulator.homework.safe_json import JsonFileError, parse_json
from simulator.homework.submission import submission_from_data
from simulator.homework.verify import Verdict, verify

MAX_BODY_BYTES = 1024 * 1024
"""The largest submission taken over the network (a long session is under 200 KB)."""


class Refused(Exception):
    """A submission that was not stored: ``status`` for HTTP, ``reason`` for the learner."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Receipt:
    """What the learner gets back for a stored submission."""

    receipt: str
    received: str
    student: str
    scenario: str
    attempt: int
    score: int | None
    passed: bool | None
    late: bool
    repeated: bool = False
    """True when this exact submission had already been received (a retry)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "receipt": self.receipt,
            "received": self.received,
            "student": self.student,
            "scenario": self.scenario,
            "attempt": self.attempt,
            "score": self.score,
            "passed": self.passed,
            "late": self.late,
            "repeated": self.repeated,
        }


class Intake:
    """Accepts submissions for one assignment into one store."""

    def __init__(
        self, assignment: Assignment, store: ClassStore, *, max_bytes: int = MAX_BODY_BYTES
    ) -> None:
        self.assignment = assignment
        self.store = store
        self.max_bytes = max_bytes

    def accept(self, body: bytes, client: str = "", received: datetime | None = None) -> Receipt:
        """Verify and store one submission body; raises Refused with the learner's reason."""
        received = received or now_utc()
        if len(body) > self.max_bytes:
            raise Refused(413, f"the submission is over {self.max_bytes // 1024} KB; refused")
        try:
            raw = parse_json(body)
            submission = submission_from_data(raw)
        except (JsonFileError, HomeworkError) as exc:
            self._refused(client, "", f"unreadable: {exc}")
            raise Refused(400, f"not a submission this class can read: {exc}") from None
        earlier = self.store.find(submission.id)
        if earlier is not None:
            return _receipt(earlier, repeated=True)
        try:
            verdict = verify(self.assignment, submission, submission.id)
        except Exception as exc:  # untrusted data must never crash the server
            verdict = Verdict(submission.id, "unreadable", f"could not be checked ({exc!r:.80})")
        if verdict.check != "verified":
            reason = f"{verdict.label}: {verdict.detail}"
            self._refused(client, submission.student, reason)
            raise Refused(422, f"not accepted ({reason})")
        key = student_key(submission.student)
        limit = self.assignment.attempts
        if limit is not None and self.store.count_for(key, submission.scenario) >= limit:
            reason = (
                f"{submission.student} has already submitted {limit} of {limit} allowed "
                f"attempt(s) at '{submission.scenario}'"
            )
            self._refused(client, submission.student, reason)
            raise Refused(409, f"not accepted: {reason}")
        late = self.assignment.is_late(received)
        try:
            receipt = self.store.add_submission(
                submission_id=submission.id,
                student=submission.student,
                student_key=key,
                scenario=submission.scenario,
                attempt=submission.attempt,
                received=received,
                client=client,
                score=verdict.score,
                passed=verdict.passed,
                late=late,
                body=body,
            )
        except sqlite3.IntegrityError:  # the same submission, sent twice at the same moment
            again = self.store.find(submission.id)
            if again is None:
                raise
            return _receipt(again, repeated=True)
        except StoreFull:
            raise Refused(
                507,
                "the coach's computer could not store it (its disk is full); nothing was "
                "kept: keep your copy and submit again once the coach has made room",
            ) from None
        return Receipt(
            receipt,
            received.isoformat(),
            submission.student,
            submission.scenario,
            submission.attempt,
            verdict.score,
            verdict.passed,
            late,
        )

    def _refused(self, client: str, student: str, reason: str) -> None:
        # Recording the refusal is best effort: the refusal itself is what the learner sees.
        with contextlib.suppress(Exception):
            self.store.add_event("refused", student=student, detail=reason, client=client)


def _receipt(row: StoredSubmission, *, repeated: bool) -> Receipt:
    return Receipt(
        row.receipt,
        row.received,
        row.student,
        row.scenario,
        row.attempt,
        row.score,
        row.passed,
        row.late,
        repeated=repeated,
    )
