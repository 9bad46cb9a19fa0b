"""CoachingHints: gentle live hints from the reader's negative signals (practice mode only)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from simulator.practice import Lexicon, Reading
from simulator.tui.literal import clean

MAX_QUOTE = 240
"""Longer quotes (a pasted wall of text matched as one span) end in an ellipsis."""
QUIET = "No hints right now. Keep it short, specific and about learning."


def hints_text(reading: Reading | None, lexicon: Lexicon) -> Text:
    """One line per problem the reader sees: the rule, and the words that showed it."""
    if reading is None or not reading.text.strip():
        return Text("Hints appear here as you type.", style="dim italic")
    problems = reading.negatives()
    if not problems:
        return Text(QUIET, style="green")
    out = Text()
    seen: set[str] = set()
    for signal in problems:
        if signal.id in seen:
            continue
        seen.add(signal.id)
        spec = lexicon.specs.get(signal.id)
        if out:
            out.append("\n")
        out.append("\u25b8 ", style="yellow")
        out.append(spec.rule if spec else signal.id.replace("_", " "))
        quote = " ".join(signal.quote.split())
        if quote and signal.end > signal.start:
            out.append("  \u201c", style="dim")
            # Quotes are the reader's phrases, a few words each: shown whole and wrapped.
            out.append(
                quote[:MAX_QUOTE] + ("\u2026" if len(quote) > MAX_QUOTE else ""), style="bold"
            )
            out.append("\u201d", style="dim")
    return clean(out)


class CoachingHints(Static):
    """The hints panel under a draft."""

    DEFAULT_CSS = """
    CoachingHints { height: auto; max-height: 5; overflow-y: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        self._shown = Text("Hints appear here as you type.", style="dim italic")
        super().__init__(self._shown, id=id)
        self.reading: Reading | None = None

    def reading_now(self, chars: int) -> None:
        """Say the draft is being read (a long paste, read in the background)."""
        self._put(Text(f"Reading {chars:,} characters\u2026", style="italic"))

    def show(self, reading: Reading | None, lexicon: Lexicon) -> None:
        self.reading = reading
        self._put(hints_text(reading, lexicon))

    def _put(self, text: Text) -> None:
        """Show ``text``; the same hints as shown already cost no new layout or repaint
        (most keys typed leave them as they were)."""
        shown = self._shown
        if text == shown and text.style == shown.style:  # Text's == leaves the style out
            return
        self._shown = text
        self.update(text)
