"""A class review, without a UI: verify every submission, then one status per student.

``review`` takes an assignment and files or folders of submissions (and optionally a
roster), verifies each file (``verify.verify_file``; in parallel processes for large
folders), marks duplicates and attempts beyond the limit, keeps the best counted attempt
per student and scenario (best-of-N), and gives each student a status:

- ``completed``: every assigned scenario passed, on time;
- ``late``: every scenario passed, at least one only after the due date;
- ``did not pass``: submitted, but some scenario has no passing attempt (this includes a
  student whose only submissions were flagged as mismatches: flagged files never count);
- ``in progress``: some scenarios passed or tried, others not submitted yet;
- ``not started``: on the roster with nothing usable submitted.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.homework.assignment import Assignment, check_student_name, student_key
from simulator.homework.errors import HomeworkError
from simulator.homework.verify import Verdict, verify_file
from simulator.storage import read_regular

STATUSES = ("completed", "late", "did not pass", "in progress", "not started")
PARALLEL_FROM = 48
"""Folders at least this large are verified in several processes."""
MAX_ROSTER_BYTES = 1024 * 1024

Progress = Callable[[int, int], None]


@dataclass
class StudentRow:
    """One student's standing on the assignment."""

    name: str
    key: str
    status: str = "not started"
    on_roster: bool = False
    best: dict[str, Verdict] = field(default_factory=dict)
    """The best counted attempt per scenario id."""
    submissions: int = 0
    flagged: int = 0
    """Submissions that could not be verified (mismatch), not counted."""
    set_aside: int = 0
    """Submissions for another assignment or beyond the attempt limit."""

    @property
    def score(self) -> int | None:
        """The best score (the mean of the best per scenario when there are several)."""
        scores = [v.score for v in self.best.values() if v.score is not None]
        return round(sum(scores) / len(scores)) if scores else None

    def notes(self) -> list[str]:
        notes = []
        if self.flagged:
            notes.append(f"{self.flagged} flagged")
        if self.set_aside:
            notes.append(f"{self.set_aside} set aside")
        if not self.on_roster:
            notes.append("not on roster")
        return notes


@dataclass
class ClassReview:
    """Everything a review found: one verdict per file, one row per student."""

    assignment: Assignment
    verdicts: list[Verdict]
    students: list[StudentRow]
    roster_given: bool = False

    def status_counts(self) -> dict[str, int]:
        counts = Counter(s.status for s in self.students)
        return {status: counts.get(status, 0) for status in STATUSES}

    def check_counts(self) -> dict[str, int]:
        counts = Counter(v.label for v in self.verdicts)
        return dict(sorted(counts.items()))

    def best_verdicts(self) -> list[Verdict]:
        return [v for s in self.students for v in s.best.values()]


def collect_files(paths: Iterable[Path], skip: Path | None = None) -> list[Path]:
    """Submission files from files and folders (folders searched recursively for *.json)."""
    seen: set[Path] = set()
    found: list[Path] = []
    skip_resolved = skip.resolve() if skip else None
    for path in paths:
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*.json") if p.is_file())
        elif path.exists():
            candidates = [path]
        else:
            raise HomeworkError(f"{path}: no such file or folder")
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved in seen or resolved == skip_resolved:
                continue
            seen.add(resolved)
            found.append(candidate)
    return found


def read_roster(path: Path) -> list[str]:
    """Student names, one per line (blank lines and lines starting with # are ignored)."""
    try:
        raw = read_regular(path, MAX_ROSTER_BYTES)
    except OSError as exc:
        raise HomeworkError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_ROSTER_BYTES:
        raise HomeworkError(f"{path}: a roster over 1 MB is refused")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HomeworkError(f"{path}: not UTF-8 text") from None
    names: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            name = check_student_name(line)
        except HomeworkError as exc:
            raise HomeworkError(f"{path}:{number}: {exc}") from None
        names.setdefault(student_key(name), name)
    return list(names.values())


