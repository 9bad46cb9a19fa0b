"""The Textual app: one client of the engine, playing through ``simulator.practice``.

Nothing outside this package imports Textual; import ``simulator.tui.app`` lazily (only
when the app is opened) so ``simulator --help`` and headless commands stay fast.
``make_app`` is the ``AppFactory`` the ``play`` and ``resume`` commands are given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.practice import AppOptions, RunnableApp

__all__ = ["build_app", "make_app"]


def make_app(options: AppOptions) -> RunnableApp:
    """Build the app from a client's options (imports Textual)."""
    from simulator.tui.app import make_app as build

    return build(options)


def __getattr__(name: str) -> object:
    # Lazy: importing the package must not import Textual until the app is wanted.
    if name == "build_app":
        from simulator.tui.app import build_app

        return build_app
    raise AttributeError(name)
