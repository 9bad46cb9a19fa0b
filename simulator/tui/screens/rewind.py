"""RewindScreen: pick one of your earlier turns to replay up to and rewrite."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from simulator.practice import Turn, stage_words
from simulator.tui.literal import clean

KINDS = {
    "email": "message",
    "follow_up": "follow-up",
    "say": "said",
    "skip": "skipped",
}


def turn_label(turn: Turn) -> Text:
    """A learner turn by the number the report and exports give it (the transcript's)."""
    stage = stage_words(turn.stage)
    kind = KINDS.get(turn.kind, turn.kind)
    out = Text.assemble((f"Turn {turn.n:>2}, {stage}, {kind}: ", "bold"))
    flat = " ".join(turn.text.split()) or "(nothing)"
    out.append(flat[:70] + ("\u2026" if len(flat) > 70 else ""))
    return clean(out)


class RewindScreen(ModalScreen[int | None]):
    """Dismisses with the index of the chosen learner turn, or None."""

    CSS_PATH = "rewind.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, turns: list[Turn]) -> None:
        super().__init__()
        self.turns = turns

    def compose(self) -> ComposeResult:
        with Vertical(id="rewind-dialog"):
            yield Static(
                Text(
                    "Go back to which turn? Everything before it is replayed exactly; "
                    "that turn opens for you to rewrite. This attempt is kept.",
                ),
                id="rewind-intro",
            )
            yield OptionList(
                *[Option(turn_label(t), id=f"turn-{i}") for i, t in enumerate(self.turns)],
                id="rewind-turns",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
