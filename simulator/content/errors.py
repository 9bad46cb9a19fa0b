"""Content errors, without a UI: one problem in one file, as ``path:line:col: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentError:
    """One problem found in a content file; line and column are 1-based."""

    path: str
    line: int
    col: int
    message: str
    source_line: str = ""
    """The offending line of the file, for showing under the error."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class ContentLoadError(Exception):
    """Raised when a file cannot be loaded; carries every problem found."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
