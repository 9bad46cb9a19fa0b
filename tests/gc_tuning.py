"""Less of the test run spent in Python's cyclic garbage collector.

Measured with ``gc.callbacks`` in a ``make test`` run, each xdist worker spent 5-10 s of
CPU collecting (about 15% of the suite's CPU): every full collection walks every object
alive, and after collection a worker holds a few hundred thousand that live to the end
(modules, test items, fixtures' definitions). At the end of the session pytest collects
five more times (looking for exceptions raised in finalisers), at about 0.4 s each.

- Once the tests are collected, a collection frees what collecting left behind and
  ``gc.freeze()`` moves every survivor out of the collector's sight: later collections
  walk only what the tests create.
- The youngest generation is collected after 10,000 new objects rather than 700: the
  tests' objects are mostly freed by reference counting, and a Textual app builds many
  thousands of them per screen, so the default threshold ran a young collection every
  few milliseconds of work.

- At the end, one collection instead of pytest's five looks for exceptions raised in
  finalisers (pytest's own knob, ``gc_collect_iterations_key``, there for its own tests;
  left alone if a pytest version no longer has it). Such an exception only ever gave a
  warning here, and the first collection frees nearly everything the others would.

Neither changes what a test sees: every cycle is still collected (later), and nothing
frozen was garbage. On a subset (grading, the authoring toolkit, the snapshot and tab-app
tests, one process) the collector's time fell from 4.6 s to 2.6 s.
"""

from __future__ import annotations

import gc

import pytest

try:
    from _pytest.unraisableexception import gc_collect_iterations_key as _ITERATIONS
except ImportError:  # another pytest: keep its own number of collections
    _ITERATIONS = None  # type: ignore[assignment]

YOUNG_THRESHOLD = 10_000
"""New objects between two collections of the youngest generation (Python's default: 700)."""


def pytest_configure(config: pytest.Config) -> None:
    """One garbage collection, not five, when pytest looks for unraisable exceptions."""
    if _ITERATIONS is not None:
        config.stash[_ITERATIONS] = 1


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Freeze what collection left alive, and collect the young generation less often."""
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, oldest)
