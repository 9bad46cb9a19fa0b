"""Assignments, without a UI: what a coach sets, as one self-contained JSON file.

An assignment embeds the scenario and persona texts it uses (and their sha256), so a
learner needs nothing but the file, and a review re-grades with exactly what was set.
It carries its rules: due date, pass mark, attempt limit, mode (``exam``: no live hints;
``practice``: hints shown) and the seed rule (one fixed seed, or one per student derived
from the assignment id and the student's name, so a class cannot share answers).
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simulator import __version__
from simulator.content import Bundle, ContentLoadError, bundle_from_texts
from simulator.content.library import with_pass_mark
from simulator.homework.errors import HomeworkError, describe_validation
from simulator.homework.formats import (
    ASSIGNMENT_FORMAT,
    MAX_ASSIGNMENT_BYTES,
    VERSION,
    AssignmentFile,
)
from simulator.homework.safe_json import JsonFileError, read_json

MODES = ("exam", "practice")
PER_STUDENT = "per-student"


def student_key(name: str) -> str:
    """How names are matched: spacing and case do not matter ("Ana  Diaz" == "ana diaz")."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def check_student_name(name: str) -> str:
    """A student name as typed, tidied; raises HomeworkError when it cannot be one."""
    tidy = " ".join(unicodedata.normalize("NFC", name).split())
    if not tidy:
        raise HomeworkError("the student name is empty: pass --student 'Your Name'")
    if len(tidy) > 100:
        raise HomeworkError("the student name is longer than 100 characters")
    if any(unicodedata.category(ch).startswith("C") for ch in tidy):
        raise HomeworkError("the student name contains control characters")
    return tidy


def parse_due(text: str) -> datetime:
    """An ISO date (due at the end of that day) or datetime; local time when no zone is given."""
    raw = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            moment = datetime.combine(date.fromisoformat(raw), time(23, 59, 59))
        else:
            moment = datetime.fromisoformat(raw)
    except ValueError:
        raise HomeworkError(
            f"--due {text!r}: expected an ISO date such as 2025-11-14 "
            "or a date and time such as 2025-11-14T17:00"
        ) from None
    return moment if moment.tzinfo else moment.astimezone()


