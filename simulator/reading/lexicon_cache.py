"""The standard lexicon, cached compiled: ``analyze`` reads it without parsing YAML.

Parsing ``lexicon.yaml`` and compiling its phrases into tries costs about 22 ms, a tenth
of a whole ``simulator analyze`` process. The compiled lexicon (every signal's fields,
and the matcher's tries and frames as plain dicts, lists and tuples) is saved with
``marshal`` in the user's cache folder, keyed by the stamps (``filestamp.stamp``:
size, times, inode) of ``lexicon.yaml``, of every module of the reading package (the
code that parses and compiles it) and by the simulator's version and Python's. While
every stamp matches and is old enough to trust, the lexicon is rebuilt from that file;
any difference, a racy stamp, or a cache that is missing, damaged or of another shape,
and the lexicon is parsed from YAML as before (the same errors) and the cache
rewritten. The cache holds data only: it is never unpickled, and nothing in it is run.

A scenario's own phrases and signals are applied on top in memory
(``Lexicon.customised``) every time, so a scenario edit never meets a stale cache.
"""

from __future__ import annotations

import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

from simulator.filestamp import python_files, read_cache, stamp, trusted, write_cache
from simulator.paths import user_cache
from simulator.reading.lexicon import Lexicon, SignalSpec
from simulator.reading.matcher import Frame, Matcher, Trie

FILE_NAME = "lexicon.marshal"
_FORMAT = 1
"""Bumped when the saved shape changes (the code stamps catch it too)."""
_FRAME = ["signal", "slots", "gap"]
"""The frame fields this code saves: a frame with others is not cached (never half saved)."""


def cached_lexicon(path: Path, build: Callable[[], Lexicon]) -> Lexicon:
    """The lexicon ``build()`` makes from ``path``, from the cache while ``path``, the
    reading code and the version are unchanged (``build`` raises as it would)."""
    where = cache_file(path)
    stamps = _stamps(path)  # before the file is read: a later edit changes them
    lexicon = _cached(where, stamps)
    if lexicon is not None:
        return lexicon
    lexicon = build()
    _save(where, stamps, lexicon)
    return lexicon


def cache_file(path: Path) -> Path:
    """Where the lexicon at ``path`` is cached: one file per lexicon path, so checkouts
    that share a cache folder (the platform's, when ``SIMULATOR_HOME`` is unset) do not
    rewrite each other's cache and re-parse the YAML in turn."""
    key = zlib.crc32(str(path.resolve()).encode("utf-8", "surrogatepass"))
    return user_cache() / f"{Path(FILE_NAME).stem}-{key:08x}.marshal"


def _stamps(path: Path) -> tuple[Any, ...]:
    from simulator import __version__

    now = time.time_ns()
    code = Path(__file__).parent  # every module that parses, compiles or reads a lexicon
    out: list[Any] = [["format", _FORMAT], ["version", __version__, sys.version]]
    for kind, file in [("lexicon", path), *(("code", module) for module in python_files(code))]:
        out.append([kind, str(file), *stamp(file, now)])
    return tuple(tuple(entry) for entry in out)


def _cached(where: Path, stamps: tuple[Any, ...]) -> Lexicon | None:
    saved = read_cache(where)
    try:
        if type(saved) is not tuple or len(saved) != 2 or saved[0] != stamps:
            return None
        if not trusted([list(entry) for entry in stamps]):
            return None
        return _load(saved[1])
    except (ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None  # missing, damaged or of another shape: parse the YAML again


def _save(where: Path, stamps: tuple[Any, ...], lexicon: Lexicon) -> None:
    try:
        data = dump(lexicon)
    except ValueError:  # a shape this code cannot save: no cache
        return
    write_cache(where, (stamps, data), durable=False)  # a lost cache is only rebuilt


def dump(lexicon: Lexicon) -> dict[str, Any]:
    """A compiled lexicon as plain data (dicts, lists, tuples, text, numbers); ValueError
    for anything else, so a lexicon this code cannot save is never half saved."""
    specs = {
        sid: {f.name: getattr(spec, f.name) for f in fields(spec)}
        for sid, spec in lexicon.specs.items()
    }
    matcher = {f.name: _encode(getattr(lexicon.matcher, f.name)) for f in fields(Matcher)}
    return {"specs": specs, "matcher": matcher}


def _load(data: dict[str, Any]) -> Lexicon:
    if set(data["matcher"]) != {f.name for f in fields(Matcher)}:
        raise KeyError("matcher fields")
    specs = {sid: SignalSpec(**values) for sid, values in data["specs"].items()}
    matcher = Matcher(**{name: _decode(value) for name, value in data["matcher"].items()})
    return Lexicon(specs, matcher)


def _encode(value: Any) -> tuple[Any, ...]:
    """A matcher field as tagged plain data: tries, frames, lists and dicts of them."""
    if type(value) is Trie and list(vars(value)) == ["root"]:
        return ("trie", value.root)
    if type(value) is Frame and [f.name for f in fields(Frame)] == _FRAME:
        return ("frame", value.signal, tuple(_encode(t) for t in value.slots), value.gap)
    if type(value) is list:
        return ("list", [_encode(item) for item in value])
    if type(value) is dict and all(type(key) is str for key in value):
        return ("dict", {key: _encode(item) for key, item in value.items()})
    raise ValueError(f"not cached: {type(value).__name__}")


def _decode(data: tuple[Any, ...]) -> Any:
    kind = data[0]
    if kind == "trie" and type(data[1]) is dict:
        trie = Trie()
        trie.root = data[1]
        return trie
    if kind == "frame":
        return Frame(data[1], tuple(_decode(t) for t in data[2]), data[3])
    if kind == "list":
        return [_decode(item) for item in data[1]]
    if kind == "dict":
        return {key: _decode(item) for key, item in data[1].items()}
    raise ValueError(f"unknown kind {kind!r}")
