"""SubmitAgainScreen: homework finished but not submitted; try again, or another folder.

Shown by the app (``simulator.tui.homework``) when a finished homework session could not
be written (a full disk, a read-only folder, a file where the folder should be). The
session is already kept in its journal as "finished, not submitted"; here the learner can
write it again now, to the usual folder or to another one (a USB stick), or leave it for
``simulator submit --last``. The reason is shown as plain text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

Retry = Callable[[Path | None], str | None]
"""Writes the submission (None: the usual folder); None when it worked, else the reason."""


class SubmitAgainScreen(ModalScreen[bool]):
    """Dismisses True once submitted, False when left for later."""

    CSS_PATH = "submit_again.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "later", "Later")]

    def __init__(self, reason: str, retry: Retry) -> None:
        super().__init__()
        self.reason = reason
        self.retry = retry

    def compose(self) -> ComposeResult:
        with Vertical(id="again-dialog"):
            yield Static(Text(f"Not submitted: {self.reason}"), id="again-reason")
            yield Static(
                Text(
                    "Your finished session is kept. Try again once the folder can be "
                    "written, or type another folder to save the submission there."
                ),
                id="again-help",
            )
            yield Input(placeholder="another folder (empty: the usual one)", id="again-folder")
            yield Static(Text(""), id="again-problem")
            with Horizontal(id="again-buttons"):
                yield Button(Text("Try again"), variant="primary", id="again-retry")
                yield Button(Text("Later"), id="again-later")

    def on_mount(self) -> None:
        self.query_one("#again-folder", Input).focus()

    @on(Input.Submitted, "#again-folder")
    @on(Button.Pressed, "#again-retry")
    def _retry(self) -> None:
        typed = self.query_one("#again-folder", Input).value.strip()
        problem = self.retry(Path(typed).expanduser() if typed else None)
        if problem is None:
            self.dismiss(True)
        else:
            self.query_one("#again-problem", Static).update(Text(problem))

    @on(Button.Pressed, "#again-later")
    def action_later(self) -> None:
        self.dismiss(False)
