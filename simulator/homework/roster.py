"""The class list, without a UI: names, or a CSV with each student's ids for a gradebook.

Two forms, both UTF-8 (a BOM is fine):

- one student name per line (blank lines and lines starting with ``#`` are skipped);
- a CSV whose header row names its columns: ``name`` (required), and any of ``email``,
  ``id`` (the school's student or SIS user id), ``login`` (SIS login id) and
  ``section``. Gradebook exports use them to match students in Canvas or Moodle.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from simulator.homework.assignment import check_student_name, student_key
from simulator.homework.errors import HomeworkError

MAX_ROSTER_BYTES = 1024 * 1024
COLUMNS = {
    "name": "name",
    "student": "name",
    "full name": "name",
    "email": "email",
    "email address": "email",
    "id": "sis_id",
    "student id": "sis_id",
    "sis user id": "sis_id",
    "id number": "sis_id",
    "idnumber": "sis_id",
    "login": "login",
    "sis login id": "login",
    "username": "login",
    "section": "section",
}
"""Header names accepted (case and spacing ignored) and the field each fills."""


@dataclass(frozen=True)
class RosterEntry:
    """One student on the roster, with whatever ids the coach gave."""

    name: str
    email: str = ""
    sis_id: str = ""
    login: str = ""
    section: str = ""


def read_roster(path: Path) -> list[str]:
    """Student names from a roster file (either form), in order, without repeats."""
    return [entry.name for entry in read_roster_entries(path)]


def read_roster_entries(path: Path) -> list[RosterEntry]:
    """Roster entries from a file (either form); HomeworkError names the line at fault."""
    from simulator.storage import read_regular

    try:
        raw = read_regular(path, MAX_ROSTER_BYTES)  # a FIFO or device is refused, not read
    except OSError as exc:
        raise HomeworkError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_ROSTER_BYTES:
        raise HomeworkError(f"{path}: a roster over 1 MB is refused")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HomeworkError(f"{path}: not UTF-8 text") from None
    lines = [
        (n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if lines and _header(lines[0][1]) is not None:
        entries = _from_csv(path, lines)
    else:
        entries = [RosterEntry(_name(path, n, line)) for n, line in lines]
    unique: dict[str, RosterEntry] = {}
    for entry in entries:
        unique.setdefault(student_key(entry.name), entry)
    return list(unique.values())


def _header(line: str) -> list[str] | None:
    cells = [" ".join(c.split()).casefold() for c in next(csv.reader([line]))]
    if len(cells) < 2 or "name" not in [COLUMNS.get(c) for c in cells]:
        return None
    return cells


def _from_csv(path: Path, lines: list[tuple[int, str]]) -> list[RosterEntry]:
    header = _header(lines[0][1]) or []
    fields = [COLUMNS.get(c, "") for c in header]
    entries = []
    for number, line in lines[1:]:
        cells = next(csv.reader(io.StringIO(line)), [])
        values = {f: c.strip() for f, c in zip(fields, cells, strict=False) if f}
        entries.append(
            RosterEntry(
                _name(path, number, values.get("name", "")),
                email=values.get("email", ""),
                sis_id=values.get("sis_id", ""),
                login=values.get("login", ""),
                section=values.get("section", ""),
            )
        )
    return entries


def _name(path: Path, number: int, text: str) -> str:
    try:
        return check_student_name(text)
    except HomeworkError as exc:
        raise HomeworkError(f"{path}:{number}: {exc}") from None
