"""MeterBar: a labelled 0-100 bar with its number and its last change (base of the meters)."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class MeterBar(Widget):
    """Shows ``Label ██████░░░░ 55 ▼12``: the number and the arrow work without colour."""

    DEFAULT_CSS = """
    MeterBar { height: 1; width: 1fr; }
    """

    LABEL = "Meter"
    value: reactive[int] = reactive(0)
    change: reactive[int] = reactive(0)

    def __init__(self, value: int = 0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(MeterBar.value, value)

    def set_value(self, value: int) -> None:
        """Move the meter; the difference stays visible until the next move."""
        if value != self.value:
            self.change = value - self.value
            self.value = value

    def watch_value(self, value: int) -> None:
        self.set_class(value < 25, "-low")
        self.set_class(25 <= value < 50, "-mid")
        self.set_class(value >= 50, "-high")

    def render(self) -> Text:
        width = max(4, min(20, self.size.width - len(self.LABEL) - 10))
        filled = round(width * max(0, min(100, self.value)) / 100)
        style = "red" if self.value < 25 else "yellow" if self.value < 50 else "green"
        out = Text.assemble((f"{self.LABEL} ", "bold"))
        out.append("\u2588" * filled, style=style)
        out.append("\u2591" * (width - filled), style="dim")
        out.append(f" {self.value:3d}")
        if self.change:
            arrow = "\u25b2" if self.change > 0 else "\u25bc"
            out.append(f" {arrow}{abs(self.change)}", style="green" if self.change > 0 else "red")
        return out
