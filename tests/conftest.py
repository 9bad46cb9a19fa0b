"""Shared test setup: every test gets its own user data folder and a clean environment."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from simulator.content import Bundle, Library

ROOT = Path(__file__).resolve().parent.parent

pytest_plugins = ["longest_first"]
"""Orders the run longest test first (tests/longest_first.py explains why)."""

GC_THRESHOLDS = (10_000, 20, 20)
"""Python's cyclic garbage collector runs after every 700 net allocations by default, and
each run walks every young object. The app tests allocate fast (a Textual DOM, styles and
strips per screen): with the defaults the collector took 21 s of the 69 s of CPU that
tests/tui (without tmux) took in one process. Collecting less often, and freezing what
was imported before the tests ran (modules, classes: never garbage, but walked by every
full collection), cut that to 6 s. Memory grows a little (150 -> 200 MB peak)."""

gc.set_threshold(*GC_THRESHOLDS)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Move everything imported so far out of the collector's sight (``gc.freeze``)."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point SIMULATOR_HOME at a fresh folder; clear variables that change rendering."""
    home = tmp_path / "simhome"
    monkeypatch.setenv("SIMULATOR_HOME", str(home))
    for name in ("NO_COLOR", "TEXTUAL_THEME", "FORCE_COLOR", "COLUMNS", "LINES"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def home(_isolated_home: Path) -> Path:
    """The test's user data folder."""
    return _isolated_home


@pytest.fixture
def library() -> Library:
    return Library()


@pytest.fixture
def cold_email(library: Library) -> Bundle:
    """The main built-in scenario: a cold email in review season."""
    return library.load("review-season-cold-email")
