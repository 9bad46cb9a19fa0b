"""Load scenarios and personas from YAML, without a UI; every error as ``path:line:col``.

Model errors from pydantic are translated into an author's terms: where the problem is
in the file, what was expected, and a did-you-mean for unknown keys and values. Reading
problems that leave the file readable (a duplicate key) and model errors are reported
together, so one run shows everything that is wrong.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from simulator.content.controls import control_errors
from simulator.content.errors import ContentError, ContentLoadError
from simulator.content.models import Persona, Scenario
from simulator.content.safe_yaml import MAX_BYTES, Located, decode, load_located
from simulator.fileguard import open_regular

M = TypeVar("M", bound=BaseModel)

_YAML11_HINT: dict[type, str] = {
    bool: "(YAML reads yes/no/on/off as true/false: put the text in quotes)",
    int: "(YAML read this as a number, as it does 12:30 and 0123: put it in quotes)",
    float: "(YAML read this as a number, as it does 1.10: put it in quotes)",
    dt.date: "(YAML reads 2024-10-15 as a date: put it in quotes)",
    dt.datetime: "(YAML reads this as a date and time: put it in quotes)",
}
_PLAIN_TYPES = (
    (re.compile(r"should be a valid dictionary( or instance of \w+)?"), "should be a mapping"),
    (re.compile(r"should be a valid string"), "should be text"),
    (re.compile(r"should be a valid integer"), "should be a whole number"),
    (re.compile(r"should be a valid (list|tuple)"), "should be a list"),
    (re.compile(r"should be a valid boolean"), "should be true or false"),
)
_CONTENT_MODELS: tuple[type[BaseModel], ...] = (Scenario, Persona)
_ID_RULE = "an id is lowercase letters, digits, '-' and '_', starting with a letter or digit"


@dataclass
class Checked(Generic[M]):
    """The outcome of reading one file: the model when it is valid, and every problem."""

    model: M | None
    located: Located | None
    errors: list[ContentError] = field(default_factory=list)


def read_text(path: Path, source: str | None = None) -> str:
    """Read a content file as strict UTF-8 under the size limit (checked before reading)."""
    name = source or str(path)
    try:
        with open_regular(path) as handle:  # a FIFO here would block forever
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise ContentLoadError(
                    [
                        ContentError(
                            name, 1, 1, f"file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes"
                        )
                    ]
                )
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ContentLoadError([ContentError(name, 1, 1, f"cannot read: {reason}")]) from None
    return decode(raw, name)


def content_hash(text: str) -> str:
    """The sha256 of a file's text, as recorded in transcripts and assignments."""
    import hashlib  # imported when first needed: reading a cached persona hashes nothing

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_model(model: type[M], text: str, source: str) -> Checked[M]:
    """Read and validate YAML text, collecting every problem instead of raising."""
    try:
        located = load_located(text, source, collect=True)
    except ContentLoadError as exc:
        return Checked(None, None, list(exc.errors))
    errors = list(located.problems)
    if model in _CONTENT_MODELS:  # a learner's script may hold anything a learner types
        errors += control_errors(located)
    if not isinstance(located.data, dict):
        line, col = located.value_where(())
        what = "an empty file" if located.data is None else "not a mapping of keys"
        errors.append(
            ContentError(
                source,
                line,
                col,
                f"{what}: a {model.__name__.lower()} file is a mapping of keys "
                f"({', '.join(_required(model))}, ...)",
                located.line_text(line),
            )
        )
        return Checked(None, located, errors)
    try:
        instance = model.model_validate(located.data)
    except ValidationError as exc:
        errors += translate(exc, located, model)
        instance = None
    errors.sort(key=lambda e: (e.line, e.col))
    return Checked(None if errors else instance, located, _dedupe(errors))


def parse_model(model: type[M], text: str, source: str) -> M:
    """Validate YAML text against a model, or raise ContentLoadError with every problem."""
    checked = check_model(model, text, source)
    if checked.model is None:
        raise ContentLoadError(checked.errors)
    return checked.model


