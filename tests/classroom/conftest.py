"""Fixtures for the classroom tests: assignments, a class server in-process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.classroom.gradebook import Gradebook
from simulator.classroom.intake import Intake
from simulator.classroom.store import ClassStore
from simulator.classroom.web import ClassConfig, ClassServer, Limits
from simulator.homework import load_assignment

from .helpers import InProcess, make_assignment

CLASS_TOKEN = "c1a55t0ken0000000000000"
COACH_TOKEN = "c0ac4t0ken00000000000000000000000"


@pytest.fixture
def assignment_file(tmp_path: Path) -> Path:
    return make_assignment(tmp_path)


def build_server(
    assignment_file: Path,
    folder: Path,
    *,
    limits: Limits | None = None,
    max_pages: int | None = None,
) -> tuple[ClassServer, ClassStore]:
    assignment = load_assignment(assignment_file)
    store = ClassStore(folder / "class.sqlite3", max_pages=max_pages)
    limits = limits or Limits()
    config = ClassConfig("Workshop", CLASS_TOKEN, COACH_TOKEN, "true", limits)
    server = ClassServer(
        config,
        intake=Intake(assignment, store, max_bytes=limits.max_body),
        gradebook=Gradebook(assignment, store),
    )
    return server, store


@pytest.fixture
def live(assignment_file: Path, tmp_path: Path) -> Iterator[tuple[InProcess, ClassStore]]:
    """A class server on loopback, in this process (tokens above)."""
    server, store = build_server(assignment_file, tmp_path / "class")
    with InProcess(server) as running:
        yield running, store
    store.close()
