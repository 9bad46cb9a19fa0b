"""``simulator settings``: show, change, and refuse bad values with one line."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.settings import load_settings


def test_set_and_show_a_setting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings", "default_seed", "42"]) == 0
    assert "default_seed = 42" in capsys.readouterr().out
    assert load_settings()[0].default_seed == 42
    assert main(["settings", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["default_seed"] == 42


def test_bad_value_and_unknown_key_are_one_line_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["settings", "hints", "maybe"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "true or false" in err
    assert main(["settings", "theem", "dark"]) == 2
    assert "did you mean 'theme'?" in capsys.readouterr().err
    assert load_settings()[0].hints is True


def test_play_takes_its_default_seed_from_settings(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["settings", "default_seed", "7"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # input ends at once
    assert main(["play", "--plain"]) == 0
    (journal,) = (home / "journals").glob("*.jsonl")
    header = json.loads(journal.read_text().splitlines()[0])
    assert header["seed"] == 7  # the journal header records the seed used
