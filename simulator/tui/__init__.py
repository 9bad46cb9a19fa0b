"""The Textual app: one client of the engine. It drives ``Session`` and renders what it returns.

Nothing outside this package imports Textual; import ``simulator.tui.app`` lazily (only
when the app is opened) so ``simulator --help`` and headless commands stay fast.
"""

__all__ = ["build_app"]


def __getattr__(name: str) -> object:
    # Lazy: importing the package must not import Textual until the app is wanted.
    if name == "build_app":
        from simulator.tui.app import build_app

        return build_app
    raise AttributeError(name)
