"""Validated personas, cached: ``analyze`` reads its persona without pydantic.

Validating a persona file means importing pydantic and the content models (about 0.1 s,
nearly half of a ``simulator analyze`` process) and parsing YAML. A persona that
validated once is saved as JSON in the user's cache folder: its values, model by model
(``dump``), with the stamps of its file, of the content package's code and of this
module (``filestamp.stamp``: size, times, inode) and the simulator's version, under a
SHA-256 digest of the whole body. ``load_persona`` gives a ``Record``: the validated
values as read-only attributes, which is all the judgement reads. It is built from the
cache while every stamp matches and is old enough to trust and the digest matches the
body; any difference (an edited persona, new code, a racy stamp, a cache that is missing,
cut short, edited by hand or of another shape) and the file is validated as before (same
errors, same positions), the cache rewritten, and the record built from the freshly
validated persona: the first run and every later one read the same kind of object.

The digest catches a damaged or hand-edited cache; it is no secret, so someone who can
write the user's cache folder could forge it, as they could edit the persona file or the
installed code. The cache is never unpickled or executed: it is plain JSON.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from simulator.filestamp import MAX_CACHE_BYTES, python_files, stamp, trusted
from simulator.paths import content_files, library_folders, user_cache

if TYPE_CHECKING:
    from simulator.content.base import Strict
    from simulator.content.models import Persona

FOLDER = "personas"
FORMAT = "persona-2"
"""Saved in the cache: a cache of another shape is never read as this one."""
_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_LEAVES = (str, int, float, bool, type(None))


class Record:
    """A validated model's values as read-only attributes (nested models as records).

    It reads as the model it was made from, without pydantic: every field is an
    attribute with the validated value. Setting an attribute raises, as on the frozen
    content models."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot delete {name!r}")

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"{type(self).__name__}({fields})"


def load_persona(persona_id: str) -> Persona:
    """The persona ``Library().load_persona(persona_id)`` validates to, as a ``Record``
    with the same attributes and values (typed as the ``Persona`` it stands for: the
    judgement only reads attributes). From the cache while the file, the content code and
    the version are unchanged; else validated (raises as that does: FileNotFoundError,
    ContentLoadError)."""
    path = persona_file(persona_id)
    where = cache_file(path)
    stamps = _stamps(path)  # before the file is read (see listing_cache)
    record = _cached(where, stamps)
    if record is None:
        from simulator.content import Library

        persona, _, _ = Library().load_persona(persona_id)
        try:
            data = dump(persona)
        except ValueError:  # a value JSON cannot hold exactly: no cache, the model itself
            return persona
        _save(where, stamps, data)
        record = _record(data)
    return cast("Persona", record)


def persona_file(persona_id: str) -> Path:
    """The persona file the library would load for ``persona_id`` (FileNotFoundError)."""
    files = content_files(library_folders("personas"))
    if persona_id not in files:
        raise FileNotFoundError(persona_id)
    return files[persona_id]


def cache_file(path: Path) -> Path:
    """Where a persona file's validated form is cached: one cache per file (checkouts that
    share a cache folder do not overwrite each other's)."""
    digest = _digest(str(path.resolve()))[:16]
    name = path.stem if _ID.fullmatch(path.stem) else "persona"
    return user_cache() / FOLDER / f"{name}-{digest}.json"


def _stamps(path: Path) -> list[list[str | int]]:
    from simulator import __version__

    now = time.time_ns()
    content = Path(__file__).with_name("content")  # every module a validation may run
    code = [*python_files(content), Path(__file__)]
    stamps: list[list[str | int]] = [["version", __version__]]
    for kind, file in [("persona", path), *(("code", module) for module in code)]:
        stamps.append([kind, str(file), *stamp(file, now)])
    return stamps


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def _cached(where: Path, stamps: list[list[str | int]]) -> Record | None:
    """The cached persona, or None when the cache cannot be trusted (see the module)."""
    try:
        with open(where, encoding="utf-8") as handle:
            text = handle.read(MAX_CACHE_BYTES + 1)
        digest, _, body = text.partition("\n")
        if len(text) > MAX_CACHE_BYTES or digest != _digest(body):
            return None
        cached = json.loads(body)
        if cached["format"] != FORMAT or cached["stamps"] != stamps or not trusted(stamps):
            return None
        return _record(cached["persona"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # missing, corrupt or of another shape: validate the file again


def _save(where: Path, stamps: list[list[str | int]], data: dict[str, Any]) -> None:
    try:
        from simulator.storage import atomic_write

        body = json.dumps({"format": FORMAT, "stamps": stamps, "persona": data})
        where.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(where, f"{_digest(body)}\n{body}")
    except Exception:  # a read-only or full disk: no cache, validated again next time
        pass


def dump(model: Strict) -> dict[str, Any]:
    """A validated model as JSON-ready data: its plain fields' values, and its nested
    models dumped the same way. ValueError for a value that JSON would change."""
    from simulator.content.base import Strict

    values: dict[str, Any] = {}
    models: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Strict):
            models[name] = dump(value)
        else:
            values[name] = _plain(value)  # (refuses a model inside a list or dict)
    return {"values": values, "models": models}


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


def _record(data: dict[str, Any]) -> Record:
    """The record of what ``dump`` gave (KeyError, TypeError or ValueError when ``data``
    does not have its shape)."""
    values, models = data["values"], data["models"]
    if type(values) is not dict or type(models) is not dict or set(values) & set(models):
        raise TypeError("not a dumped model")
    return Record({**values, **{name: _record(nested) for name, nested in models.items()}})
