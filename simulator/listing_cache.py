"""The library listing, cached: the app's Home shows it without loading pydantic or YAML.

Validating every scenario and persona costs more at start-up than drawing the app.
The listing (``content.catalogue.collect``) is saved as JSON in the user's cache folder,
keyed by the SHA-256 of every content file, the simulator's version and the listing
code itself. Any change to any of them (an edited, added or removed file; an upgrade;
a cache edited by hand) and the key no longer matches: the files are validated again
and the cache rewritten. The cache is JSON and is checked for shape before use; it is
never unpickled or executed, and a broken cache is simply rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from simulator.paths import builtin_dir, user_cache, user_dir

KINDS = ("personas", "scenarios")
FILE_NAME = "library-listing.json"
MAX_CACHE_BYTES = 4 * 1024 * 1024


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


def listing_key() -> str:
    """A digest of everything the listing depends on (file names and bytes, code, version)."""
    from simulator import __version__

    digest = hashlib.sha256(f"listing-cache 1 {__version__}\n".encode())
    code = Path(__file__).with_name("content") / "catalogue.py"
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
    try:
        if path.stat().st_size > MAX_CACHE_BYTES:
            return None
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def cached_listing(key: str | None = None) -> dict[str, Any] | None:
    """The cached listing if nothing changed since it was written, else None (cheap: file
    hashes and one small JSON read, so Home can show it in its first frame)."""
    cached = _read(cache_path())
    key = key or listing_key()
    if isinstance(cached, dict) and cached.get("key") == key and _valid(cached.get("data")):
        data: dict[str, Any] = cached["data"]
        return data
    return None


def listing() -> dict[str, Any]:
    """What ``content.catalogue.collect`` returns, from the cache when nothing changed."""
    key = listing_key()
    path = cache_path()
    data = cached_listing(key)
    if data is not None:
        return data
    from simulator.authoring.load import checked_listing

    data = checked_listing()
    try:
        from simulator.storage import atomic_write

        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps({"key": key, "data": data}, ensure_ascii=False))
    except Exception:  # a read-only or full disk: the listing is still shown, just not cached
        pass
    return data
