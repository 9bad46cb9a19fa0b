"""Review outputs, without a UI: the terminal class table, CSV rows and the JSON summary.

Every string from a submission is untrusted: the terminal table strips control
characters (no escape sequences reach the coach's terminal) and CSV cells that a
spreadsheet would run as a formula are neutralised with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from simulator.homework.review import ClassReview, StudentRow
from simulator.homework.verify import Verdict
from simulator.textsafe import one_line

CSV_FIELDS = (
    "student",
    "student_status",
    "student_best",
    "scenario",
    "attempt",
    "submitted",
    "check",
    "late",
    "over_limit",
    "duplicate",
    "counted",
    "claimed_score",
    "score",
    "passed",
    "detail",
    "file",
)


def clean(text: Any, limit: int = 80) -> str:
    """Text safe for a terminal (``textsafe.printable``), on one line, at most ``limit``."""
    return one_line(str(text), limit)


def assignment_summary(review: ClassReview) -> dict[str, Any]:
    a = review.assignment
    return {
        "id": a.id,
        "title": a.title,
        "due": a.due.isoformat() if a.due else None,
        "pass_mark": a.pass_mark,
        "attempts": a.attempts,
        "mode": a.mode,
        "seed": a.seed if a.seed is not None else "per-student",
        "scenarios": [s.id for s in a.scenarios],
    }


def rules_line(review: ClassReview) -> str:
    a = review.assignment
    parts = [f"{a.mode} mode"]
    if a.due:
        parts.append(f"due {a.due.strftime('%Y-%m-%d %H:%M %z')}")
    if a.pass_mark is not None:
        parts.append(f"pass mark {a.pass_mark}")
    parts.append(f"{a.attempts} attempt(s)" if a.attempts else "unlimited attempts")
    return ", ".join(parts)


def class_table(review: ClassReview, *, all_files: bool = False) -> str:
    """The class at a glance, for the terminal."""
    a = review.assignment
    width = max([7] + [len(clean(s.name, 32)) for s in review.students])
    out = [f"{clean(a.title)} ({a.id}): {rules_line(review)}", ""]
    out.append(f"{'Student':<{width}}  {'Status':<12}  {'Best':>4}  {'Tries':>5}  Notes")
    for row in review.students:
        best = "-" if row.score is None else str(row.score)
        out.append(
            f"{clean(row.name, 32):<{width}}  {row.status:<12}  {best:>4}  "
            f"{row.submissions:>5}  {', '.join(row.notes())}".rstrip()
        )
    counts = ", ".join(f"{k} {v}" for k, v in review.status_counts().items())
    checks = ", ".join(f"{k} {v}" for k, v in review.check_counts().items()) or "none"
    out += ["", f"Students: {counts}", f"Files: {len(review.verdicts)} ({checks})"]
    shown = [v for v in review.verdicts if all_files or v.check != "verified" or v.marks()[1:]]
    if shown:
        out += ["", "Files:" if all_files else "Files needing a look:"]
        for v in shown:
            who = f"{clean(v.student, 32)}, " if v.student else ""
            detail = f": {clean(v.detail, 120)}" if v.detail else ""
            out.append(f"  {clean(v.file, 100)} ({who}{'; '.join(v.marks())}){detail}")
    return "\n".join(out)


def _safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _row(v: Verdict | None, student: StudentRow | None) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(CSV_FIELDS, "")
    if student is not None:
        row["student"] = student.name
        row["student_status"] = student.status
        row["student_best"] = "" if student.score is None else student.score
    if v is not None:
        row.update(
            student=row["student"] or v.student,
            scenario=v.scenario,
            attempt="" if v.attempt is None else v.attempt,
            submitted=v.submitted.isoformat() if v.submitted else "",
            check=v.label,
            late="yes" if v.late else "no",
            over_limit="yes" if v.over_limit else "no",
            duplicate="yes" if v.duplicate else "no",
            counted="yes" if v.counts else "no",
            claimed_score="" if v.claimed_score is None else v.claimed_score,
            score="" if v.score is None else v.score,
            passed="" if v.passed is None else ("yes" if v.passed else "no"),
            detail=v.detail,
            file=v.file,
        )
    return {k: _safe_cell(val) for k, val in row.items()}


def to_csv(review: ClassReview) -> str:
    """One row per submission file, plus one per roster student with none."""
    by_key = {s.key: s for s in review.students}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    from simulator.homework.assignment import student_key

    seen: set[str] = set()
    for v in review.verdicts:
        student = by_key.get(student_key(v.student)) if v.student else None
        if student is not None:
            seen.add(student.key)
        writer.writerow(_row(v, student))
    for student in review.students:
        if student.key not in seen:
            writer.writerow(_row(None, student))
    return buffer.getvalue()


def verdict_dict(v: Verdict) -> dict[str, Any]:
    return {
        "file": v.file,
        "student": v.student,
        "scenario": v.scenario,
        "attempt": v.attempt,
        "submitted": v.submitted.isoformat() if v.submitted else None,
        "check": v.check,
        "marks": v.marks(),
        "detail": v.detail,
        "late": v.late,
        "over_limit": v.over_limit,
        "duplicate": v.duplicate,
        "counted": v.counts,
        "claimed_score": v.claimed_score,
        "score": v.score,
        "passed": v.passed,
        "simulator": v.simulator,
    }


def to_json(review: ClassReview) -> str:
    """The whole review as JSON (no transcripts)."""
    data = {
        "format": "interview-simulator/review",
        "version": 1,
        "assignment": assignment_summary(review),
        "statuses": review.status_counts(),
        "checks": review.check_counts(),
        "students": [
            {
                "name": s.name,
                "status": s.status,
                "best_score": s.score,
                "on_roster": s.on_roster,
                "submissions": s.submissions,
                "flagged": s.flagged,
                "set_aside": s.set_aside,
                "best": {
                    sid: {"file": v.file, "score": v.score, "passed": v.passed, "late": v.late}
                    for sid, v in s.best.items()
                },
            }
            for s in review.students
        ],
        "submissions": [verdict_dict(v) for v in review.verdicts],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
