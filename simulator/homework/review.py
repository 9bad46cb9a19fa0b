"""A class review, without a UI: verify every submission, then one status per student.

``review`` takes an assignment and files or folders of submissions (and optionally a
roster and the coach's annotations), verifies each file (``verify.verify_file``; in
parallel processes for large folders), marks duplicates and attempts beyond the limit,
keeps the best counted attempt per student and scenario (best-of-N), runs the class-wide
integrity checks (``integrity``) and gives each student a status:

- ``completed``: every assigned scenario passed, on time;
- ``late``: every scenario passed, at least one only after the due date;
- ``needs review``: something needs the coach's eyes before any grade is trusted: an
  edited or copied file, text shared with other students, duplicate attempt numbers, a
  name with control characters, changed times, or a file that could not be read;
- ``did not pass``: submitted, but some scenario has no passing attempt;
- ``in progress``: some scenarios tried, others not submitted yet;
- ``not started``: on the roster with nothing submitted.

"Best" is defined once here (``StudentRow.best_score``): the best counted attempt of each
scenario (a pass beats a fail, on time beats late, then the higher score); with several
scenarios, the mean of those, a scenario with no counted attempt counting 0.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.homework.annotations import Annotations
from simulator.homework.assignment import Assignment, student_key
from simulator.homework.errors import HomeworkError
from simulator.homework.integrity import check_class
from simulator.homework.roster import RosterEntry, read_roster
from simulator.homework.verify import Verdict, verify_file

STATUSES = ("completed", "late", "needs review", "did not pass", "in progress", "not started")
BEST_MEANS = (
    "Best: each scenario's best counted attempt (a pass beats a fail, on time beats late, "
    "then the higher score); with several scenarios, their mean, a missing one counting 0."
)
PARALLEL_FROM = 48
"""Folders at least this large are verified in several processes."""

Progress = Callable[[int, int], None]
__all__ = ["BEST_MEANS", "STATUSES", "ClassReview", "StudentRow", "read_roster", "review"]


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
    unreadable: int = 0
    """Files matched to this student that could not be read or checked."""
    scenarios: tuple[str, ...] = ()
    """The assignment's scenario ids (to count a missing one as 0 in ``best_score``)."""
    flags: list[str] = field(default_factory=list)
    """Integrity findings, in plain words (any makes the status "needs review")."""
    comment: str = ""
    """The coach's comment (annotations)."""
    override: dict[str, Any] | None = None
    """The coach's grade override: ``{"grade": int, "reason": str}`` (annotations)."""
    email: str = ""
    sis_id: str = ""
    login: str = ""
    section: str = ""

    @property
    def best_score(self) -> int | None:
        """Best (see ``BEST_MEANS``); None when nothing counted."""
        scores = [v.score for v in self.best.values() if v.score is not None]
        if not scores:
            return None
        wanted = self.scenarios or tuple(self.best)
        total = sum((self.best[s].score or 0) if s in self.best else 0 for s in wanted)
        return round(total / len(wanted))

    @property
    def score(self) -> int | None:
        """The grade that counts: the coach's override, else ``best_score``."""
        if self.override is not None:
            return int(self.override["grade"])
        return self.best_score

    def not_passed(self) -> list[str]:
        """The scenarios with no passing counted attempt, and their best score."""
        out = []
        for sid in self.scenarios:
            v = self.best.get(sid)
            if v is not None and not v.passed:
                out.append(f"{sid} best {v.score}" if v.score is not None else sid)
        return out

    def notes(self) -> list[str]:
        """Short notes for the class table: flags, files set aside, overrides."""
        notes = []
        if self.flags:
            notes.append(f"{len(self.flags)} to review")
        if self.flagged:
            notes.append(f"{self.flagged} flagged")
        if self.unreadable:
            notes.append(f"{self.unreadable} unreadable")
        if self.set_aside:
            notes.append(f"{self.set_aside} set aside")
        if self.status == "did not pass" and self.not_passed():
            notes.append("not passed: " + ", ".join(self.not_passed()))
        if self.override is not None:
            notes.append(f"override {self.override['grade']} (was {self.best_score})")
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
    _by_student: dict[str, list[Verdict]] | None = field(default=None, repr=False)

    def status_counts(self) -> dict[str, int]:
        counts = Counter(s.status for s in self.students)
        return {status: counts.get(status, 0) for status in STATUSES}

    def check_counts(self) -> dict[str, int]:
        counts = Counter(v.label for v in self.verdicts)
        return dict(sorted(counts.items()))

    def best_verdicts(self) -> list[Verdict]:
        return [v for s in self.students for v in s.best.values()]

    def student(self, name: str) -> StudentRow | None:
        """The row of the student with this name (case and spacing ignored)."""
        key = student_key(name)
        return next((s for s in self.students if s.key == key), None)

    def attempts_of(self, row: StudentRow) -> list[Verdict]:
        """Every file of this student, oldest first (for trends and feedback)."""
        if self._by_student is None:
            index: dict[str, list[Verdict]] = {}
            for v in self.verdicts:
                if v.student:
                    index.setdefault(student_key(v.student), []).append(v)
            self._by_student = index
        own = self._by_student.get(row.key, [])
        return sorted(own, key=lambda v: (v.submitted is None, v.submitted, v.attempt or 0))


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


