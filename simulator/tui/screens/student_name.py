"""StudentNameScreen: a browser learner says who they are before an assigned session starts.

Shown by the classroom app (``simulator.tui.web_tab``) over everything until a name is
accepted. The name is checked exactly as ``--student`` is (the caller's ``check``
raises with the reason, shown under the field); the assignment's briefing lines are
shown above it as plain text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

Check = Callable[[str], str | None]
"""Takes the typed name; returns None when accepted, or the reason it was not."""


class StudentNameScreen(ModalScreen[str]):
    """Dismisses with the accepted name."""

    CSS_PATH = "student_name.tcss"

    def __init__(self, briefing: list[str], check: Check) -> None:
        super().__init__()
        self.briefing = briefing
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="name-dialog"):
            yield Static(Text("\n".join(self.briefing)), id="name-briefing")
            yield Static(Text("Your name, as your coach knows it:"), id="name-label")
            yield Input(placeholder="e.g. Ana Diaz", max_length=100, id="name-input")
            yield Static(Text(""), id="name-problem")
            yield Button(Text("Start"), variant="primary", id="name-start")

    def on_mount(self) -> None:
        self.query_one("#name-input", Input).focus()

    @on(Input.Submitted, "#name-input")
    @on(Button.Pressed, "#name-start")
    def _accept(self) -> None:
        name = self.query_one("#name-input", Input).value
        problem = self.check(name)
        if problem is None:
            self.dismiss(" ".join(name.split()))
        else:
            self.query_one("#name-problem", Static).update(Text(problem))
