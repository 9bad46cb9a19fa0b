"""CriterionBar: one graded criterion as a bar with its score and weight."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from simulator.practice import CriterionScore


class CriterionBar(Widget):
    """``Not pitching for a job   ████████████░░░░  75  ×30``."""

    DEFAULT_CSS = """
    CriterionBar { height: 1; }
    """

    def __init__(self, criterion: CriterionScore, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.criterion = criterion

    def render(self) -> Text:
        c = self.criterion
        name_width = 27
        out = Text.assemble((f"{c.name[:name_width]:<{name_width}} ", "bold"))
        width = max(6, min(30, self.size.width - name_width - 14))
        if c.score is None:
            out.append("\u00b7" * width, style="dim")
            out.append("  N/A", style="dim")
        else:
            filled = round(width * c.score / 100)
            style = "red" if c.score < 50 else "yellow" if c.score < 70 else "green"
            out.append("\u2588" * filled, style=style)
            out.append("\u2591" * (width - filled), style="dim")
            out.append(f" {c.score:3d}")
        out.append(f"  \u00d7{c.weight}", style="dim")
        return out
