"""One garbage collection, not five, when pytest looks for unraisable exceptions at the end.

At the end of a session pytest runs ``gc.collect()`` five times in each process before
it reports exceptions raised in finalisers (``__del__``, weakref callbacks) as warnings.
After a worker's share of the suite each full collection walks every object the tests
left alive: about 0.3-0.4 s of CPU each, measured in every xdist worker. One collection
frees nearly everything the other four would, and such an exception has only ever been a
warning here; an exception raised in the ``__del__`` of an object in a cycle is still
reported (checked).

The knob is pytest's own (``gc_collect_iterations_key``, there for pytest's tests); with a
pytest that no longer has it, pytest keeps its five collections. The collector's
thresholds and ``gc.freeze()`` after collection are in ``tests/conftest.py``.
"""

from __future__ import annotations

import pytest

try:
    from _pytest.unraisableexception import gc_collect_iterations_key as _ITERATIONS
except ImportError:  # another pytest: keep its own number of collections
    _ITERATIONS = None  # type: ignore[assignment]


def pytest_configure(config: pytest.Config) -> None:
    """One garbage collection, not five, when pytest looks for unraisable exceptions."""
    if _ITERATIONS is not None:
        config.stash[_ITERATIONS] = 1
