"""The class as the coach sees it, without a UI: review's own code over the stored submissions.

Every stored submission is verified with ``homework.verify.verify`` (the code ``simulator
review`` runs), then marked and summarised with review's ``mark_duplicates_and_limits``
and ``summarise``, so statuses, best-of-N and the downloads (CSV, JSON, HTML) are the
review's. Two facts come from the server instead of the learner's file: the receipt
time (``Verdict.submitted``, which orders attempts) and lateness (received after the
due date). Verdicts are cached per receipt: a restart re-verifies each row once.

The per-student feedback page and the gradebook go through ``homework_outputs`` (one
switchable adapter; see that module).
"""

from __future__ import annotations

import dataclasses
import threading
from datetime import datetime
from typing import Any

from simulator.classroom import homework_outputs
from simulator.classroom.store import ClassStore, StoredSubmission
from simulator.homework.analytics import common_findings, criterion_averages
from simulator.homework.assignment import Assignment
from simulator.homework.review import ClassReview, mark_duplicates_and_limits, summarise
from simulator.homework.safe_json import parse_json
from simulator.homework.submission import submission_from_data
from simulator.homework.verify import Verdict, verify


def file_label(row: StoredSubmission) -> str:
    """The name a stored submission goes by in the class files (sortable by receipt)."""
    return f"{row.seq:06d}-{row.receipt}.json"


class Gradebook:
    """Builds the ``ClassReview`` of everything stored, on demand."""

    def __init__(
        self, assignment: Assignment, store: ClassStore, roster: list[str] | None = None
    ) -> None:
        self.assignment = assignment
        self.store = store
        self.roster = roster
        self._cache: dict[str, Verdict] = {}
        self._lock = threading.Lock()

    def _verdict(self, row: StoredSubmission) -> Verdict:
        with self._lock:
            cached = self._cache.get(row.receipt)
        if cached is None:
            label = file_label(row)
            try:
                cached = verify(self.assignment, submission_from_data(parse_json(row.body)), label)
            except Exception as exc:  # stored rows were verified once; say so if not now
                cached = Verdict(label, "unreadable", f"could not be re-checked ({exc!r:.60})")
            with self._lock:
                self._cache[row.receipt] = cached
        received = datetime.fromisoformat(row.received)
        return dataclasses.replace(cached, submitted=received, late=row.late)

    def review(self) -> ClassReview:
        """The class review of every stored submission, in the order received."""
        verdicts = [self._verdict(row) for row in self.store.submissions()]
        mark_duplicates_and_limits(self.assignment, verdicts)
        students = summarise(self.assignment, verdicts, self.roster)
        return ClassReview(
            self.assignment, verdicts, students, roster_given=self.roster is not None
        )

    # ------------------------------------------------------------------ downloads
    def csv(self) -> str:
        return homework_outputs.gradebook_csv(self.review())

    def json(self) -> str:
        return homework_outputs.review_json(self.review())

    def html(self) -> str:
        return homework_outputs.class_html(self.review())

    def feedback(self, key: str) -> str | None:
        """The feedback page of the student with this key (``student_key``), if any."""
        review = self.review()
        for row in review.students:
            if row.key == key:
                return homework_outputs.feedback_html(review, row)
        return None

    # ------------------------------------------------------------------ live state
    def state(self, playing: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """What the dashboard shows: one row per student, averages, common findings.

        ``playing``: student key -> {"name", "stage", "since"} for open browser sessions.
        Every string is data for ``textContent`` in the page, never markup.
        """
        review = self.review()
        rows = []
        seen: set[str] = set()
        for student in review.students:
            seen.add(student.key)
            live = playing.get(student.key)
            rows.append(
                {
                    "key": student.key,
                    "name": student.name,
                    "status": student.status,
                    "score": student.score,
                    "submissions": student.submissions,
                    "notes": student.notes(),
                    "playing": live is not None,
                    "stage": live.get("stage", "") if live else "",
                    "last_received": _last_received(review, student.key),
                }
            )
        for key, live in sorted(playing.items()):
            if key not in seen:
                rows.append(
                    {
                        "key": key,
                        "name": live.get("name", ""),
                        "status": "playing",
                        "score": None,
                        "submissions": 0,
                        "notes": [],
                        "playing": True,
                        "stage": live.get("stage", ""),
                        "last_received": None,
                    }
                )
        return {
            "assignment": {"id": self.assignment.id, "title": self.assignment.title},
            "students": rows,
            "counts": review.status_counts(),
            "submissions": len(review.verdicts),
            "criteria": [
                {
                    "name": c.name,
                    "average": None if c.average is None else round(c.average, 1),
                    "students": c.students,
                }
                for c in criterion_averages(review)
            ],
            "findings": [
                {
                    "signal": f.signal,
                    "rule": f.rule,
                    "polarity": f.polarity,
                    "students": len(f.students),
                    "submissions": f.submissions,
                }
                for f in common_findings(review, limit=6)
            ],
        }


def _last_received(review: ClassReview, key: str) -> str | None:
    from simulator.homework.assignment import student_key

    stamps = [
        v.submitted.isoformat()
        for v in review.verdicts
        if v.submitted and v.student and student_key(v.student) == key
    ]
    return max(stamps) if stamps else None
