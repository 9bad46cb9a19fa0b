"""Helpers shared by commands: loading content with one-line errors, writing output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: ``analyze`` with a cached persona needs no pydantic
    from simulator.content import Bundle, ContentLoadError, Script


def print_errors(exc: ContentLoadError, *, show_source: bool = False) -> None:
    """Every content error as ``path:line:col: message`` on stderr."""
    for error in exc.errors:
        print(str(error), file=sys.stderr)
        if show_source and error.source_line:
            print(f"    {error.source_line}", file=sys.stderr)
            print(f"    {' ' * (error.col - 1)}^", file=sys.stderr)


def load_bundle(ref: str) -> Bundle | None:
    """Load a scenario by id or path through the one checked loader (it refuses what
    ``validate`` refuses), printing errors and returning None on failure (exit 1)."""
    from simulator.authoring.load import load_checked
    from simulator.content import ContentLoadError, Library

    try:
        return load_checked(ref, Library())
    except ContentLoadError as exc:
        print_errors(exc, show_source=True)
        return None


def load_script(path: str) -> Script | None:
    """Load a ``run --script`` YAML file ('-' for stdin), or print why not."""
    from simulator.content import ContentLoadError, Script
    from simulator.content.loader import parse_model, read_text
    from simulator.content.safe_yaml import decode

    try:
        raw_stdin = sys.stdin.buffer.read() if path == "-" else None
        text = decode(raw_stdin, "<stdin>") if raw_stdin is not None else read_text(Path(path))
        return parse_model(Script, text, path)
    except ContentLoadError as exc:
        print_errors(exc, show_source=True)
        return None


def write_stdout(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def jsonable(data: Any) -> str:
    from simulator.practice import to_json

    return to_json(data)
