"""The library listing, cached: the app's Home shows it without loading pydantic or YAML.

Validating every scenario and persona costs more at start-up than drawing the app.
The listing (``content.catalogue.collect``) is saved in the user's cache folder,
keyed by the SHA-256 of every content file, the simulator's version and the listing
code itself. Any change to any of them (an edited, added or removed file; an upgrade;
a cache edited by hand) and the key no longer matches: the files are validated again
and the cache rewritten. The cache is plain data written with ``marshal`` (dicts, lists,
text, numbers: quicker to read than JSON, and no ``json`` import at start-up) under a
format stamp, and is checked for shape before use; it is never unpickled and nothing in
it is run, and a broken cache is simply rebuilt.

Beside the key the cache keeps each file's stamp (size, modification and change times
in nanoseconds, inode, device), taken before the files are read. Start-up compares
stamps first and reads no file when they all match; any difference (a saved file gets
a new change time even if its size and modification time are put back) falls back to
hashing, so a file touched but unchanged costs one hash, never a validation. File times
are coarse (a clock tick): a file changed less than ``filestamp.RACY_NS`` before its stamp was
taken could change again with the same stamp, so such a stamp is saved as ``racy`` and
never matches (that file is hashed on the next start, as git does with its index).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from simulator.filestamp import read_cache, stamp, trusted, write_cache
from simulator.paths import builtin_dir, user_cache, user_dir

KINDS = ("personas", "scenarios")
FILE_NAME = "library-listing.marshal"
_FORMAT = "listing-1"
"""Saved beside the data: a cache written in another shape is never read as this one."""


def content_files() -> list[tuple[str, Path]]:
    """Every content file the library would list, as (kind, path), first folder winning."""
    out: list[tuple[str, Path]] = []
    for kind in KINDS:
        seen: set[str] = set()
        for folder in (builtin_dir(kind), user_dir(kind)):
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.yaml")):
                if path.stem not in seen:
                    seen.add(path.stem)
                    out.append((kind, path))
    return out


def _code_path() -> Path:
    return Path(__file__).with_name("content") / "catalogue.py"


def file_stamps() -> list[list[str | int]]:
    """What the key is made of, cheaply: the version and, for the listing code and every
    content file, its kind, path and stat stamp (no file is read)."""
    from simulator import __version__

    now = time.time_ns()
    stamps: list[list[str | int]] = [["version", __version__]]
    for kind, path in [("code", _code_path()), *content_files()]:
        stamps.append([kind, str(path), *stamp(path, now)])
    return stamps


def listing_key() -> str:
    """A digest of everything the listing depends on (file names and bytes, code, version)."""
    import hashlib  # only when a stamp changed: start-up with an unchanged library skips it

    from simulator import __version__

    digest = hashlib.sha256(f"listing-cache 1 {__version__}\n".encode())
    code = _code_path()
    digest.update(hashlib.sha256(code.read_bytes()).digest())
    for kind, path in content_files():
        try:
            body = path.read_bytes()
        except OSError:
            body = b"\0unreadable"
        digest.update(f"{kind}\0{path}\0".encode())
        digest.update(hashlib.sha256(body).digest())
    return digest.hexdigest()


def cache_path() -> Path:
    return user_cache() / FILE_NAME


def _valid(data: Any) -> bool:
    """The cached listing has the shape ``collect`` returns (strings where text is shown)."""
    if not isinstance(data, dict):
        return False
    rows = (data.get("scenarios"), data.get("personas"), data.get("problems"))
    if not all(isinstance(r, list) for r in rows):
        return False
    scenarios, personas, problems = rows
    texts = ("id", "title", "difficulty", "persona", "summary")
    for s in scenarios:  # type: ignore[union-attr]
        if not isinstance(s, dict) or not all(isinstance(s.get(k), str) for k in texts):
            return False
        stages, minutes = s.get("stages"), s.get("minutes")
        if not isinstance(stages, list) or not all(isinstance(x, str) for x in stages):
            return False
        if minutes is not None and (not isinstance(minutes, int) or isinstance(minutes, bool)):
            return False
    for p in personas:  # type: ignore[union-attr]
        if not isinstance(p, dict) or not all(isinstance(p.get(k), str) for k in ("id", "role")):
            return False
    return all(isinstance(p, str) for p in problems)  # type: ignore[union-attr]


def _read(path: Path) -> Any:
    saved = read_cache(path)
    if type(saved) is not tuple or len(saved) != 2 or saved[0] != _FORMAT:
        return None
    return saved[1]


def cached_listing(key: str | None = None) -> dict[str, Any] | None:
    """The cached listing if nothing changed since it was written, else None (cheap: file
    stamps and one small read, so Home can show it in its first frame; the files are
    hashed only when a stamp differs, and the new stamps are then saved)."""
    return _cached(file_stamps(), key)


def _cached(stamps: list[list[str | int]], key: str | None) -> dict[str, Any] | None:
    """The cache's listing when its stamps are ``stamps`` (taken before any file was read)
    or its key is ``key`` (computed after, when None)."""
    cached = _read(cache_path())
    if not (isinstance(cached, dict) and _valid(cached.get("data"))):
        return None
    data: dict[str, Any] = cached["data"]
    if key is None and cached.get("stamps") == stamps and trusted(stamps):
        return data
    if cached.get("key") != (key or listing_key()):
        return None
    if cached.get("stamps") != stamps:  # touched, not changed: next time, no hashing
        _write(cached["key"], stamps, data)
    return data


def _write(key: str, stamps: list[list[str | int]], data: dict[str, Any]) -> None:
    # A read-only or full disk: the listing is still shown, just not cached.
    body = {"key": key, "stamps": stamps, "data": data}
    write_cache(cache_path(), (_FORMAT, body), durable=True)


def listing() -> dict[str, Any]:
    """What ``content.catalogue.collect`` returns, from the cache when nothing changed."""
    stamps = file_stamps()  # before the files are hashed and validated
    key = listing_key()
    data = _cached(stamps, key)
    if data is not None:
        return data
    from simulator.authoring.load import checked_listing

    data = checked_listing()
    _write(key, stamps, data)
    return data
