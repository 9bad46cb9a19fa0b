"""Terminal-safe text, without a UI: learner, author and submission text never drives the terminal.

Text from a file or a learner may hold escape sequences that could recolour, move the
cursor or retitle a terminal. Everything printed by the plain commands goes through
``printable``; ``SafeWriter`` applies it to a whole stream.
"""

from __future__ import annotations

from typing import Any, TextIO


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters (escape sequences, carriage
    returns, NUL) shown as symbols, undecodable bytes as U+FFFD; newlines and tabs kept."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\n\t":
            out.append(ch)
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code < 0xA0 or 0xD800 <= code < 0xE000:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


class SafeWriter:
    """A text stream wrapper that writes ``printable`` text (``allow`` keeps given controls)."""

    def __init__(self, stream: TextIO, allow: str = "") -> None:
        self._stream = stream
        self._allow = allow

    def write(self, text: str) -> int:
        if self._allow:
            # _split_keep has made every other piece printable; the allowed controls
            # (a progress bar's carriage return) must reach the terminal as they are.
            return self._stream.write("".join(_split_keep(text, self._allow)))
        return self._stream.write(printable(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _split_keep(text: str, allow: str) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch in allow:
            out.append(printable("".join(current)))
            out.append(ch)
            current = []
        else:
            current.append(ch)
    out.append("".join(current))
    return out
