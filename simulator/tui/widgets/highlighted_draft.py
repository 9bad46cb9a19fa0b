"""HighlightedDraft: a pasted draft with the phrases the reader noticed highlighted."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from simulator.practice import Reading
from simulator.tui.literal import GOOD, QUOTE, highlight


def draft_text(reading: Reading) -> Text:
    """The draft as typed; problem phrases bold-underlined red, good ones green."""
    spans: list[tuple[int, int, str | Style]] = []
    for signal in reading.signals:
        style = QUOTE if signal.polarity == "negative" else GOOD
        spans.append((signal.start, signal.end, style))
    return highlight(reading.text, spans)


class HighlightedDraft(Static):
    """The analysed draft."""

    DEFAULT_CSS = """
    HighlightedDraft { height: auto; }
    """

    def show(self, reading: Reading) -> None:
        self.update(draft_text(reading))
