"""File stat stamps, without a UI: how the caches tell that a file is unchanged without
reading it.

A stamp is a file's size, modification and change times in nanoseconds, inode and
device. A saved file always gets a new change time, even when its size and
modification time are put back, so equal stamps mean an unchanged file. File times
are coarse, though (a clock tick): a file changed less than ``RACY_NS`` before its
stamp was taken could change again with the same stamp, so such a stamp is marked
``racy`` and never trusted (as git treats its index). Used by the library listing,
persona and lexicon caches and the resume index, which also share ``read_cache`` and
``write_cache``: one size-limited ``marshal`` file each, in the user's cache folder.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any

RACY_NS = 2_000_000_000
"""A stamp this close to the time it was taken is not trusted (see the module docstring)."""
MAX_CACHE_BYTES = 4 * 1024 * 1024
"""A cache file larger than this is neither written nor read."""


def stamp(path: Path, now: int) -> list[str | int]:
    """A file's stat stamp: size, modification time, change time (``"racy"`` when within
    ``RACY_NS`` of ``now``), inode and device; ``["missing"]`` when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return ["missing"]
    changed: str | int = st.st_ctime_ns
    if now - max(st.st_ctime_ns, st.st_mtime_ns) < RACY_NS:
        changed = "racy"
    return [st.st_size, st.st_mtime_ns, changed, st.st_ino, st.st_dev]


def trusted(stamps: list[list[str | int]]) -> bool:
    """No stamp is too recent to trust (nor missing)."""
    return not any("racy" in entry or "missing" in entry for entry in stamps)


def python_files(folder: Path) -> list[Path]:
    """The ``.py`` modules of a package folder, sorted: the code whose stamps key a cache."""
    return [folder / name for name in sorted(os.listdir(folder)) if name.endswith(".py")]


def read_cache(path: Path) -> Any:
    """The value a ``write_cache`` saved at ``path``; None when the file is missing,
    larger than ``MAX_CACHE_BYTES`` or damaged (the caller checks the value's shape)."""
    try:
        with open(path, "rb") as handle:
            body = handle.read(MAX_CACHE_BYTES + 1)
        if len(body) > MAX_CACHE_BYTES:
            return None
        return marshal.loads(body)
    except (OSError, ValueError, TypeError, EOFError):
        return None


def write_cache(path: Path, value: Any, *, durable: bool) -> None:
    """Save ``value`` (plain data) at ``path`` atomically; nothing when it is too large,
    not plain data, or the disk refuses (a cache that is not written is only rebuilt)."""
    try:
        from simulator.storage import atomic_write

        body = marshal.dumps(value)
        if len(body) > MAX_CACHE_BYTES:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, body, durable=durable)
    except Exception:  # a read-only or full disk, or a value marshal cannot hold
        pass
