"""Submissions, without a UI: the file a learner hands in, written, listed and read back safely.

A submission holds the transcript, the report the learner saw, the simulator version,
the content hashes, the assignment id, the student, the attempt number and two wall-clock
timestamps (started, submitted). Learners keep theirs under
``<user data>/submissions/<assignment id>/``; coaches collect them by email or an LMS.
Reading one back treats it as untrusted: size capped before parsing, every field typed
and bounded (``formats.SubmissionFile``); the claimed score is shown, never trusted.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simulator import __version__
from simulator.homework.assignment import AssignedScenario, Assignment, student_key
from simulator.homework.errors import HomeworkError, describe_validation
from simulator.homework.formats import (
    MAX_SUBMISSION_BYTES,
    SUBMISSION_FORMAT,
    VERSION,
    SubmissionFile,
)
from simulator.homework.safe_json import JsonFileError, read_json
from simulator.paths import user_dir


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Submission:
    """A submission file that passed validation (its claims still unverified)."""

    path: Path | None
    id: str
    assignment_id: str
    assignment_title: str
    student: str
    scenario: str
    attempt: int
    started: str
    submitted: str
    simulator: str
    mode: str
    seed: int
    hashes: dict[str, str]
    transcript: dict[str, Any]
    report: dict[str, Any]
    rules: dict[str, Any] | None = None
    """The assignment's rules when it was submitted (pass mark, attempts, due)."""

    @property
    def student_key(self) -> str:
        return student_key(self.student)

    @property
    def claimed_score(self) -> int:
        return int(self.report["score"])

    @property
    def claimed_passed(self) -> bool:
        return bool(self.report["passed"])


def build_submission(
    assignment: Assignment,
    entry: AssignedScenario,
    *,
    student: str,
    attempt: int,
    seed: int,
    transcript: dict[str, Any],
    report: dict[str, Any],
    started: str,
    submitted: str | None = None,
    rules: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The plain form of a submission, as written to disk (``rules``: default the
    assignment's pass mark for this scenario, attempt limit and due date)."""
    if rules is None:
        rules = {
            "pass_mark": assignment.pass_mark_for(entry),
            "attempts": assignment.attempts,
            "due": assignment.due.isoformat() if assignment.due else None,
        }
    return {
        "format": SUBMISSION_FORMAT,
        "version": VERSION,
        "id": f"sub-{secrets.token_hex(6)}",
        "assignment": {"id": assignment.id, "title": assignment.title},
        "student": student,
        "scenario": entry.id,
        "attempt": attempt,
        "started": started,
        "submitted": submitted or now_iso(),
        "simulator": __version__,
        "mode": assignment.mode,
        "seed": seed,
        "hashes": dict(entry.hashes),
        "transcript": transcript,
        "report": report,
        "rules": rules,
    }


def submissions_folder(assignment_id: str | None = None) -> Path:
    """Where this user's submissions live (one sub-folder per assignment)."""
    root = user_dir("submissions")
    return root / assignment_id if assignment_id else root


def slug(name: str) -> str:
    """A name as a file-name part: accents folded, not dropped ("José Núñez" -> jose-nunez)."""
    folded = unicodedata.normalize("NFKD", student_key(name))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-")


def file_name(record: dict[str, Any]) -> str:
    """``<student>-<scenario>-attempt<N>-<time>.json``, safe on every file system."""
    student = slug(str(record["student"]))
    stamp = re.sub(r"[^0-9T]", "", str(record["submitted"]))[:15]
    return f"{student or 'student'}-{record['scenario']}-attempt{record['attempt']}-{stamp}.json"


def write_submission(record: dict[str, Any], folder: Path | None = None) -> Path:
    """Write a submission atomically; never overwrites an earlier one."""
    from simulator.storage import StorageError, atomic_write, json_text

    folder = folder or submissions_folder(str(record["assignment"]["id"]))
    path = folder / file_name(record)
    if path.exists():
        path = path.with_name(f"{path.stem}-{secrets.token_hex(2)}.json")
    text = json_text(record) + "\n"
    try:
        return atomic_write(path, text)
    except StorageError as exc:
        raise HomeworkError(str(exc)) from None


def read_submission(path: Path) -> Submission:
    """Read and validate a submission file; HomeworkError gives the reason in one line."""
    try:
        raw = read_json(path, MAX_SUBMISSION_BYTES)
    except JsonFileError as exc:
        raise HomeworkError(str(exc)) from None
    return submission_from_data(raw, path)


def submission_from_data(raw: Any, path: Path | None = None) -> Submission:
    """Validate parsed JSON as a submission."""
    if not isinstance(raw, dict):
        raise HomeworkError(f"not a submission (a JSON {type(raw).__name__}, not an object)")
    if raw.get("format") != SUBMISSION_FORMAT:
        raise HomeworkError("not a submission file (no submission 'format' field)")
    try:
        data = SubmissionFile.model_validate(raw)
    except ValidationError as exc:
        raise HomeworkError(describe_validation(exc)) from None
    return Submission(
        path=path,
        id=data.id,
        assignment_id=data.assignment.id,
        assignment_title=data.assignment.title,
        student=" ".join(data.student.split()),
        scenario=data.scenario,
        attempt=data.attempt,
        started=data.started,
        submitted=data.submitted,
        simulator=data.simulator,
        mode=data.mode,
        seed=data.seed,
        hashes=data.hashes.model_dump(),
        transcript=raw["transcript"],
        report=raw["report"],
        rules=data.rules.model_dump() if data.rules else None,
    )


@dataclass(frozen=True)
class LocalSubmission:
    """One file in the learner's submissions folder: read, or why not."""

    path: Path
    submission: Submission | None
    problem: str = ""


def local_submissions(folder: Path | None = None) -> list[LocalSubmission]:
    """Every submission file this user has, oldest first by file name within a folder."""
    root = folder or submissions_folder()
    found: list[LocalSubmission] = []
    if not root.is_dir():
        return found
    for path in sorted(root.glob("*/*.json")) + sorted(root.glob("*.json")):
        try:
            found.append(LocalSubmission(path, read_submission(path)))
        except HomeworkError as exc:
            found.append(LocalSubmission(path, None, str(exc)))
    return found


def earlier_attempts(
    assignment_id: str, student: str, scenario: str, folder: Path | None = None
) -> int:
    """How many submissions this student already made for this assignment and scenario."""
    key = student_key(student)
    count = 0
    for item in local_submissions(folder or submissions_folder(assignment_id)):
        sub = item.submission
        if (
            sub is not None
            and sub.assignment_id == assignment_id
            and sub.student_key == key
            and sub.scenario == scenario
        ):
            count += 1
    return count
