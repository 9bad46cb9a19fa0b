"""A guard that fails a test instead of letting it hang (not a timing assertion: timings
live in benchmarks/)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


class Hung(BaseException):
    """Raised into code still running after its time. A BaseException, so no ``except
    Exception`` in the command or loader under test can swallow it and carry on."""


@contextmanager
def fails_instead_of_hanging(seconds: int, what: str = "the command") -> Iterator[None]:
    """Raise ``Hung`` in the test after ``seconds`` (SIGALRM also interrupts a blocking
    ``open`` of a FIFO or a loop in a parser)."""

    def stop(_signum: int, _frame: object) -> None:
        raise Hung(f"{what} still ran after {seconds} s: it hangs")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
