"""File stat stamps, without a UI: how the caches tell that a file is unchanged without
reading it.

A stamp is a file's size, modification and change times in nanoseconds, inode and
device. A saved file always gets a new change time, even when its size and
modification time are put back, so equal stamps mean an unchanged file. File times
are coarse, though (a clock tick): a file changed less than ``RACY_NS`` before its
stamp was taken could change again with the same stamp, so such a stamp is marked
``racy`` and never trusted (as git treats its index). Used by the library listing,
persona and lexicon caches.
"""

from __future__ import annotations

import os
from pathlib import Path

RACY_NS = 2_000_000_000
"""A stamp this close to the time it was taken is not trusted (see the module docstring)."""


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