def parse_stamp(text: str) -> datetime | None:
    """An ISO timestamp from a file, or None when it is not one (naive means UTC)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class AssignedScenario:
    """One scenario of an assignment, with the texts it was set with."""

    id: str
    title: str
    persona: str
    scenario_text: str
    persona_text: str
    hashes: dict[str, str]
    pass_mark: int | None = field(default=None, compare=False)
    """The assignment's pass mark, which replaces the scenario's own (None: keep it)."""

    @cached_property
    def bundle(self) -> Bundle:
        """The scenario and persona, validated from the embedded texts (parsed once).

        The assignment's pass mark is written into the scenario's rubric, so every report
        graded from this bundle (run, app, resume, review) carries the one pass mark.
        """
        bundle = bundle_from_texts(
            self.scenario_text,
            self.persona_text,
            f"<assignment:{self.id}>",
            f"<assignment:{self.persona}>",
        )
        return with_pass_mark(bundle, self.pass_mark)


@dataclass(frozen=True)
class Assignment:
    """A coach's assignment: scenarios plus the rules a review applies."""

    id: str
    title: str
    scenarios: tuple[AssignedScenario, ...]
    mode: str = "practice"
    due: datetime | None = None
    pass_mark: int | None = None
    """Overrides each scenario's own pass mark when set."""
    attempts: int | None = None
    """Most submissions counted per student and scenario; None means no limit."""
    seed: int | None = None
    """The fixed seed, or None for a seed per student."""
    notes: str = ""
    created: str = ""
    points: int | None = None
    """The gradebook scale (None: 100 points)."""
    simulator: str = __version__
    source: str = field(default="", compare=False)
    submit_to: str | None = None
    """The class server's submission address: learners' clients deliver there too."""

    @property
    def hints(self) -> bool:
        """Whether live hints (meters, tips) are shown while playing."""
        return self.mode == "practice"

    def seed_for(self, student: str) -> int:
        """The seed a student plays with: the fixed one, or derived from id and name."""
        if self.seed is not None:
            return self.seed
        digest = hashlib.sha256(f"{self.id}\n{student_key(student)}".encode()).digest()
        return int.from_bytes(digest[:4], "big") % 1_000_000

    def scenario(self, ref: str | None) -> AssignedScenario:
        """The assigned scenario with this id (the only one when ``ref`` is None)."""
        if ref is None:
            if len(self.scenarios) == 1:
                return self.scenarios[0]
            ids = ", ".join(s.id for s in self.scenarios)
            raise HomeworkError(f"this assignment has several scenarios; pick one of: {ids}")
        for entry in self.scenarios:
            if entry.id == ref:
                return entry
        ids = ", ".join(s.id for s in self.scenarios)
        raise HomeworkError(f"scenario '{ref}' is not part of this assignment (it has: {ids})")

    def find(self, scenario_id: str) -> AssignedScenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

    def pass_mark_for(self, entry: AssignedScenario) -> int:
        """The pass mark that rules this scenario: the assignment's, else the scenario's."""
        return entry.bundle.scenario.rubric.pass_mark

    def passes(self, entry: AssignedScenario, score: int, blockers: int) -> bool:
        """Passed for this assignment: at or above its pass mark, with no blocker."""
        return score >= self.pass_mark_for(entry) and blockers == 0

    def deliver_to(self, override: str | None = None) -> str | None:
        """Where learners' clients send submissions: ``override`` (``--submit-to``, checked;
        HomeworkError if unusable) or the file's ``submit_to``; None for files only."""
        return check_submit_url(override) if override is not None else self.submit_to

    def is_late(self, submitted: datetime | None) -> bool:
        return bool(self.due and submitted and submitted > self.due)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": ASSIGNMENT_FORMAT,
            "version": VERSION,
            "id": self.id,
            "title": self.title,
            "created": self.created,
            "due": self.due.isoformat() if self.due else None,
            "pass_mark": self.pass_mark,
            "attempts": self.attempts,
            "mode": self.mode,
            "seed": (
                {"kind": "fixed", "value": self.seed}
                if self.seed is not None
                else {"kind": PER_STUDENT, "value": None}
            ),
            "notes": self.notes,
            **({"points": self.points} if self.points is not None else {}),
            **({"submit_to": self.submit_to} if self.submit_to else {}),
            "simulator": self.simulator,
            "scenarios": [
                {
                    "id": s.id,
                    "title": s.title,
                    "persona": s.persona,
                    "hashes": dict(s.hashes),
                    "scenario_text": s.scenario_text,
                    "persona_text": s.persona_text,
                }
                for s in self.scenarios
            ],
        }


def check_submit_url(url: str) -> str:
    """A class server's submission address, checked; raises HomeworkError saying why not.

    Only ``http://`` and ``https://`` addresses with a host are taken (no credentials, no
    spaces or control characters), so a file cannot point a learner's client elsewhere.
    """
    from urllib.parse import urlsplit

    shown = "".join(ch if ch.isprintable() else "?" for ch in url[:80])
    if not url or len(url) > 2000 or any(not ch.isprintable() or ch.isspace() for ch in url):
        raise HomeworkError(f"submission address {shown!r}: empty, too long or has spaces")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise HomeworkError(f"submission address {shown!r} is not a valid web address") from None
    if parts.scheme not in ("http", "https"):
        raise HomeworkError(
            f"submission address {shown!r}: only http:// or https:// addresses are taken"
        )
    if not parts.hostname or parts.username or parts.password:
        raise HomeworkError(
            f"submission address {shown!r}: needs a host name, and no user name or password"
        )
    return url


def new_assignment_id() -> str:
    """A short random id (outside the engine, so randomness is fine here)."""
    return f"asg-{secrets.token_hex(5)}"


