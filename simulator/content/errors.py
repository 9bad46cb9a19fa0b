"""Content errors, without a UI: one problem in one file, as ``path:line:col: message``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

SHOWN_LINE_CHARS = 100
"""How much of a long offending line is shown under an error (a window around the column)."""


@dataclass(frozen=True)
class ContentError:
    """One problem found in a content file; line and column are 1-based."""

    path: str
    line: int
    col: int
    message: str
    source_line: str = ""
    """The offending line of the file, for showing under the error."""
    severity: Severity = "error"
    """Errors make a file unusable; warnings point at something that is probably a mistake."""

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.col}: {label}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def excerpt(self) -> tuple[str, int]:
        """The offending line (cut to a window around the column) and the caret's offset."""
        line = self.source_line.replace("\t", " ")
        col = max(self.col - 1, 0)
        if len(line) <= SHOWN_LINE_CHARS:
            return line, min(col, len(line))
        start = max(0, min(col - SHOWN_LINE_CHARS // 2, len(line) - SHOWN_LINE_CHARS))
        shown = line[start : start + SHOWN_LINE_CHARS]
        prefix = "..." if start else ""
        suffix = "..." if start + SHOWN_LINE_CHARS < len(line) else ""
        return prefix + shown + suffix, len(prefix) + col - start

    def render(self, *, show_source: bool = True) -> str:
        """``path:line:col: message`` and, when known, the line with a caret under the column."""
        text = str(self)
        if show_source and self.source_line.strip():
            line, caret = self.excerpt()
            text += f"\n    {line}\n    {' ' * caret}^"
        return text


class ContentLoadError(Exception):
    """Raised when a file cannot be loaded; carries every problem found."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
