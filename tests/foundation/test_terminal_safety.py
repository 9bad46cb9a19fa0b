"""Headless commands never pass escape sequences from learner or author text to the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.textsafe import printable

ESC = "\x1b]0;owned\x07\x1b[2J\x1b[31m"


def test_printable_shows_controls_as_symbols_and_keeps_lines() -> None:
    shown = printable(f"a{ESC}b\nc\td\x00")
    assert "\x1b" not in shown and "\x07" not in shown and "\x00" not in shown
    assert shown.startswith("a\u241b") and "\nc\td" in shown


def test_run_output_has_no_escape_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "s.yaml"
    body = f"Hi {ESC} could I have 15 minutes to learn how you got into HR?"
    script.write_text(json.dumps({"outreach": {"subject": ESC, "body": body}}))
    assert main(["run", "review-season-cold-email", "--script", str(script)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\u241b" in out  # shown, not hidden


def test_analyze_output_has_no_escape_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(f"Are you hiring? {ESC}")
    main(["analyze", str(draft)])
    out = capsys.readouterr().out
    assert "\x1b" not in out
