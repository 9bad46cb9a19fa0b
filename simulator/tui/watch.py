"""Watching content files for hot reload, without Textual: compare modification stamps.

The app polls ``ContentWatcher.changed()`` from a timer (no extra dependency, no
threads). A stamp is (mtime_ns, size), so an editor that saves twice within the clock's
resolution is still noticed when the size differs; a missing file has its own stamp.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

Stamp = tuple[int, int] | None


def stamp(path: Path) -> Stamp:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


class ContentWatcher:
    """Remembers the stamps of some files and says when any of them changed."""

    def __init__(self, paths: Iterable[Path] = ()) -> None:
        self.stamps: dict[Path, Stamp] = {}
        self.watch(paths)

    def watch(self, paths: Iterable[Path]) -> None:
        """Replace the watched set (stamps taken now)."""
        self.stamps = {Path(p): stamp(Path(p)) for p in paths}

    @property
    def paths(self) -> list[Path]:
        return list(self.stamps)

    def changed(self) -> list[Path]:
        """Files whose stamp differs since the last call (and remember the new stamps)."""
        moved = []
        for path, old in self.stamps.items():
            new = stamp(path)
            if new != old:
                self.stamps[path] = new
                moved.append(path)
        return moved
