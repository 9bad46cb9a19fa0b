"""``simulator settings``: show, change, and refuse bad values with one line."""

from __future__ import annotations

import json

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
