"""Where a user's files live, without a UI: ``SIMULATOR_HOME`` or the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "interview-simulator"


def user_home() -> Path:
    """The user data folder (sessions, journals, history, own scenarios and personas)."""
    override = os.environ.get("SIMULATOR_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs  # imported lazily: only commands that touch user files need it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_dir(name: str) -> Path:
    """A sub-folder of the user data folder (not created here)."""
    return user_home() / name
