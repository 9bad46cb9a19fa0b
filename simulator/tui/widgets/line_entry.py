"""LineEntry: a one-line input that never loses a line typed or pasted in a burst.

Textual's ``Input`` posts ``Submitted`` and leaves the text in place; a screen that
clears it when the message arrives also clears whatever was typed after Enter in the
meantime. ``LineEntry`` takes the line and empties itself in the same step as the Enter
key, then posts ``LineEntry.Line``: keys that follow land in an empty box, in order.
Enter is handled in the widget's own key queue, never as a binding that runs later.
A paste holding several lines is one ``Line`` per line (the last stays in the box unless
the paste ended with a newline), as if each had been typed and sent; escape sequences
and other control characters in a paste are dropped, never obeyed.
"""

from __future__ import annotations

import re

from textual import events
from textual.message import Message
from textual.widgets import Input

ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
"""CSI (colours, cursor moves), OSC (titles, links) and two-byte escape sequences."""
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


def clean_paste(text: str) -> str:
    """Pasted text with escape sequences and control characters removed; newlines as ``\\n``."""
    text = ESCAPES.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROLS.sub("", text)


class LineEntry(Input):
    """An ``Input`` whose Enter hands over the line at once (see the module docstring)."""

    class Line(Message):
        """One line the learner sent (never blank)."""

        def __init__(self, entry: LineEntry, text: str) -> None:
            super().__init__()
            self.entry = entry
            self.text = text

        @property
        def control(self) -> LineEntry:
            return self.entry

    def take(self) -> str:
        """The current text, leaving the box empty."""
        text = self.value
        self.value = ""
        self.cursor_position = 0
        return text

    def _send(self, text: str) -> None:
        if text.strip():
            self.post_message(self.Line(self, text))

    async def action_submit(self) -> None:
        self._send(self.take())

    async def _on_key(self, event: events.Key) -> None:
        # Enter is handled here, in this widget's own queue, in order with the characters
        # before and after it. As a binding it would run only after the key had bubbled
        # up to the app, by which time later keys have already been typed into the box.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self._send(self.take())
            return
        await super()._on_key(event)

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        text = clean_paste(event.text)
        if not text:
            return
        first, *rest = text.split("\n")
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(first)
        else:
            self.replace(first, *selection)
        if not rest:
            return
        self._send(self.take())
        for line in rest[:-1]:
            self._send(line)
        self.insert_text_at_cursor(rest[-1])
