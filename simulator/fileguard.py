"""Special files and locks, without a UI: a user folder may hold anything.

A FIFO, device or socket named like a journal, an attempt, a setting or a scenario must
never be opened for reading: opening a FIFO waits for a writer forever. Files are opened
without blocking and checked on the open descriptor (no gap between check and open).
``try_lock`` is the non-blocking ``flock`` that journals and the settings file use.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from pathlib import Path
from typing import BinaryIO


def is_regular(path: Path) -> bool:
    """Whether ``path`` is a regular file (or a link to one). A FIFO, device or socket
    in a user folder is never opened: opening a FIFO blocks until someone writes to it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


NOT_REGULAR = "not a regular file (a FIFO, device or socket is never opened)"


def not_regular(path: Path) -> str:
    """The one-line notice for a skipped special file."""
    return f"skipped {path}: {NOT_REGULAR}"


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading, or raise OSError (strerror says why in words).

    The file is opened without blocking and checked on the open descriptor, so a FIFO
    put in its place can never hang the caller (not even between a check and the open).
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, NOT_REGULAR)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a regular file (one more than allowed tells the caller
    it is too large without reading it all); raises OSError as ``open_regular``."""
    with open_regular(path) as handle:
        return handle.read(limit + 1)


def try_lock(fd: int) -> bool:
    """Take an exclusive ``flock`` without waiting: False when another process holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True
