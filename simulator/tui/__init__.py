"""The Textual app: one client of the engine. It drives ``Session`` and renders what it returns.

Nothing outside this package imports Textual; import ``simulator.tui.app`` lazily (only
when the app is opened) so ``simulator --help`` and headless commands stay fast.
"""

from typing import Any

__all__ = ["build_app", "open_session"]


def open_session(session: Any, recorder: Any, *, on_finish: Any = None) -> int:
    """Continue a resumed session (``simulator resume``) in the app, at its current stage
    (``on_finish(session, report)``: e.g. submit resumed homework)."""
    from simulator.tui.app import build_app
    from simulator.tui.attempt import Attempt

    meta = recorder.meta or {}
    exam = meta.get("mode") == "exam"
    attempt = Attempt(
        session.bundle, session.seed, mode="exam" if exam else "practice", recorder=recorder
    )
    app = build_app(
        seed=session.seed,
        mode="exam" if exam else "practice",
        resume=attempt,
        on_finish=on_finish,
    )
    app.run()
    return int(app.return_code or 0)


def __getattr__(name: str) -> object:
    # Lazy: importing the package must not import Textual until the app is wanted.
    if name == "build_app":
        from simulator.tui.app import build_app

        return build_app
    raise AttributeError(name)
