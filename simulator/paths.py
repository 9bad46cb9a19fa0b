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


_PACKAGE = Path(__file__).resolve().parent


def builtin_dir(kind: str) -> Path:
    """The folder of built-in ``scenarios`` or ``personas`` (inside a wheel, or the repo's)."""
    shipped = _PACKAGE / "_library" / kind
    if shipped.is_dir():
        return shipped
    return _PACKAGE.parent / kind


def library_folders(kind: str) -> list[Path]:
    """Where the library looks for ``scenarios`` or ``personas``, built-in first."""
    return [builtin_dir(kind), user_dir(kind)]


def content_files(folders: list[Path]) -> dict[str, Path]:
    """Every ``<id>.yaml`` (or ``.yml``) in ``folders`` by id, the first folder winning on a
    clash: how the library finds its files (here, so that finding one needs no pydantic)."""
    found: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            found.setdefault(path.stem, path)
    return found


def user_cache() -> Path:
    """Where rebuildable data goes (the library listing): under ``SIMULATOR_HOME`` when set,
    else the platform's cache folder. Deleting it loses nothing."""
    override = os.environ.get("SIMULATOR_HOME")
    if override:
        return Path(override).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