def translate(exc: ValidationError, located: Located, model: type[BaseModel]) -> list[ContentError]:
    """Turn pydantic's errors into positioned, plain-language content errors."""
    errors: list[ContentError] = []
    for item in exc.errors(include_url=False):
        raw_loc = tuple(item["loc"])
        loc = tuple(_clean_loc(raw_loc))
        if located.is_bad(loc):
            continue  # already reported by the reader
        kind = item["type"]
        value = item.get("input")
        where = ".".join(str(p) for p in loc)
        if "[key]" in raw_loc:
            errors.append(located.error(loc, _key_message(kind, item, value, where)))
        elif kind == "extra_forbidden":
            key = str(loc[-1]) if loc else "?"
            known = _fields_at(model, loc[:-1])
            message = f"unknown field '{_clip(key)}'" + _suggest(key, known, listing=True)
            errors.append(located.error(loc, message))
        elif kind == "missing":
            parent, name = loc[:-1], str(loc[-1])
            message = f"missing field '{name}'"
            if parent:
                message = f"{'.'.join(str(p) for p in parent)}: {message}"
            errors.append(located.error(parent, message, at_value=True))
        else:
            message = f"{where}: " if where else ""
            message += _message(kind, item, value)
            errors.append(located.error(loc, message, at_value=True))
    return errors


def _key_message(kind: str, item: Any, value: Any, where: str) -> str:
    key = _clip(str(value))
    parent = where.rsplit(".", 1)[0] if "." in where else where
    if kind == "literal_error":
        choices = _choices(item)
        return f"{parent}: unknown key '{key}'" + _suggest(str(value), choices, listing=True)
    if kind == "string_pattern_mismatch":
        return f"{parent}: '{key}' is not a valid key ({_ID_RULE})"
    return f"{parent}: key '{key}': {_plain(item['msg'])}"


def _message(kind: str, item: Any, value: Any) -> str:
    if kind == "literal_error":
        choices = _choices(item)
        shown = _clip(str(value))
        return f"'{shown}' is not one of {', '.join(choices)}" + _suggest(str(value), choices)
    if kind == "string_pattern_mismatch":
        return f"'{_clip(str(value))}' is not a valid id ({_ID_RULE})"
    msg = _plain(item["msg"])
    for value_type, hint in _YAML11_HINT.items():
        if type(value) is value_type and "string" in item["msg"]:
            return f"{msg} {hint}"
    if kind in ("model_type", "dict_type") and isinstance(value, list):
        return f"{msg} (a list was given: write 'key: value' lines instead of '- ' items)"
    if kind in ("list_type", "tuple_type") and isinstance(value, dict | str):
        return f"{msg} (write a list: [a, b] or '- ' items)"
    return msg


def _plain(msg: str) -> str:
    text = msg[0].lower() + msg[1:] if msg else msg
    text = text.replace("value error, ", "").replace("input should be", "should be")
    for pattern, plain in _PLAIN_TYPES:
        text = pattern.sub(plain, text)
    return text


def _choices(item: Any) -> list[str]:
    expected = str((item.get("ctx") or {}).get("expected", ""))
    return [part.strip(" '") for part in expected.replace(" or ", ", ").split(",") if part.strip()]


def _suggest(word: str, known: list[str], *, listing: bool = False) -> str:
    import difflib  # only when a file has an unknown field

    close = difflib.get_close_matches(word[:80], known, n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{close[0]}'?"
    if listing and known:
        return f" (expected one of: {', '.join(sorted(known))})"
    return ""


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _clean_loc(loc: tuple[Any, ...]) -> list[str | int]:
    # pydantic adds tags like "function-after[...]" and "[key]" for dict keys; drop them.
    cleaned: list[str | int] = []
    for part in loc:
        if isinstance(part, str) and ("[" in part or part.startswith("function-")):
            continue
        cleaned.append(part)
    return cleaned


def _required(model: type[BaseModel]) -> list[str]:
    return [name for name, info in model.model_fields.items() if info.is_required()][:4]


def _model_at(model: type[BaseModel], path: tuple[str | int, ...]) -> Any:
    """The model class that holds the fields at a path, or None."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _fields_at(model: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    """The field names a model accepts at a path (for did-you-mean)."""
    found = _model_at(model, path)
    return list(found.model_fields) if found is not None else []


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
