"""Pastes that hold escape sequences arrive whole and in order.

Textual's input parser (pinned 8.2.8) reads an escape character inside a bracketed paste
as the start of a key sequence: the text after it leaves the paste and arrives as
separate key presses *before* the paste itself, with the escape shown as ``^``. A pasted
"what<ESC>[H you would" became "^[H you would" typed ahead of everything pasted before it.

``PasteSafeParser`` removes escape sequences (and lone escapes) between the paste
brackets before Textual's parser sees them; everything outside a paste is untouched.
``install`` makes the Linux driver use it. The driver looks its parser class up by name
when its input thread starts, so installing before the app runs is enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from textual._xterm_parser import XTermParser
from textual.message import Message

START, END = "\x1b[200~", "\x1b[201~"
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])?")
"""CSI (colours, cursor moves), OSC (titles, links), two-byte sequences, or a lone ESC."""


def _partial_end(text: str) -> int:
    """How many characters at the end of ``text`` could be the start of the end bracket."""
    for size in range(min(len(END) - 1, len(text)), 0, -1):
        if END.startswith(text[-size:]):
            return size
    return 0


class PasteSafeParser(XTermParser):
    """Textual's parser, fed pastes with their escape sequences taken out."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasting = False
        self._held = ""

    def clean(self, data: str) -> str:
        """``data`` with escape sequences removed inside pastes (state kept across calls)."""
        data, self._held = self._held + data, ""
        out: list[str] = []
        at = 0
        while at < len(data):
            if not self._pasting:
                start = data.find(START, at)
                if start < 0:
                    out.append(data[at:])
                    break
                out.append(data[at : start + len(START)])
                self._pasting, at = True, start + len(START)
                continue
            end = data.find(END, at)
            if end < 0:
                piece = data[at:]
                keep = _partial_end(piece)
                if keep:
                    piece, self._held = piece[:-keep], piece[-keep:]
                out.append(ESCAPES.sub("", piece))
                break
            out.append(ESCAPES.sub("", data[at:end]) + END)
            self._pasting, at = False, end + len(END)
        return "".join(out)

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # end of input: let Textual's parser finish what it holds
            return super().feed(data)
        cleaned = self.clean(data)
        # An empty feed means end of input to Textual: a chunk that was all held back
        # (the first bytes of the closing bracket) waits for the next one instead.
        return super().feed(cleaned) if cleaned else ()


def install() -> None:
    """Make Textual's Linux driver parse input with ``PasteSafeParser``."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not on this platform (Windows has its own driver)
        return
    setattr(linux_driver, "XTermParser", PasteSafeParser)  # noqa: B010 (a private name)
