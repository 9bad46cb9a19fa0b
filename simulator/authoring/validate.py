"""Validate content files, without a UI: every problem in every file, in one run.

``validate_paths`` takes files and folders, reads each file safely, checks it against its
model, then checks the files against each other and against the library (the persona a
scenario names, the line groups and signals it uses). Nothing is loaded into a session:
this is the author's fast feedback loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.authoring.crossref import check_persona, check_scenario
from simulator.content.errors import ContentError, ContentLoadError
from simulator.content.library import Library
from simulator.content.loader import check_model, read_text
from simulator.content.models import Persona, Scenario
from simulator.content.safe_yaml import Located, load_located
from simulator.storage import NOT_REGULAR

KINDS = ("scenario", "persona")
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
SUFFIXES = (".yaml", ".yml")


@dataclass
class FileResult:
    """One file: what it is and what is wrong with it."""

    path: Path
    kind: str | None = None
    """``scenario``, ``persona``, or None when it could not be told."""
    id: str | None = None
    located: Located | None = None
    errors: list[ContentError] = field(default_factory=list)
    """Errors and warnings, in file order."""

    @property
    def ok(self) -> bool:
        return not any(e.is_error for e in self.errors)


@dataclass
class ValidationReport:
    """Every file validated in one run."""

    files: list[FileResult] = field(default_factory=list)

    def problems(self) -> list[ContentError]:
        return [e for f in self.files for e in f.errors]

    @property
    def error_count(self) -> int:
        return sum(e.is_error for e in self.problems())

    @property
    def warning_count(self) -> int:
        return sum(not e.is_error for e in self.problems())

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def summary(self) -> str:
        """One line: "3 files OK: 2 scenarios, 1 persona", or what failed."""
        kinds = [plural(sum(f.kind == kind for f in self.files), kind) for kind in KINDS]
        warnings = f" ({plural(self.warning_count, 'warning')})" if self.warning_count else ""
        if not self.files:
            return "no content files found"
        if self.ok:
            counted = ", ".join(k for k in kinds if not k.startswith("0 "))
            return f"{plural(len(self.files), 'file')} OK: {counted}{warnings}"
        bad = sum(not f.ok for f in self.files)
        return (
            f"{plural(self.error_count, 'error')}{warnings} in {bad} of "
            f"{plural(len(self.files), 'file')}"
        )


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def discover(paths: list[Path]) -> tuple[list[Path], list[ContentError]]:
    """The YAML files under the given files and folders (sorted, each once)."""
    found: dict[Path, None] = {}
    missing: list[ContentError] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.suffix in SUFFIXES and child.is_file():
                    found.setdefault(child, None)
                elif child.suffix in SUFFIXES and not child.is_dir() and child.exists():
                    missing.append(ContentError(str(child), 1, 1, NOT_REGULAR))
        elif path.is_file():
            found.setdefault(path, None)
        elif path.exists():
            missing.append(ContentError(str(path), 1, 1, NOT_REGULAR))
        else:
            missing.append(ContentError(str(path), 1, 1, "no such file or folder"))
    return list(found), missing


def kind_of(path: Path, text: str, data: Any) -> str | None:
    """Scenario or persona: by folder, then by the schema line, then by the keys."""
    folder = path.parent.name
    if folder in ("scenarios", "personas"):
        return folder[:-1]
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    for kind in KINDS:
        if f"{kind}.schema.json" in first:
            return kind
    if isinstance(data, dict):
        if "stages" in data or "persona" in data:
            return "scenario"
        if "lines" in data or "role" in data:
            return "persona"
    return None


def validate_paths(paths: list[Path], library: Library | None = None) -> ValidationReport:
    """Validate files and folders; cross-check them together and against the library."""
    library = library or Library()
    files, missing = discover(paths)
    report = ValidationReport()
    for error in missing:
        report.files.append(FileResult(Path(error.path), errors=[error]))
    for path in files:
        report.files.append(_check_file(path))
    _check_ids(report)
    personas = {f.id: f for f in report.files if f.kind == "persona" and f.id is not None}
    for result in report.files:
        if result.kind == "scenario" and result.located is not None:
            persona = _find_persona(result, personas, library)
            result.errors += check_scenario(result.located, persona)
        elif result.kind == "persona" and result.located is not None:
            result.errors += check_persona(result.located)
        result.errors.sort(key=lambda e: (e.line, e.col, not e.is_error))
    return report


def _check_file(path: Path) -> FileResult:
    result = FileResult(path)
    source = str(path)
    try:
        text = read_text(path, source)
    except ContentLoadError as exc:
        result.errors = list(exc.errors)
        return result
    try:
        data = load_located(text, source, collect=True).data
    except ContentLoadError as exc:
        data = None
        unreadable = list(exc.errors)
    else:
        unreadable = []
    result.kind = kind_of(path, text, data)
    if result.kind is None and unreadable:
        result.errors = unreadable
        return result
    if result.kind is None:
        result.errors.append(
            ContentError(
                source,
                1,
                1,
                "cannot tell whether this is a scenario or a persona: put it in a scenarios/ "
                "or personas/ folder, or start it with a yaml-language-server $schema line",
            )
        )
        return result
    model = Scenario if result.kind == "scenario" else Persona
    checked = check_model(model, text, source)
    result.errors = list(checked.errors)
    result.located = checked.located
    if checked.located is not None and isinstance(checked.located.data, dict):
        raw_id = checked.located.data.get("id")
        result.id = raw_id if isinstance(raw_id, str) else None
    return result


def _check_ids(report: ValidationReport) -> None:
    seen: dict[tuple[str | None, str], FileResult] = {}
    for result in report.files:
        if result.id is None or result.located is None:
            continue
        if result.path.stem != result.id and _SLUG.fullmatch(result.id):
            result.errors.append(
                result.located.error(
                    ("id",),
                    f"id '{result.id}' does not match the file name '{result.path.name}': "
                    f"the library finds files by name; rename the file to {result.id}.yaml",
                    at_value=True,
                )
            )
        first = seen.setdefault((result.kind, result.id), result)
        if first is not result:
            result.errors.append(
                result.located.error(
                    ("id",),
                    f"{result.kind} id '{result.id}' is also used by {first.path}",
                    at_value=True,
                )
            )


def _find_persona(
    scenario: FileResult, personas: dict[str, FileResult], library: Library
) -> Located | None:
    """The persona a scenario names: among the files validated, else beside it or in the
    library. Reports an unknown persona (with a did-you-mean) on the scenario."""
    located = scenario.located
    assert located is not None
    wanted = located.data.get("persona") if isinstance(located.data, dict) else None
    if not isinstance(wanted, str):
        return None
    if wanted in personas:
        return personas[wanted].located
    try:
        path = library.persona_path(wanted, near=scenario.path)
    except FileNotFoundError:
        import difflib

        known = sorted({*library.files("personas"), *personas})
        close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        message = f"no persona '{wanted}'{hint}"
        scenario.errors.append(located.error(("persona",), message, at_value=True))
        return None
    try:
        return load_located(read_text(path), str(path), collect=True)
    except ContentLoadError:
        scenario.errors.append(
            located.error(
                ("persona",),
                f"persona '{wanted}' cannot be read: run simulator validate {path}",
                at_value=True,
            )
        )
        return None
