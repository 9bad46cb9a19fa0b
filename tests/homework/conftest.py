"""Fixtures for homework tests: the two learner scripts as files."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import FAILING, PASSING


@pytest.fixture
def scripts(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "scripts"
    folder.mkdir()
    paths = {}
    for name, text in (("pass", PASSING), ("fail", FAILING)):
        paths[name] = folder / f"{name}.yaml"
        paths[name].write_text(text, encoding="utf-8")
    return paths
