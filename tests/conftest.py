"""Shared test setup: every test gets its own user data folder and a clean environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content import Bundle, Library

ROOT = Path(__file__).resolve().parent.parent

pytest_plugins = ["longest_first"]
"""Orders the run longest test first (tests/longest_first.py explains why)."""


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
