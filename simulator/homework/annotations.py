"""The coach's annotations, without a UI: comments and grade overrides beside an assignment.

A sidecar JSON file (by default ``<assignment>.annotations.json`` next to the assignment
file) holds, per student, a comment for the student and, optionally, a grade override
with the reason for it. ``simulator annotate`` writes it; a coach may also edit it by hand
(it is read as untrusted data, like every other file). A review applies it: the comment
goes into the feedback pages, and an override replaces the computed grade in every
export, always shown as an override with the reason and the grade it replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from simulator.homework.assignment import check_student_name, student_key
from simulator.homework.errors import HomeworkError, describe_validation
from simulator.homework.safe_json import JsonFileError, read_json

if TYPE_CHECKING:
    from simulator.homework.review import StudentRow

FORMAT = "interview-simulator/annotations"
MAX_BYTES = 2 * 1024 * 1024


class _Override(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    grade: Annotated[StrictInt, Field(ge=0, le=100)]
    reason: Annotated[StrictStr, Field(min_length=1, max_length=1000)]
    at: Annotated[StrictStr, Field(max_length=40)] = ""


class _Note(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    name: Annotated[StrictStr, Field(min_length=1, max_length=100)]
    comment: Annotated[StrictStr, Field(max_length=8000)] = ""
    override: _Override | None = None


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    format: Literal["interview-simulator/annotations"]
    version: Literal[1]
    assignment: Annotated[StrictStr, Field(max_length=80)]
    students: Annotated[dict[StrictStr, _Note], Field(max_length=20_000)]


@dataclass
class Annotations:
    """Comments and overrides for one assignment, keyed by student."""

    assignment: str
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    """student key -> {"name", "comment", "override": {"grade", "reason", "at"} | None}"""

    def note(self, name: str) -> dict[str, Any]:
        """This student's entry, created empty if there is none."""
        tidy = check_student_name(name)
        return self.notes.setdefault(
            student_key(tidy), {"name": tidy, "comment": "", "override": None}
        )

    def apply(self, students: list[StudentRow]) -> None:
        """Put comments and overrides on the review's student rows."""
        for row in students:
            entry = self.notes.get(row.key)
            if entry is None:
                continue
            row.comment = str(entry.get("comment") or "")
            override = entry.get("override")
            row.override = dict(override) if override else None

    def to_dict(self) -> dict[str, Any]:
        """The file's JSON form."""
        return {
            "format": FORMAT,
            "version": 1,
            "assignment": self.assignment,
            "students": {k: self.notes[k] for k in sorted(self.notes)},
        }


def sidecar_path(assignment_file: Path) -> Path:
    """Where the annotations of an assignment file live by default."""
    return assignment_file.with_name(f"{assignment_file.stem}.annotations.json")


def load_annotations(path: Path, assignment_id: str) -> Annotations:
    """Read a sidecar (an empty one when the file does not exist); HomeworkError says why
    it cannot be used, in one line."""
    if not path.exists():
        return Annotations(assignment_id)
    try:
        raw = read_json(path, MAX_BYTES)
        data = _File.model_validate(raw)
    except JsonFileError as exc:
        raise HomeworkError(f"{path}: {exc}") from None
    except ValidationError as exc:
        raise HomeworkError(f"{path}: {describe_validation(exc)}") from None
    if data.assignment != assignment_id:
        raise HomeworkError(f"{path}: these annotations are for assignment {data.assignment}")
    notes: dict[str, dict[str, Any]] = {}
    for note in data.students.values():
        name = check_student_name(note.name)
        notes[student_key(name)] = {
            "name": name,
            "comment": note.comment,
            "override": note.override.model_dump() if note.override else None,
        }
    return Annotations(assignment_id, notes)


def save_annotations(annotations: Annotations, path: Path) -> Path:
    """Write the sidecar atomically."""
    from simulator.storage import StorageError, atomic_write, json_text

    try:
        return atomic_write(path, json_text(annotations.to_dict()) + "\n")
    except StorageError as exc:
        raise HomeworkError(str(exc)) from None
