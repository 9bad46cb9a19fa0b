"""New scenario and persona files, without a UI: a commented scaffold or a renamed copy.

A new file validates and passes its own checks straight away, starts with the
yaml-language-server line that points editors at its JSON Schema, and never overwrites
anything. By default it goes to the user's library, so ``simulator list`` shows it.
"""

from __future__ import annotations

import re
from pathlib import Path

from simulator.authoring.schema import schema_file_name, write_schemas
from simulator.content.errors import ContentError, ContentLoadError
from simulator.content.library import Library
from simulator.content.loader import read_text
from simulator.content.safe_yaml import load_located
from simulator.paths import user_dir, user_home
from simulator.storage import StorageError, atomic_write

TEMPLATES = Path(__file__).with_name("templates")
DEFAULT_PERSONA = "hr-manager-review-season"
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_SCHEMA_LINE = re.compile(r"^#\s*yaml-language-server:.*$")


class ScaffoldError(Exception):
    """The file cannot be created; the message says why in one line."""


def folder_for(kind: str) -> Path:
    """The user's library folder for ``scenario`` or ``persona`` files."""
    return user_dir(f"{kind}s")


def schema_comment(kind: str, folder: Path) -> str:
    """The first line of a new file: a relative $schema when a schemas/ folder sits beside
    the file's folder (the repository, the user's library), else an absolute one."""
    name = schema_file_name(kind)
    beside = folder.resolve().parent / "schemas"
    mine = user_home() / "schemas"
    try:
        if beside == mine.resolve():
            write_schemas(mine)
        if (beside / name).is_file():
            return f"# yaml-language-server: $schema=../schemas/{name}"
        write_schemas(mine)
    except (OSError, StorageError):
        # An unusable home folder costs only the editor's completion, not the file.
        return f"# (no schema: {mine} cannot be written; `simulator schema` prints it)"
    return f"# yaml-language-server: $schema={(mine / name).resolve().as_uri()}"


def create(
    kind: str,
    name: str,
    *,
    source: str | None = None,
    folder: Path | None = None,
    persona: str | None = None,
    library: Library | None = None,
) -> Path:
    """Write ``<folder>/<name>.yaml`` and return its path (ScaffoldError if it cannot)."""
    library = library or Library()
    if not _SLUG.fullmatch(name):
        raise ScaffoldError(
            f"'{name}' is not a valid id: use lowercase letters, digits, '-' and '_' "
            "(e.g. my-first-scenario)"
        )
    existing = library.files(f"{kind}s").get(name)
    if existing is not None:
        raise ScaffoldError(f"a {kind} with id '{name}' already exists: {existing}")
    folder = folder or folder_for(kind)
    target = folder / f"{name}.yaml"
    if target.exists():
        raise ScaffoldError(f"{target} already exists; choose another name or folder")
    if source:
        text = _copy(kind, source, name, library)
    else:
        text = _template(kind, name, _persona_id(persona, target, library), library, target)
    first, _, rest = text.partition("\n")
    header = schema_comment(kind, folder)
    text = f"{header}\n{rest}" if _SCHEMA_LINE.match(first) else f"{header}\n{text}"
    try:
        atomic_write(target, text)
    except StorageError as exc:
        raise ScaffoldError(str(exc)) from None
    return target


def _persona_id(persona: str | None, target: Path, library: Library) -> str | None:
    """``--persona`` as an id: a path to a persona file gives its file name, which must be
    the id (``validate`` says so otherwise) and must be the file the new scenario finds."""
    if persona is None or Path(persona).suffix not in (".yaml", ".yml"):
        return persona
    path = Path(persona)
    if not path.is_file():
        raise ScaffoldError(f"{persona}: no such persona file")
    try:
        found = library.persona_path(path.stem, near=target)
    except FileNotFoundError:
        found = None
    if found is None or found.resolve() != path.resolve():
        raise ScaffoldError(
            f"{persona}: a scenario in {target.parent} finds its persona only in that folder, "
            "in ../personas beside it or in your library; move the persona there"
        )
    return path.stem


def _template(kind: str, name: str, persona: str | None, library: Library, target: Path) -> str:
    text = (TEMPLATES / f"{kind}.yaml").read_text(encoding="utf-8")
    if kind == "scenario":
        personas = library.files("personas")
        chosen = persona or (DEFAULT_PERSONA if DEFAULT_PERSONA in personas else None)
        chosen = chosen or next(iter(personas), DEFAULT_PERSONA)
        try:  # found as the scenario will find it: beside it first, then the library
            library.persona_path(chosen, near=target)
        except FileNotFoundError:
            raise ScaffoldError(
                f"no persona '{chosen}' in the library or beside {target.parent} "
                "(see simulator list)"
            ) from None
        text = text.replace("__PERSONA__", chosen)
    return text.replace("__SCHEMA_LINE__", "# yaml-language-server: $schema=").replace(
        "__ID__", name
    )


def _copy(kind: str, source: str, name: str, library: Library) -> str:
    """An existing file's text with only its id changed (comments and layout kept)."""
    try:
        if kind == "scenario":
            path = library.scenario_path(source)
        elif Path(source).suffix in (".yaml", ".yml"):
            path = Path(source)
        else:
            path = library.persona_path(source)
        text = read_text(path)
        located = load_located(text, str(path))
    except FileNotFoundError:
        raise ScaffoldError(f"no {kind} '{source}' to copy (see simulator list)") from None
    except ContentLoadError as exc:
        raise ScaffoldError(_first(exc.errors)) from None
    if not isinstance(located.data, dict) or not isinstance(located.data.get("id"), str):
        raise ScaffoldError(f"{path}: has no id to replace")
    line, col = located.value_where(("id",))
    lines = text.split("\n")
    old = located.data["id"]
    row = lines[line - 1]
    start = col - 1
    end = start + len(old) + (2 if row[start : start + 1] in ("'", '"') else 0)
    lines[line - 1] = row[:start] + name + row[end:]
    return "\n".join(lines)


def _first(errors: list[ContentError]) -> str:
    return str(errors[0]) if errors else "cannot read the file"
