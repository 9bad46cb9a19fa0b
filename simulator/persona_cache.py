"""Validated personas, cached: ``analyze`` reads its persona without building a validator.

Validating a persona file costs little itself, but it is the first validation in a
``simulator analyze`` process: pydantic then builds the persona's validator and looks
for plugins (importing ``importlib.metadata``), about 25-30 ms of a 0.25 s budget. A
persona that validated once is saved as JSON in the user's cache folder (its values
and which fields the file set, model by model) with the stamps of its file and of the
content package's code (``filestamp.stamp``: size, times, inode) and the simulator's
version. While all stamps match and are old enough to trust, the persona is rebuilt
from that JSON without validation (``model_construct``); any difference, a racy stamp,
or a cache that is missing, corrupt or of another shape, and the file is validated as
before (same errors, same positions) and the cache rewritten. The cache is never
unpickled or executed.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from simulator.content import Library, Persona
from simulator.content.base import Strict
from simulator.filestamp import MAX_CACHE_BYTES, python_files, stamp, trusted
from simulator.paths import user_cache

FOLDER = "personas"
_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_LEAVES = (str, int, float, bool, type(None))


def load_persona(persona_id: str, library: Library | None = None) -> Persona:
    """``Library().load_persona(persona_id)``'s persona, from the cache when its file and
    the content code are unchanged (raises as that does: FileNotFoundError,
    ContentLoadError)."""
    library = library or Library()
    path = library.persona_path(persona_id)
    where = cache_file(path)
    stamps = _stamps(path)  # before the file is read (see listing_cache)
    if where is not None:
        persona = _cached(where, stamps)
        if persona is not None:
            return persona
    persona, _, _ = library.load_persona(persona_id)
    if where is not None:
        _save(where, stamps, persona)
    return persona


def cache_file(path: Path) -> Path | None:
    """Where a persona file's validated form is cached (None for an unusual file name)."""
    if not _ID.fullmatch(path.stem):
        return None
    return user_cache() / FOLDER / f"{path.stem}.json"


def _stamps(path: Path) -> list[list[str | int]]:
    from simulator import __version__

    now = time.time_ns()
    code = Path(__file__).with_name("content")  # every module a validation may run
    stamps: list[list[str | int]] = [["version", __version__]]
    for kind, file in [("persona", path), *(("code", module) for module in python_files(code))]:
        stamps.append([kind, str(file), *stamp(file, now)])
    return stamps


def _cached(where: Path, stamps: list[list[str | int]]) -> Persona | None:
    try:
        if where.stat().st_size > MAX_CACHE_BYTES:
            return None
        cached = json.loads(where.read_text(encoding="utf-8"))
        if cached.get("stamps") != stamps or not trusted(stamps):
            return None
        persona = _build(Persona, cached["persona"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # missing, corrupt or of another shape: validate the file again
    return persona if isinstance(persona, Persona) else None


def _save(where: Path, stamps: list[list[str | int]], persona: Persona) -> None:
    try:
        from simulator.storage import atomic_write

        body = json.dumps({"stamps": stamps, "persona": dump(persona)}, ensure_ascii=False)
        where.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(where, body)
    except Exception:  # a read-only or full disk, or a value JSON cannot hold: no cache
        pass


def dump(model: Strict) -> dict[str, Any]:
    """A validated model as JSON-ready data: each field's value (nested models the same
    way) and the fields its file set. ValueError for a value that JSON would change."""
    values: dict[str, Any] = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        nested = isinstance(info.annotation, type) and issubclass(info.annotation, Strict)
        values[name] = dump(value) if nested else _plain(value)  # (_plain refuses a model)
    return {"set": sorted(model.model_fields_set), "values": values}


def _plain(value: Any) -> Any:
    """``value`` when it survives a JSON round trip unchanged (lists, string-keyed dicts,
    text, numbers), else ValueError."""
    if isinstance(value, _LEAVES):
        if isinstance(value, float) and value != value:  # NaN never equals itself
            raise ValueError("NaN")
        return value
    if type(value) is list:
        return [_plain(item) for item in value]
    if type(value) is dict and all(type(key) is str for key in value):
        return {key: _plain(item) for key, item in value.items()}
    raise ValueError(f"not cached: {type(value).__name__}")


def _build(model: type[Strict], data: dict[str, Any]) -> Strict:
    """The model ``dump`` gave ``data`` for, rebuilt without validation (KeyError or
    TypeError when ``data`` does not have the model's shape)."""
    values = data["values"]
    if set(values) != set(model.model_fields):
        raise KeyError("fields")
    built = {}
    for name, info in model.model_fields.items():
        kind = info.annotation
        if isinstance(kind, type) and issubclass(kind, Strict):
            built[name] = _build(kind, values[name])
        else:
            built[name] = values[name]
    return model.model_construct(_fields_set=set(data["set"]), **built)