def review(
    assignment: Assignment,
    files: list[Path],
    *,
    roster: list[str] | list[RosterEntry] | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    annotations: Annotations | None = None,
) -> ClassReview:
    """Verify every file and summarise the class (``roster``: names or roster entries)."""
    entries = [e if isinstance(e, RosterEntry) else RosterEntry(e) for e in roster or []]
    verdicts = verify_all(assignment, files, progress=progress, workers=workers)
    return class_review(assignment, verdicts, entries if roster is not None else None, annotations)


def class_review(
    assignment: Assignment,
    verdicts: list[Verdict],
    entries: list[RosterEntry] | None,
    annotations: Annotations | None = None,
) -> ClassReview:
    """Mark, summarise and check verified files as a class: the one verdict that ``review``
    and the class server's dashboard both give (``entries``: the roster, or None)."""
    mark_duplicates_and_limits(assignment, verdicts)
    names = [e.name for e in entries] if entries is not None else None
    students = summarise(assignment, verdicts, names)
    by_key = {s.key: s for s in students}
    for entry in entries or []:
        row = by_key.get(student_key(entry.name))
        if row is not None:
            row.email, row.sis_id, row.login, row.section = (
                entry.email,
                entry.sis_id,
                entry.login,
                entry.section,
            )
    _attribute_unreadable(verdicts, by_key)
    known = {s.key: s.name for s in students}
    for flag in check_class(assignment, verdicts, known):
        row = by_key.get(flag.student)
        if row is not None and flag.text not in row.flags:
            row.flags.append(flag.text)
    if annotations is not None:
        annotations.apply(students)
    for row in students:
        row.status = _status(assignment, row)
    return ClassReview(assignment, verdicts, students, roster_given=entries is not None)


def _attribute_unreadable(verdicts: list[Verdict], rows: dict[str, StudentRow]) -> None:
    """Unreadable files with no readable name go to the student their file name starts
    with (submissions are saved as ``<student>-<scenario>-attempt<N>-...``)."""
    from simulator.homework.submission import slug

    prefixes = sorted(((slug(r.name), r) for r in rows.values()), key=lambda p: -len(p[0]))
    for v in verdicts:
        if v.check != "unreadable":
            continue
        row = rows.get(student_key(v.student)) if v.student else None
        if row is None:
            stem = Path(v.file).name.casefold()
            row = next((r for p, r in prefixes if p and stem.startswith(p + "-")), None)
        if row is not None:
            row.unreadable += 1
            row.flags.append(f"unreadable: {Path(v.file).name}: {v.detail}")


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
    scenarios = tuple(e.id for e in assignment.scenarios)
    for row in rows.values():
        row.scenarios = scenarios
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
    if row.flags:
        return "needs review"
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
