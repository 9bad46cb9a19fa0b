"""Longest tests first, so ``pytest -n`` never ends with one worker busy on a long test.

``pytest -n N --dist loadgroup`` hands tests out in collection order as workers free up.
Collected alphabetically, the longest ones (the app typed key by key, tmux, Chromium,
the reader's retrain) came last and the run ended with the other workers idle. This
plugin orders the collection longest first (a greedy "longest job first" schedule):

- by each test's duration in the last run (setup + call + teardown, kept in pytest's
  cache under ``simulator/durations``; written by the run's controller at the end);
- a test with no recorded duration (a fresh clone, a new test) by its marks: ``tmux``,
  ``browser`` and ``slow`` tests count as long, the rest as short; ``slow(seconds=N)``
  says how long (the reader's retrain: it must start first on a fresh clone, or its
  half-minute of one CPU is the run's tail).

A skipped run of a test is not recorded: the retrain proof skips in a second when it has
already matched, and that second must not make the next real retrain start last.

The sort is stable: tests of equal weight keep the order pytest (or pytest-randomly)
gave them. Every xdist worker reads the same cache, so all collect the same order.
"""

from __future__ import annotations

from typing import Any

import pytest

CACHE_KEY = "simulator/durations"
pytest_plugins = ["gc_tuning", "pilot_pacing"]
"""The run's other tuning (tests/gc_tuning.py, tests/pilot_pacing.py): registered here."""
_MARKED_LONG = {"tmux": 10.0, "browser": 10.0, "slow": 5.0}
"""Seconds assumed for a test never timed, by mark (the largest mark wins)."""
_UNKNOWN = 0.5
"""Seconds assumed for an unmarked test never timed."""


def _expected(item: pytest.Item, durations: dict[str, float]) -> float:
    if item.nodeid in durations:
        return durations[item.nodeid]
    marked = []
    for name, seconds in _MARKED_LONG.items():
        mark = item.get_closest_marker(name)
        if mark is not None:
            marked.append(float(mark.kwargs.get("seconds", seconds)))
    return max(marked, default=_UNKNOWN)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put the tests expected to take longest first (after any shuffling plugin)."""
    cache = getattr(config, "cache", None)
    durations: dict[str, float] = cache.get(CACHE_KEY, {}) if cache is not None else {}
    items.sort(key=lambda item: -_expected(item, durations))


_TIMED: dict[str, float] = {}
_SKIPPED: set[str] = set()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Add up each test's phases (on the controller, reports arrive from every worker)."""
    _TIMED[report.nodeid] = _TIMED.get(report.nodeid, 0.0) + report.duration
    if report.skipped:
        _SKIPPED.add(report.nodeid)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Merge this run's durations into the cache (the controller only, not each worker)."""
    config: Any = session.config
    cache = getattr(config, "cache", None)
    if cache is None or hasattr(config, "workerinput") or not _TIMED:
        return
    durations: dict[str, float] = cache.get(CACHE_KEY, {})
    durations.update(
        {nodeid: round(seconds, 3) for nodeid, seconds in _TIMED.items() if nodeid not in _SKIPPED}
    )
    cache.set(CACHE_KEY, durations)
