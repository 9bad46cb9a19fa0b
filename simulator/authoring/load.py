"""The one loader every command uses, without a UI: refuse what ``validate`` refuses.

``load_checked`` resolves an id or a path, runs the same checks as ``simulator validate``
on the scenario and its persona (schema and cross-file: the persona exists, every line
group, signal and check fits), and only then builds the bundle. ``run``, ``play``,
``play --watch``, ``check``, ``check --explore``, ``graph`` and ``list`` all load through
it, so a broken cross-reference fails the same way, with the same ``path:line:col``
message and the same exit code, everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulator.authoring.validate import SUFFIXES, discover, kind_of, validate_paths
from simulator.content.errors import ContentError, ContentLoadError
from simulator.content.library import Bundle, Library
from simulator.content.loader import read_text

EXIT_OK = 0
"""Everything worked (and every check passed)."""
EXIT_CONTENT = 1
"""A content file was refused (schema or cross-file error), or a check or exploration failed."""
EXIT_USAGE = 2
"""The command line was wrong: a missing argument, an unreadable script, input refused."""


def load_checked(ref: str, library: Library | None = None) -> Bundle:
    """Load a scenario (id or path) and its persona, refusing them as ``validate`` would.

    Raises ``ContentLoadError`` with every error (warnings are not errors) of both files.
    """
    library = library or Library()
    path = library.scenario_path(ref)
    if not path.is_file():
        read_text(path)  # says why: missing, or not a regular file (never opened)
        raise ContentLoadError([ContentError(str(path), 1, 1, "no such file")])
    _refuse(validate_paths([path], library))
    bundle = library.load(str(path))
    _refuse(validate_paths([Path(bundle.persona_source)], library))
    return bundle


def _refuse(report: object) -> None:
    from simulator.authoring.validate import ValidationReport

    assert isinstance(report, ValidationReport)
    errors = [e for e in report.problems() if e.is_error]
    if errors:
        raise ContentLoadError(errors)


def scenario_refs(refs: list[str], library: Library | None = None) -> list[str]:
    """Expand command-line references: ids and files stay, folders become the scenario files
    inside them (walked recursively; ``.yaml`` and ``.yml``). No reference: the library."""
    library = library or Library()
    if not refs:
        return list(library.files("scenarios"))
    out: list[str] = []
    for ref in refs:
        folder = Path(ref)
        if not folder.is_dir():
            out.append(ref)
            continue
        files, _missing = discover([folder])
        for file in files:
            if file.suffix not in SUFFIXES:
                continue
            try:
                text = read_text(file)
            except ContentLoadError:
                out.append(str(file))  # refused later, with its reason
                continue
            if kind_of(file, text, None) in ("scenario", None):
                out.append(str(file))
    return out


def validate_refs(refs: list[str], library: Library | None = None) -> list[Path]:
    """Paths for ``validate``: files and folders as given; an id becomes its scenario file."""
    library = library or Library()
    paths: list[Path] = []
    for ref in refs:
        candidate = Path(ref)
        if candidate.exists() or candidate.suffix in SUFFIXES or "/" in ref:
            paths.append(candidate)
            continue
        try:
            scenario = library.scenario_path(ref)
        except ContentLoadError:
            personas = library.files("personas")
            paths.append(personas.get(ref, candidate))
            continue
        paths.append(scenario)
        persona = _persona_of(scenario, library)
        if persona is not None and persona not in paths:
            paths.append(persona)  # an id means the scenario as it plays: with its persona
    return paths


def _persona_of(scenario: Path, library: Library) -> Path | None:
    from simulator.content.safe_yaml import load_located

    try:
        data = load_located(read_text(scenario), str(scenario), collect=True).data
        wanted = data.get("persona") if isinstance(data, dict) else None
        return library.persona_path(wanted, near=scenario) if isinstance(wanted, str) else None
    except (ContentLoadError, FileNotFoundError):
        return None


def checked_listing() -> dict[str, Any]:
    """The library's scenarios and personas with their key facts
    (``content.catalogue.collect``), each scenario through the checked loader above, so a
    listing shows as broken exactly what ``validate`` refuses."""
    from simulator.content.catalogue import collect

    return collect(lambda path, library: load_checked(str(path), library).scenario)
