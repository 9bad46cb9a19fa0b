"""Home's resume rows, cached: a returning learner's start-up reads no journal twice.

Home lists every unfinished session (scenario, where it stopped, turns, start time).
Finding them meant reading every journal in the journals folder at each start-up: 30
sessions are about a megabyte of JSON lines, 7-10 ms and the storage layer's import. What
Home needs from each journal (finished or not, title, last stage, the learner's turns,
start time) is saved with ``marshal`` in the user's cache folder beside the journal's stat
stamp (``filestamp.stamp``: size, times, inode). A journal whose stamp matches is not
read; a new, changed, racy (just written) or vanished one is read again (or dropped), and
the cache is rewritten only when something changed. The cache is keyed by the version
and the stamps of the code that reads journals; it holds data only (never unpickled,
nothing in it run), and a damaged one is ignored and rebuilt.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from simulator.filestamp import read_cache, stamp, write_cache
from simulator.paths import user_cache, user_dir

FILE_NAME = "resume-index.marshal"
_FORMAT = 1

Summary = tuple[bool, str, str, int, str]
"""finished, title, last stage, the learner's turns, start time (ISO)."""


def unfinished() -> list[tuple[Path, Summary]]:
    """Every unfinished journal, newest first, with what Home shows about it (journals
    that cannot be read are left out, as before)."""
    folder = user_dir("journals")
    if not folder.is_dir():  # never played
        return []
    names = sorted(
        (name for name in os.listdir(folder) if name.endswith(".jsonl") and name[0] != "."),
        reverse=True,  # newest first: ids start with the time
    )
    now = time.time_ns()
    key = _key(now)
    where = user_cache() / FILE_NAME
    known = _cached(where, key)
    fresh: dict[str, tuple[tuple[Any, ...], Summary]] = {}
    out = []
    for name in names:
        path = folder / name
        mark = tuple(stamp(path, now))
        entry = known.get(name)
        if entry is not None and entry[0] == mark and "racy" not in mark:
            summary = entry[1]
        else:
            read = _summary(path)
            if read is None:
                continue
            summary = read
        fresh[name] = (mark, summary)
        if not summary[0]:
            out.append((path, summary))
    if fresh != known:
        _save(where, key, fresh)
    return out


def _key(now: int) -> tuple[Any, ...]:
    from simulator import __version__

    here = Path(__file__)
    code = [tuple(stamp(file, now)) for file in (here, here.with_name("storage.py"))]
    return (_FORMAT, __version__, *code)


def _summary(path: Path) -> Summary | None:
    """What Home needs from one journal, read whole (None when it cannot be read)."""
    from simulator.storage import Journal, StorageError

    try:
        contents = Journal.read(path)
    except StorageError:
        return None
    header = contents.header
    learner = sum(1 for turn in contents.turns if turn.get("who") == "learner")
    last = contents.turns[-1] if contents.turns else {}
    title = str(header.get("title") or header.get("scenario") or "?")
    return (
        bool(contents.finished),
        title,
        str(last.get("stage", "start")),
        learner,
        str(header.get("started", "")),
    )


def _cached(where: Path, key: tuple[Any, ...]) -> dict[str, tuple[tuple[Any, ...], Summary]]:
    """The saved summaries by file name; empty when missing, damaged, of another shape
    or saved by other code (any entry of the wrong shape is dropped)."""
    saved = read_cache(where)
    if type(saved) is not tuple or len(saved) != 2 or saved[0] != key:
        return {}
    files = saved[1]
    if type(files) is not dict:
        return {}
    return {name: entry for name, entry in files.items() if _well_formed(name, entry)}


def _well_formed(name: Any, entry: Any) -> bool:
    if type(name) is not str or type(entry) is not tuple or len(entry) != 2:
        return False
    mark, summary = entry
    if type(mark) is not tuple or type(summary) is not tuple or len(summary) != 5:
        return False
    kinds = (bool, str, str, int, str)
    return all(type(value) is kind for value, kind in zip(summary, kinds, strict=True))


def _save(where: Path, key: tuple[Any, ...], files: dict[str, Any]) -> None:
    # Not durable: a lost cache is only rebuilt; a refused write reads the journals again.
    write_cache(where, (key, files), durable=False)
