"""What a client hands the app: its options, and the factory type commands are given.

``simulator play`` and ``simulator resume`` receive an ``AppFactory`` (the real one
opens the Textual app; a test passes its own), so no command inspects the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # annotations only: opening the app at home imports no engine
    from simulator.content import Bundle, ContentError
    from simulator.practice.attempt import Attempt, FinishHook, Mode


class RunnableApp(Protocol):
    """The little of an app a command needs: run it, read how it ended, tell the user."""

    @property
    def return_code(self) -> int | None:
        """The exit code the app ended with."""

    def run(self) -> Any:
        """Run until the user quits."""

    def notify(
        self, message: str, *, title: str = "", timeout: float | None = None, markup: bool = True
    ) -> None:
        """Show a short notice."""


@dataclass(frozen=True)
class AppOptions:
    """How to open the app: which scenario, seed and mode, and what to do at the end."""

    bundle: Bundle | None = None
    seed: int | None = 1
    mode: Mode = "practice"
    on_finish: FinishHook | None = None
    title: str | None = None
    watch: str | None = None
    errors: list[ContentError] = field(default_factory=list)
    resume: Attempt | None = None
    hints: bool = True
    theme: str | None = None
    homework: Any = None
    """A ``homework.desk.HomeworkDesk``: the app offers only its scenarios, shows its
    rules, and submits each finished session (None: free practice)."""
    learner_name: str | None = None
    """The name in the user's settings: the persona's name for the learner until they
    sign a message (None: addressed without a name)."""


AppFactory = Callable[[AppOptions], RunnableApp]
"""Builds the app from its options (``simulator.tui.make_app`` is the real one)."""