def review(
    assignment: Assignment,
    files: list[Path],
    *,
    roster: list[str] | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> ClassReview:
    """Verify every file and summarise the class."""
    verdicts = verify_all(assignment, files, progress=progress, workers=workers)
    mark_duplicates_and_limits(assignment, verdicts)
    students = summarise(assignment, verdicts, roster)
    return ClassReview(assignment, verdicts, students, roster_given=roster is not None)


def verify_all(
    assignment: Assignment,
    files: list[Path],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
) -> list[Verdict]:
    """One verdict per file, in the order given (parallel for large folders)."""
    total = len(files)
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if total >= PARALLEL_FROM else 1
    verdicts: list[Verdict] = []
    if workers <= 1:
        for done, path in enumerate(files, 1):
            verdicts.append(verify_file(assignment, path))
            if progress:
                progress(done, total)
        return verdicts
    chunk = max(1, min(32, total // (workers * 4) or 1))
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(assignment,)
    ) as pool:
        for done, verdict in enumerate(pool.map(_verify_in_worker, files, chunksize=chunk), 1):
            verdicts.append(verdict)
            if progress:
                progress(done, total)
    return verdicts


_WORKER_ASSIGNMENT: list[Assignment] = []


def _init_worker(assignment: Assignment) -> None:
    _WORKER_ASSIGNMENT[:] = [assignment]


def _verify_in_worker(path: Path) -> Verdict:
    return verify_file(_WORKER_ASSIGNMENT[0], path)


def mark_duplicates_and_limits(assignment: Assignment, verdicts: list[Verdict]) -> None:
    """Mark repeated files (same submission id) and attempts beyond the limit.

    Only verified files can be duplicates of each other: a flagged file that reuses an id
    is already set aside, and must not push the genuine file out.
    """
    seen: set[str] = set()
    for verdict in verdicts:
        if verdict.check == "verified":
            if verdict.submission_id in seen:
                verdict.duplicate = True
            seen.add(verdict.submission_id)
    limit = assignment.attempts
    if limit is None:
        return
    groups: dict[tuple[str, str], list[Verdict]] = {}
    for verdict in verdicts:
        if verdict.check in ("verified", "mismatch") and not verdict.duplicate:
            groups.setdefault((student_key(verdict.student), verdict.scenario), []).append(verdict)
    for group in groups.values():
        group.sort(key=lambda v: (v.submitted is None, v.submitted, v.attempt or 0))
        for index, verdict in enumerate(group):
            if index >= limit or (verdict.attempt or 0) > limit:
                verdict.over_limit = True


def summarise(
    assignment: Assignment, verdicts: list[Verdict], roster: list[str] | None
) -> list[StudentRow]:
    """One row per student (roster order first, then everyone else by name)."""
    rows: dict[str, StudentRow] = {}
    for name in roster or []:
        rows.setdefault(student_key(name), StudentRow(name, student_key(name), on_roster=True))
    for verdict in verdicts:
        if not verdict.student:
            continue
        key = student_key(verdict.student)
        row = rows.get(key)
        if row is None:
            row = rows[key] = StudentRow(verdict.student, key, on_roster=roster is None)
        row.submissions += 1
        if verdict.check == "mismatch" and not verdict.duplicate:
            row.flagged += 1
        elif verdict.check == "wrong_assignment" or verdict.over_limit:
            row.set_aside += 1
        if verdict.counts:
            current = row.best.get(verdict.scenario)
            if current is None or _better(verdict, current):
                row.best[verdict.scenario] = verdict
    for row in rows.values():
        row.status = _status(assignment, row)
    listed = [r for r in rows.values() if r.on_roster and roster is not None]
    others = sorted(
        (r for r in rows.values() if not (r.on_roster and roster is not None)),
        key=lambda r: r.key,
    )
    return listed + others


def _better(new: Verdict, old: Verdict) -> bool:
    """Best-of-N: a pass beats a fail, on time beats late, then the higher score, then earlier."""

    def rank(v: Verdict) -> tuple[Any, ...]:
        return (bool(v.passed), bool(v.passed) and not v.late, v.score or 0)

    return rank(new) > rank(old)


def _status(assignment: Assignment, row: StudentRow) -> str:
    states = []
    for entry in assignment.scenarios:
        best = row.best.get(entry.id)
        if best is None:
            states.append("missing")
        elif best.passed:
            states.append("late" if best.late else "passed")
        else:
            states.append("failed")
    if all(s == "missing" for s in states):
        return "did not pass" if row.flagged else "not started"
    if "missing" in states:
        return "in progress"
    if "failed" in states:
        return "did not pass"
    return "late" if "late" in states else "completed"
