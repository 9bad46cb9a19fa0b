"""Terminal-safe text, without a UI: the one sanitiser for every text that reaches a terminal.

Scenario and persona files, assignments (which arrive by email), submissions and the
learner's own earlier text may hold bytes that drive a terminal: escape sequences that
retitle the window (OSC), clear or recolour the screen (CSI), or talk to the terminal
itself (DCS, APC...), and bidirectional overrides that make a line read differently
from what it holds. ``printable`` removes all of them; the app (through
``simulator.tui.literal``) and every plain command (through ``SafeWriter`` on stdout and
stderr) show text only after it has passed here.

What is removed: whole escape sequences (7-bit and 8-bit forms), every other C0 control
except newline and tab, DEL, every C1 control, and the bidi embeddings, overrides and
isolates (U+202A-U+202E, U+2066-U+2069). Lone surrogates (undecodable bytes) become
U+FFFD. Markup such as ``[bold]`` is not touched here: it is text, and the app renders it
as text, never as markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TextIO

_PAYLOAD = r"[^\x00-\x1f\x7f-\x9f]*"
"""The body of a string sequence (OSC, DCS...): it ends at the first control character."""

_SEQUENCE = re.compile(
    "|".join(
        (
            r"\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?",  # CSI: ESC [ params final
            r"\x9b[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?",  # 8-bit CSI
            rf"\x1b[\]PX^_]{_PAYLOAD}(?:\x07|\x1b\\|\x9c)?",  # OSC, DCS, SOS, PM, APC
            rf"[\x90\x98\x9d\x9e\x9f]{_PAYLOAD}(?:\x07|\x1b\\|\x9c)?",  # their 8-bit forms
            r"\x1b[\x20-\x2f]*[\x30-\x7e]?",  # every other escape (charset, keypad, RIS...)
        )
    )
)
"""One escape sequence, complete or cut short; linear to match (no nested repeats).

A string sequence (OSC...) ends, as in a terminal, at its terminator or at the next
control character (another ESC, a newline), and goes whole: its payload (a window
title) is never shown. Rich drops BEL from a ``Text`` before we see it, so a title
change ended by BEL arrives here ended by the next sequence or the end of the text."""

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""A character that may not reach a terminal as it is (newline and tab may)."""

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _replacement(match: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else ""


def printable(text: str) -> str:
    """``text`` with escape sequences, control characters (but newline and tab) and bidi
    overrides removed, and undecodable characters shown as U+FFFD."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_replacement, _SEQUENCE.sub("", text))


def unsafe_characters(text: str) -> Iterable[tuple[int, str]]:
    """Each position and character that ``printable`` would remove or replace (for
    validation messages: where the first escape or override sits in a file)."""
    for match in _UNSAFE.finditer(text):
        yield match.start(), match.group()


def printable_spans(
    text: str, spans: Iterable[tuple[int, int, Any]]
) -> tuple[str, list[tuple[int, int, Any]]]:
    """``printable(text)`` and the character spans moved to match it.

    Spans found on the original text (a phrase the reader flagged) keep covering the
    same visible characters once the unsafe ones in front of or inside them are gone.
    """
    spans = list(spans)
    if not _UNSAFE.search(text):
        return text, spans
    kept: list[str] = []
    where = [0] * (len(text) + 1)  # original offset -> offset in the cleaned text
    pos = 0
    for match in _SEQUENCE.finditer(text):
        _keep(text, pos, match.start(), kept, where)
        for i in range(match.start(), match.end() + 1):
            where[i] = len(kept)
        pos = match.end()
    _keep(text, pos, len(text), kept, where)
    where[len(text)] = len(kept)
    moved = [(where[max(0, s)], where[min(len(text), e)], x) for s, e, x in spans]
    return "".join(kept), moved


def _keep(text: str, start: int, end: int, kept: list[str], where: list[int]) -> None:
    for i in range(start, end):
        where[i] = len(kept)
        ch = text[i]
        if _UNSAFE.match(ch):
            if "\ud800" <= ch <= "\udfff":
                kept.append("\ufffd")
        else:
            kept.append(ch)


def one_line(text: str, limit: int = 200) -> str:
    """``printable`` text on one line (newlines and tabs as spaces), cut at ``limit``."""
    flat = " ".join(printable(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


class SafeWriter:
    """A text stream wrapper that writes ``printable`` text (``allow`` keeps given controls,
    such as ``\\r`` for a progress line)."""

    def __init__(self, stream: TextIO, allow: str = "") -> None:
        self._stream = stream
        self._allow = allow

    def write(self, text: str) -> int:
        if self._allow:
            parts = _split_keep(text, self._allow)
            clean = (p if p in self._allow else printable(p) for p in parts if p)
            return self._stream.write("".join(clean))
        return self._stream.write(printable(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _split_keep(text: str, allow: str) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch in allow:
            out.append("".join(current))
            out.append(ch)
            current = []
        else:
            current.append(ch)
    out.append("".join(current))
    return out
