"""User settings, without a UI: a small typed model, read leniently and saved atomically.

Settings live in ``settings.json`` in the user config folder (``SIMULATOR_HOME`` when it
is set, so tests and portable installs keep everything in one place). A missing file
means defaults; a damaged file or a bad value falls back to the default for that value
with a one-line warning, so a typo never stops the simulator from starting.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from simulator.fileguard import is_regular, not_regular
from simulator.paths import APP_NAME

FILE_NAME = "settings.json"
MAX_BYTES = 64 * 1024
THEMES = ("dark", "light", "high-contrast")
_NAME = r"[^\W\d_](?:[^\W\d_]|[ '\u2019-](?=[^\W\d_])){0,59}"
"""A person's name: letters, with single spaces, hyphens or apostrophes between them
(compiled when a name is checked: start-up without a name in the settings skips it)."""


@dataclass(frozen=True)
class Settings:
    """What a user can set once instead of on every command line."""

    default_seed: int | None = None
    """Pin the persona's choices to this seed when a command is not given ``--seed``; empty
    (the default) draws a fresh seed for every attempt, shown on its report."""
    hints: bool = True
    """Show coaching hints while playing (the debrief always explains everything)."""
    theme: str = "dark"
    """The app's colour theme: one of ``THEMES``."""
    default_scenario: str = "review-season-cold-email"
    """The scenario ``simulator play --plain`` plays when none is named."""
    name: str | None = None
    """Your name, for the persona to call you by until you sign a message with one
    (empty: the persona addresses you without a name, never with an invented one)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def settings_path() -> Path:
    """Where the settings file lives."""
    override = os.environ.get("SIMULATOR_HOME")
    if override:
        return Path(override).expanduser() / FILE_NAME
    import platformdirs  # imported lazily: only commands that read settings need it

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def parse_settings(data: Any, source: str = FILE_NAME) -> tuple[Settings, list[str]]:
    """Settings from plain data, with a warning for each value that was not usable."""
    if not isinstance(data, dict):
        return Settings(), [f"{source}: expected an object of settings; using defaults"]
    warnings: list[str] = []
    values: dict[str, Any] = {}
    known = {f.name: f for f in fields(Settings)}
    for key, value in data.items():
        spec = known.get(str(key))
        if spec is None:
            warnings.append(f"{source}: unknown setting {str(key)[:60]!r} ignored")
            continue
        problem = _check(spec.name, value)
        if problem:
            warnings.append(f"{source}: {spec.name} {problem}; using the default")
            continue
        values[spec.name] = value
    return replace(Settings(), **values), warnings


def _check(name: str, value: Any) -> str | None:
    if name == "default_seed":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**63:
            return "must be a whole number from 0"
    elif name == "hints":
        if not isinstance(value, bool):
            return "must be true or false"
    elif name == "theme":
        if value not in THEMES:
            return f"must be one of {', '.join(THEMES)}"
    elif name == "name":
        named = isinstance(value, str) and re.fullmatch(_NAME, value.strip())
        if value is not None and not named:
            return "must be a name of letters (up to 60; spaces, - and ' allowed)"
    elif name == "default_scenario" and (
        not isinstance(value, str) or not value.strip() or len(value) > 200
    ):
        return "must be a scenario id"
    return None


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The user's settings (defaults when there is no file) and any warnings."""
    path = path or settings_path()
    try:
        if path.exists() and not is_regular(path):
            return Settings(), [f"{not_regular(path)}; using defaults"]
        if path.stat().st_size > MAX_BYTES:
            return Settings(), [f"{path}: larger than {MAX_BYTES:,} bytes; using defaults"]
        text = path.read_text(encoding="utf-8")
        import json  # only when there is a file: a new learner's start-up reads none

        data = json.loads(text)
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        return Settings(), [f"cannot read {path}: {exc.strerror or exc}; using defaults"]
    except (ValueError, RecursionError):
        return Settings(), [f"{path}: not valid JSON; using defaults"]
    return parse_settings(data, str(path))


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Save atomically; raises StorageError (one line) if the folder is not writable."""
    from simulator.storage import atomic_write, json_text  # reading settings needs neither

    return atomic_write(path or settings_path(), json_text(settings.to_dict()) + "\n")


def update_setting(key: str, value: Any, path: Path | None = None) -> tuple[Settings, list[str]]:
    """Change one setting: lock, re-read the file, change, save, unlock.

    Two ``settings`` commands at once both land (neither writes back a copy read
    before the other saved). Returns the saved settings, or the unchanged ones and the
    problems with ``value``; raises StorageError (one line) if it cannot be saved.
    """
    from simulator.storage import file_lock

    path = path or settings_path()
    with file_lock(path.with_name(path.name + ".lock")):
        current, _ = load_settings(path)
        updated, problems = parse_settings({**current.to_dict(), key: value})
        if problems:
            return current, problems
        save_settings(updated, path)
        return updated, []


FRESH_SEED_RANGE = 1_000_000
"""Fresh seeds are short enough to read off a report and type back."""


def attempt_seed(pinned: int | None) -> int:
    """The seed for a new attempt: the pinned one, or a fresh one from the system."""
    if pinned is not None:
        return pinned
    import random

    return random.SystemRandom().randrange(1, FRESH_SEED_RANGE)
