"""AssignmentBanner: the homework's rules where the learner plays it (title, due date with
the time left, pass mark, attempt N of M, mode, the coach's notes)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static


def banner_text(desk: Any, scenario_id: str | None = None) -> Text:
    """The desk's rules as literal text (a coach's notes are never markup, and their
    control characters are removed)."""
    from simulator.tui.literal import clean

    lines = desk.rules(scenario_id)
    out = Text(lines[0], style="bold")
    for line in lines[1:]:
        out.append("\n")
        out.append(line)
    return clean(out)  # a title or notes with escape sequences must not drive the terminal


class AssignmentBanner(Static):
    """The rules of the assignment being played; refreshed after each submission."""

    DEFAULT_CSS = """
    AssignmentBanner { height: auto; max-height: 8; padding: 0 2; background: $boost;
        border-bottom: hkey $primary 50%; }
    """

    def __init__(self, desk: Any, scenario_id: str | None = None, **kwargs: Any) -> None:
        super().__init__(banner_text(desk, scenario_id), **kwargs)
        self.desk = desk
        self.scenario_id = scenario_id

    def refresh_rules(self) -> None:
        """Show the rules again (attempt counts change once a session is submitted)."""
        self.update(banner_text(self.desk, self.scenario_id))
