"""Turning learner and author text into display text that is never parsed as markup.

Every string that comes from a person (learner drafts, persona lines, scenario titles,
assignment titles and notes, file names, error messages) reaches a widget as
``rich.text.Text`` built here or passed through ``clean``, so ``[/]`` or
``[@click=...]`` in it is shown as typed and can never act, and escape sequences or
bidi overrides in it (``simulator.textsafe.printable``) never reach the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Span, Text

from simulator.textsafe import printable, printable_spans

QUOTE = Style(bold=True, underline=True, color="red")
GOOD = Style(bold=True, color="green")


def literal(text: str, style: str | Style = "") -> Text:
    """Text shown exactly as given (less what would drive the terminal)."""
    return Text(printable(text), style=style)


def safe(text: str) -> str:
    """A plain string for a widget property (a title, a notification): terminal-safe."""
    return printable(text)


def clean(text: Text) -> Text:
    """``text`` with escape sequences, controls and bidi overrides removed; its styles
    stay on the same visible characters. Every assembled display text ends here."""
    plain = text.plain
    shown, moved = printable_spans(plain, [(s.start, s.end, s.style) for s in text.spans])
    if shown is plain:
        return text
    out = text.copy()
    out.plain = shown
    out.spans = [Span(start, end, style) for start, end, style in moved if end > start]
    return out


def join(parts: Iterable[tuple[str, str | Style] | str]) -> Text:
    """Assemble literal pieces, each optionally styled."""
    out = Text()
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            out.append(part[0], style=part[1])
    return clean(out)


def highlight(text: str, spans: Iterable[tuple[int, int, str | Style]]) -> Text:
    """``text`` with character spans styled (spans out of range are clipped)."""
    out = Text(text)
    for start, end, style in spans:
        start, end = max(0, start), min(len(text), end)
        if end > start:
            out.stylize(style, start, end)
    return clean(out)


def excerpt(text: str, start: int, end: int, width: int = 160) -> tuple[str, int, int]:
    """A window of ``text`` around [start, end), with the span's new offsets."""
    flat = text.replace("\n", " ")
    if len(flat) <= width:
        return flat, start, end
    margin = max(0, (width - (end - start)) // 2)
    lo = max(0, start - margin)
    hi = min(len(flat), max(end + margin, lo + width))
    # Start and stop on word boundaries so the excerpt never opens mid-word.
    while 0 < lo < start and not flat[lo - 1].isspace():
        lo += 1
    while end < hi < len(flat) and not flat[hi].isspace():
        hi -= 1
    prefix = "\u2026" if lo > 0 else ""
    suffix = "\u2026" if hi < len(flat) else ""
    return prefix + flat[lo:hi] + suffix, start - lo + len(prefix), end - lo + len(prefix)
