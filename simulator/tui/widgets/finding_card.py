"""FindingCard: one point won or lost, with the learner's words highlighted and a tip."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from simulator.practice import Finding, signal_words, stage_words
from simulator.tui.literal import GOOD, QUOTE, clean, excerpt


def finding_text(finding: Finding, turn_text: str | None) -> Text:
    """The finding; the quote is shown inside the learner's own turn when we have it."""
    negative = finding.polarity == "negative"
    out = Text()
    sign = f"{finding.points:+d}"
    mark = "\u2716" if negative else "\u2714"
    out.append(f"{mark} {sign:>4} ", style="red" if negative else "green")
    out.append(signal_words(finding.signal), style="bold")
    if finding.blocker:
        out.append("  BLOCKER", style="bold reverse red")
    out.append(f"  (turn {finding.turn}, {stage_words(finding.stage)})", style="dim")
    out.append(f"\n  {finding.rule}")
    quote_style = QUOTE if negative else GOOD
    if turn_text and finding.end > finding.start and turn_text[finding.start : finding.end]:
        shown, start, end = excerpt(turn_text, finding.start, finding.end)
        line = Text("\n  \u201c")
        body = Text(shown)
        body.stylize(quote_style, start, end)
        line.append_text(body)
        line.append("\u201d")
        out.append_text(line)
    elif finding.quote:
        out.append("\n  \u201c")
        out.append(" ".join(finding.quote.split()), style=quote_style)
        out.append("\u201d")
    if negative and finding.tip:
        out.append("\n  Try: ", style="bold yellow")
        out.append(finding.tip)
    return clean(out)


class FindingCard(Static):
    """A finding on the report."""

    DEFAULT_CSS = """
    FindingCard { height: auto; margin: 0 0 1 0; }
    """

    def __init__(self, finding: Finding, turn_text: str | None, *, id: str | None = None):
        super().__init__(finding_text(finding, turn_text), id=id)
        self.finding = finding
