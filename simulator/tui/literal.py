"""Turning learner and author text into display text that is never parsed as markup.

Every string that comes from a person (learner drafts, persona lines, scenario titles,
file names, error messages) reaches a widget as ``rich.text.Text`` built here, so
``[/]`` or ``[@click=...]`` in it is shown as typed and can never act.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text

QUOTE = Style(bold=True, underline=True, color="red")
GOOD = Style(bold=True, color="green")


def literal(text: str, style: str | Style = "") -> Text:
    """Text shown exactly as given."""
    return Text(text, style=style)


def join(parts: Iterable[tuple[str, str | Style] | str]) -> Text:
    """Assemble literal pieces, each optionally styled."""
    out = Text()
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            out.append(part[0], style=part[1])
    return out


def highlight(text: str, spans: Iterable[tuple[int, int, str | Style]]) -> Text:
    """``text`` with character spans styled (spans out of range are clipped)."""
    out = Text(text)
    for start, end, style in spans:
        start, end = max(0, start), min(len(text), end)
        if end > start:
            out.stylize(style, start, end)
    return out


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
