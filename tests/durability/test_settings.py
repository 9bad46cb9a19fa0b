"""Settings: typed, defaults when missing, lenient with mistakes, saved atomically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.settings import Settings, load_settings, save_settings, settings_path
from simulator.storage import StorageError


def test_defaults_when_there_is_no_file(home: Path) -> None:
    assert settings_path() == home / "settings.json"
    assert load_settings() == (Settings(), [])


def test_saved_settings_load_back() -> None:
    chosen = Settings(default_seed=42, hints=False, theme="light", default_scenario="x")
    path = save_settings(chosen)
    assert load_settings() == (chosen, [])
    assert json.loads(path.read_text())["theme"] == "light"


@pytest.mark.parametrize(
    ("content", "warning"),
    [
        ('{"default_seed": "7"}', "default_seed must be a whole number"),
        ('{"hints": "no"}', "hints must be true or false"),
        ('{"theme": "[b]neon[/b]"}', "theme must be one of dark, light, high-contrast"),
        ('{"colour": 1}', "unknown setting 'colour' ignored"),
        ("[1, 2]", "expected an object of settings"),
        ("{not json", "not valid JSON"),
        ("[" * 50_000, "not valid JSON"),
    ],
    ids=["seed-text", "hints-text", "theme-markup", "unknown", "list", "broken", "deep"],
)
def test_mistakes_fall_back_to_defaults_with_one_line(
    home: Path, content: str, warning: str
) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text(content)
    settings, warnings = load_settings()
    assert settings == Settings()
    assert len(warnings) == 1 and warning in warnings[0] and "\n" not in warnings[0]


def test_one_bad_value_keeps_the_good_ones(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "settings.json").write_text('{"default_seed": 9, "theme": 3}')
    settings, warnings = load_settings()
    assert settings.default_seed == 9 and settings.theme == "dark"
    assert len(warnings) == 1


def test_unwritable_folder_is_a_one_line_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StorageError, match="cannot write"):
        save_settings(Settings(), blocker / "settings.json")
