"""ReportScreen: the score, pass or fail, a bar per criterion, what happened, every finding.

Keys: R retry, E export (Markdown, JSON, HTML), W rewind to an earlier learner turn and
try a different line (a new attempt; this one is kept), Esc home.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from simulator.practice import Attempt, Report, Transcript
from simulator.tui.literal import clean
from simulator.tui.screens.base import AppScreen
from simulator.tui.widgets.criterion_bar import CriterionBar
from simulator.tui.widgets.finding_card import FindingCard
from simulator.tui.widgets.key_footer import KeyFooter


def headline(report: Report) -> Text:
    """``PASSED 82/100`` or ``NOT PASSED 45/100`` (words as well as colour)."""
    style = "bold reverse green" if report.passed else "bold reverse red"
    out = Text.assemble((f" {'PASSED' if report.passed else 'NOT PASSED'} ", style))
    out.append(f"  {report.score}/100", style="bold")
    out.append(f"   pass mark {report.pass_mark}", style="dim")
    if report.verdict and not report.passed:
        out.append("\n")
        out.append(report.verdict)
    return clean(out)


def section(title: str, lines: list[str] | tuple[str, ...], bullet: str = "\u2022") -> Text:
    out = Text.assemble((title, "bold"))
    for line in lines:
        out.append(f"\n {bullet} ")
        out.append(line)
    return clean(out)


class ReportScreen(AppScreen):
    """The debrief for a live attempt or a saved one."""

    CSS_PATH = "report.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry", tooltip="Play this scenario again from the start"),
        Binding("w", "rewind", "Rewind", tooltip="Go back to one of your turns and try again"),
        Binding("e", "export", "Export", tooltip="Save as Markdown, JSON or HTML"),
        Binding("escape", "home", "Home"),
    ]

    def __init__(
        self,
        report: Report,
        transcript: Transcript | None,
        attempt: Attempt | None = None,
        *,
        notes: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.notes = notes
        """What finishing said (homework submitted or not, not saved), shown under the
        headline."""
        self.report = report
        self.transcript = transcript
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        report = self.report
        yield Header(show_clock=False, icon="\u25c6")
        with VerticalScroll(id="report-body"):
            yield Static(headline(report), id="report-headline")
            yield Static("", id="report-saved")
            if report.outcome:
                yield Static(section("What happened", report.outcome), id="report-outcome")
            yield Static(Text("Criteria", style="bold"), classes="report-title")
            for criterion in report.criteria:
                if not criterion.shown:
                    continue  # not part of this scenario at all (a meeting-only one's thank-you)
                yield CriterionBar(criterion, id=f"criterion-{criterion.id}")
            if report.blockers:
                yield Static(
                    section("Blockers (fail the session whatever the score)", report.blockers),
                    id="report-blockers",
                )
            if report.tips:
                numbered = [f"{i}. {tip}" for i, tip in enumerate(report.tips, 1)]
                yield Static(section("Fix these first", numbered, ""), id="report-tips")
            if report.findings:
                yield Static(Text("Findings", style="bold"), classes="report-title")
                texts = {t.n: t.text for t in self.transcript.turns} if self.transcript else {}
                for index, finding in enumerate(report.findings):
                    yield FindingCard(finding, texts.get(finding.turn), id=f"finding-{index}")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#report-body").focus()
        # Where it was saved is a line of the report, not a toast over it.
        attempt = self.attempt
        saved = attempt is not None and attempt.saved_to is not None
        self.show_saved("Saved with your past attempts (F3 on Home)." if saved else "")

    def show_saved(self, line: str) -> None:
        """The lines under the headline: where the report was saved or exported, and what
        finishing said (submitted, or why not)."""
        status = self.query_one("#report-saved", Static)
        text = Text(line, style="dim")
        for note in self.notes:
            text.append(("\n" if text.plain else "") + note, style="bold")
        status.update(clean(text))
        status.display = bool(text.plain)

    def saved_line(self) -> str:
        """The saved/submitted lines as the learner reads them."""
        rendered = self.query_one("#report-saved", Static).render()
        return str(getattr(rendered, "plain", rendered))

    # ------------------------------------------------------------------ actions
    def action_retry(self) -> None:
        from simulator.content import ContentLoadError, Library

        bundle = self.attempt.bundle if self.attempt else None
        if bundle is None:
            try:
                bundle = Library().load(self.report.scenario)
            except ContentLoadError as exc:
                self.sim.show_content_errors(list(exc.errors))
                return
        self.sim.start_attempt(bundle)

    def action_rewind(self) -> None:
        from simulator.tui.screens.rewind import RewindScreen

        if self.attempt is None:
            return
        turns = self.attempt.learner_turns()

        def chosen(index: int | None) -> None:
            if index is not None:
                self.sim.rewind(index)

        self.app.push_screen(RewindScreen(turns), chosen)

    def action_export(self) -> None:
        from simulator.tui.screens.export import ExportScreen

        def exported(path: Path | None) -> None:
            if path is not None:
                self.show_saved(f"Exported to {path}")
                self.query_one("#report-body").scroll_home(animate=False)

        screen = ExportScreen(self.report, self.transcript, self.report.scenario)
        self.app.push_screen(screen, exported)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:  # noqa: ARG002 (Textual's signature)
        exam = self.sim.mode == "exam"
        if action == "retry":
            return not exam
        if action == "rewind":
            if exam:
                return False
            return True if self.attempt is not None and self.attempt.learner_turns() else None
        return True
