"""SendTimePicker: when to send a message (the thank-you's hours, the follow-up's days)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, RadioSet

from simulator.tui.widgets.marked_toggles import MarkedRadioButton

THANK_YOU_TIMES: tuple[tuple[str, int], ...] = (
    ("Right away", 1),
    ("Tonight", 6),
    ("Tomorrow", 20),
    ("Next week", 24 * 7),
)
"""Choices for the thank-you note, in hours after the meeting."""

FOLLOW_UP_TIMES: tuple[tuple[str, int], ...] = (
    ("In 2 days", 2),
    ("In 5 days", 5),
    ("In a week", 7),
    ("In two weeks", 14),
)
"""Choices for a follow-up, in days after the first message."""


class SendTimePicker(Horizontal):
    """``Send: (•) Tonight ( ) Tomorrow ...``; ``value`` is the chosen amount."""

    DEFAULT_CSS = """
    SendTimePicker { height: auto; width: auto; }
    SendTimePicker > Label { padding: 0 1 0 0; }
    SendTimePicker > RadioSet {
        layout: horizontal; border: none; height: 1; width: auto; padding: 0;
    }
    SendTimePicker > RadioSet > RadioButton { width: auto; padding: 0 1 0 0; }
    """

    def __init__(
        self,
        label: str,
        choices: Sequence[tuple[str, int]],
        default: int,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.choices = list(choices)
        self.default = default

    def compose(self) -> ComposeResult:
        yield Label(Text(self.label))
        with RadioSet(compact=True):
            for name, amount in self.choices:
                yield MarkedRadioButton(Text(name), value=amount == self.default)

    @property
    def value(self) -> int:
        index = self.query_one(RadioSet).pressed_index
        return self.choices[index][1] if index >= 0 else self.default

    @property
    def choice(self) -> str:
        amount = self.value
        return next(name for name, value in self.choices if value == amount)
