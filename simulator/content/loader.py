"""Load scenarios and personas from YAML, without a UI; every error as ``path:line:col``.

Model errors from pydantic are translated into an author's terms: where the problem is
in the file, what was expected, and a did-you-mean for unknown keys.
"""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from simulator.content.errors import ContentError, ContentLoadError
from simulator.content.models import Persona, Scenario
from simulator.content.safe_yaml import Located, decode, load_located

M = TypeVar("M", bound=BaseModel)

_YAML11_HINT = {
    bool: "(YAML reads yes/no/on/off as true/false: put the text in quotes)",
    int: "(YAML reads 12:30 and 0123 as numbers: put the text in quotes)",
    float: "(YAML reads 1.10 as a number: put the text in quotes)",
}


def read_text(path: Path, source: str | None = None) -> str:
    """Read a content file as strict UTF-8 under the size limit."""
    name = source or str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(600 * 1024)
    except OSError as exc:
        raise ContentLoadError([ContentError(name, 1, 1, f"cannot read: {exc.strerror}")]) from None
    return decode(raw, name)


def content_hash(text: str) -> str:
    """The sha256 of a file's text, as recorded in transcripts and assignments."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_model(model: type[M], text: str, source: str) -> M:
    """Validate YAML text against a model, or raise ContentLoadError with every problem."""
    located = load_located(text, source)
    if not isinstance(located.data, dict):
        line, col = located.value_where(())
        raise ContentLoadError(
            [
                ContentError(
                    source,
                    line,
                    col,
                    f"expected a mapping of keys for a {model.__name__.lower()}",
                    located.line_text(line),
                )
            ]
        )
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise ContentLoadError(translate(exc, located, model)) from None


def translate(exc: ValidationError, located: Located, model: type[BaseModel]) -> list[ContentError]:
    """Turn pydantic's errors into positioned, plain-language content errors."""
    errors: list[ContentError] = []
    for item in exc.errors(include_url=False):
        loc = tuple(_clean_loc(item["loc"]))
        kind = item["type"]
        value = item.get("input")
        if kind == "extra_forbidden":
            key = str(loc[-1]) if loc else "?"
            known = _fields_at(model, loc[:-1], located.data)
            hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            message = f"unknown field '{key}'"
            if hint:
                message += f"; did you mean '{hint[0]}'?"
            elif known:
                message += f" (expected one of: {', '.join(sorted(known))})"
            errors.append(located.error(loc, message))
        elif kind == "missing":
            parent = loc[:-1]
            errors.append(located.error(parent, f"missing field '{loc[-1]}'", at_value=True))
        else:
            message = _message(item["msg"], value)
            where = ".".join(str(p) for p in loc)
            if where:
                message = f"{where}: {message}"
            errors.append(located.error(loc, message, at_value=True))
    errors.sort(key=lambda e: (e.line, e.col))
    return _dedupe(errors)


def _clean_loc(loc: tuple[Any, ...]) -> list[str | int]:
    # pydantic adds tags like "function-after[...]" and "[key]" for dict keys; drop them.
    cleaned: list[str | int] = []
    for part in loc:
        if isinstance(part, str) and ("[" in part or part.startswith("function-")):
            continue
        cleaned.append(part)
    return cleaned


def _message(msg: str, value: Any) -> str:
    for kind, hint in _YAML11_HINT.items():
        if type(value) is kind and "string" in msg.lower():
            return f"{msg} {hint}"
    text = msg[0].lower() + msg[1:] if msg else msg
    return text.replace("value error, ", "")


def _fields_at(model: type[BaseModel], path: tuple[str | int, ...], data: Any) -> list[str]:
    """The field names a model accepts at a path (for did-you-mean)."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _dedupe(errors: list[ContentError]) -> list[ContentError]:
    seen: set[str] = set()
    unique = []
    for error in errors:
        if str(error) not in seen:
            seen.add(str(error))
            unique.append(error)
    return unique


def load_persona_file(path: Path) -> tuple[Persona, str]:
    """Load a persona file; returns the model and the file's text (for hashing)."""
    text = read_text(path)
    return parse_model(Persona, text, str(path)), text


def load_scenario_file(path: Path) -> tuple[Scenario, str]:
    """Load a scenario file; returns the model and the file's text (for hashing)."""
    text = read_text(path)
    return parse_model(Scenario, text, str(path)), text
