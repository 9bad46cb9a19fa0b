"""ConversationLog: the meeting (or exchange) so far, one paragraph per turn, literal text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual import events
from textual.widgets import RichLog

from simulator.practice import Turn, end_reason_words
from simulator.tui.literal import clean


def turn_text(turn: Turn, names: dict[str, Any]) -> Text | None:
    """How one turn reads in the log (None: not shown here, e.g. meter moves)."""
    persona = str(names.get("persona_name", "Persona"))
    out = Text()
    if turn.who == "learner":
        if turn.kind == "skip":
            return Text("You: (you chose not to continue)", style="dim italic")
        out.append("You  ", style="bold cyan")
        subject = turn.data.get("subject")
        if subject:
            out.append(f"Subject: {subject}\n", style="bold")
        out.append(turn.text)
        attachments = turn.data.get("attachments") or []
        if attachments:
            out.append(f"\n\U0001f4ce {', '.join(attachments)}", style="yellow")
        return out
    if turn.who == "persona":
        mark = {"interruption": "\u26a1 ", "time_warning": "\u23f0 "}.get(turn.kind, "")
        out.append(f"{mark}{persona}  ", style="bold magenta")
        style = "bold yellow" if turn.kind in ("time_warning", "interruption") else ""
        out.append(turn.text, style=style)
        return out
    if turn.kind == "meeting_start":
        granted = turn.data.get("granted")
        return Text(f"\u2500\u2500 The meeting starts: {granted} minutes \u2500\u2500", style="dim")
    if turn.kind == "meeting_end":
        reason = end_reason_words(turn.data.get("reason"), persona)
        used = float(turn.data.get("used", 0))
        granted = turn.data.get("granted")
        rule = "\u2500\u2500"
        return Text(
            f"{rule} The meeting is over ({reason}; {used:.0f} of {granted} min) {rule}",
            style="dim",
        )
    if turn.kind in ("silence", "narration", "recap") and turn.text:
        return Text(turn.text, style="italic dim")
    return None


class ConversationLog(RichLog):
    """A fast log of turns that re-wraps itself from the turns when resized."""

    DEFAULT_CSS = """
    ConversationLog { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(min_width=20, wrap=True, markup=False, highlight=False, id=id)
        self._entries: list[Text] = []
        self._day: int | None = None

    def show_turns(
        self, turns: Iterable[Turn], names: dict[str, Any], *, days: bool = False
    ) -> None:
        """Append the displayable turns (``days``: a "Day N" line when the day changes)."""
        for turn in turns:
            text = turn_text(turn, names)
            if text is None:
                continue
            if days and turn.day != self._day:
                self._day = turn.day
                self._add(Text(f"Day {turn.day}", style="bold reverse"))
            self._add(text)

    def _add(self, text: Text) -> None:
        text = clean(text)  # persona lines and the learner's earlier text, made inert
        self._entries.append(text)
        if self._size_known:
            self._write(text)

    def _write(self, text: Text) -> None:
        # An explicit width: RichLog would otherwise measure against the console's width.
        width = max(self.min_width, self.scrollable_content_region.width)
        self.write(text, width=width)
        self.write(Text(""), width=width)

    @property
    def plain(self) -> str:
        """Everything shown, as plain text (tests and copy)."""
        return "\n".join(entry.plain for entry in self._entries)

    def on_resize(self, event: events.Resize) -> None:
        # RichLog wraps at write time: re-wrap every entry at the new width.
        event.prevent_default()
        if not event.size.width:
            return
        self._size_known = True
        self.clear()
        for entry in self._entries:
            self._write(entry)