def create_assignment(
    bundles: list[Bundle],
    *,
    title: str,
    mode: str = "practice",
    due: datetime | None = None,
    pass_mark: int | None = None,
    attempts: int | None = None,
    seed: int | None = None,
    notes: str = "",
    assignment_id: str | None = None,
    points: int | None = None,
    submit_to: str | None = None,
) -> Assignment:
    """An assignment of the given scenarios (their texts embedded as loaded)."""
    if mode not in MODES:
        raise HomeworkError(f"mode must be exam or practice, not {mode!r}")
    if not bundles:
        raise HomeworkError("an assignment needs at least one scenario")
    ids = [b.scenario.id for b in bundles]
    if len(set(ids)) != len(ids):
        raise HomeworkError("a scenario is listed twice")
    scenarios = tuple(
        AssignedScenario(
            id=b.scenario.id,
            title=b.scenario.title,
            persona=b.persona.id,
            scenario_text=b.scenario_text,
            persona_text=b.persona_text,
            hashes=b.hashes,
            pass_mark=pass_mark,
        )
        for b in bundles
    )
    return Assignment(
        id=assignment_id or new_assignment_id(),
        title=title,
        scenarios=scenarios,
        mode=mode,
        due=due,
        pass_mark=pass_mark,
        attempts=attempts,
        seed=seed,
        notes=notes,
        created=datetime.now(UTC).replace(microsecond=0).isoformat(),
        points=points,
        submit_to=check_submit_url(submit_to) if submit_to else None,
    )


def assignment_json(assignment: Assignment) -> str:
    return json.dumps(assignment.to_dict(), indent=2, ensure_ascii=False) + "\n"


def save_assignment(assignment: Assignment, path: Path) -> Path:
    """Write the assignment file atomically."""
    from simulator.storage import StorageError, atomic_write

    try:
        return atomic_write(path, assignment_json(assignment))
    except StorageError as exc:
        raise HomeworkError(str(exc)) from None


def load_assignment(path: Path) -> Assignment:
    """Read and check an assignment file; HomeworkError says what is wrong, in one line."""
    try:
        raw = read_json(path, MAX_ASSIGNMENT_BYTES)
    except JsonFileError as exc:
        raise HomeworkError(f"{path}: {exc}") from None
    return assignment_from_data(raw, str(path))


def assignment_from_data(raw: Any, source: str) -> Assignment:
    """Validate parsed JSON as an assignment (hashes checked, embedded content loaded)."""
    if not isinstance(raw, dict) or raw.get("format") != ASSIGNMENT_FORMAT:
        raise HomeworkError(f"{source}: not an assignment file (no assignment 'format' field)")
    try:
        data = AssignmentFile.model_validate(raw)
    except ValidationError as exc:
        raise HomeworkError(f"{source}: {describe_validation(exc)}") from None
    if data.seed.kind == "fixed" and data.seed.value is None:
        raise HomeworkError(f"{source}: seed: a fixed seed needs a value")
    due = parse_stamp(data.due) if data.due else None
    if data.due and due is None:
        raise HomeworkError(f"{source}: due date {data.due!r} is not an ISO date and time")
    if data.submit_to is not None:
        try:
            check_submit_url(data.submit_to)
        except HomeworkError as exc:
            raise HomeworkError(f"{source}: submit_to: {exc}") from None
    scenarios = []
    for entry in data.scenarios:
        item = AssignedScenario(
            id=entry.id,
            title=entry.title,
            persona=entry.persona,
            scenario_text=entry.scenario_text,
            persona_text=entry.persona_text,
            hashes=entry.hashes.model_dump(),
            pass_mark=data.pass_mark,
        )
        try:
            bundle = item.bundle
        except ContentLoadError as exc:
            first = exc.errors[0] if exc.errors else exc
            raise HomeworkError(f"{source}: embedded scenario '{entry.id}': {first}") from None
        if bundle.hashes != item.hashes:
            raise HomeworkError(
                f"{source}: the embedded texts of '{entry.id}' do not match their sha256 "
                "(the file was edited after it was assigned)"
            )
        if bundle.scenario.id != entry.id:
            raise HomeworkError(f"{source}: scenario '{entry.id}' embeds a different id")
        scenarios.append(item)
    return Assignment(
        id=data.id,
        title=data.title,
        scenarios=tuple(scenarios),
        mode=data.mode,
        due=due,
        pass_mark=data.pass_mark,
        attempts=data.attempts,
        seed=data.seed.value if data.seed.kind == "fixed" else None,
        notes=data.notes,
        created=data.created,
        points=data.points,
        simulator=data.simulator,
        source=source,
        submit_to=data.submit_to,
    )
