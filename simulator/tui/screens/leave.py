"""LeaveScreen: leaving a session part-way, kept to resume later or discarded."""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

Choice = Literal["keep", "discard", "stay"]


class LeaveScreen(ModalScreen[str]):
    """Dismisses with "keep" (resume it later from Home), "discard" or "stay" (Escape)."""

    CSS_PATH = "leave.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('stay')", "Stay"),
        Binding("k", "choose('keep')", "Keep for later", show=False),
        Binding("d", "choose('discard')", "Discard", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="leave-dialog"):
            yield Static(
                Text.assemble(
                    ("Leave this session?\n", "bold"),
                    "Keep it for later: it waits on Home under 'Resume', exactly where you "
                    "stopped. Discard it: it is not graded and not offered again.",
                ),
                id="leave-question",
            )
            with Horizontal(id="leave-buttons"):
                yield Button(Text("Keep for later (K)"), variant="primary", id="leave-keep")
                yield Button(Text("Discard (D)"), variant="error", id="leave-discard")
                yield Button(Text("Stay (Esc)"), id="leave-stay")

    def on_mount(self) -> None:
        self.query_one("#leave-keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(str(event.button.id).removeprefix("leave-"))

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)
