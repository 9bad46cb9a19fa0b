"""AttemptsScreen: saved attempts per scenario with their scores; open one to see its report."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static

from simulator.history import History
from simulator.tui.literal import clean, literal
from simulator.tui.saved import SavedAttempt
from simulator.tui.screens.base import AppScreen
from simulator.tui.widgets.key_footer import KeyFooter

TRENDS_SHOWN = 3
"""Scenarios whose trend is shown above the table (the most recently practised)."""


def trend_lines(history: History) -> Text:
    """One line per recently practised scenario: sparkline, best, latest and the trend."""
    from simulator.history import sparkline

    text = Text()
    recent = list(history.scenarios)[-TRENDS_SHOWN:]
    for item in reversed(recent):
        line = Text.assemble(
            (sparkline(item.scores), "bold"),
            f"  {item.title[:34]}: best {item.best}, latest {item.latest}, {item.trend()}",
        )
        text.append_text(line)
        text.append("\n")
    hidden = len(history.scenarios) - len(recent)
    if hidden > 0:
        text.append(f"and {hidden} more scenario(s): `simulator history` lists them all\n", "dim")
    text.rstrip()
    return clean(text)


class AttemptsScreen(AppScreen):
    """Newest first, grouped by nothing but sortable by eye: date, scenario, score, result."""

    CSS_PATH = "attempts.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open report"),
        Binding("escape", "home", "Home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SavedAttempt] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="\u25c6")
        yield Static(Text("Past attempts", style="bold"), id="attempts-title")
        yield Static("", id="attempts-trends")
        yield DataTable(id="attempts-table", cursor_type="row", zebra_stripes=True)
        yield Static(Text("Loading\u2026", style="dim"), id="attempts-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Finished", "Scenario", "Score", "Result", "Mode")
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, group="attempts")
    def load(self) -> None:
        from simulator.history import attempt_history
        from simulator.tui.saved import load_saved

        rows = load_saved()
        trends = trend_lines(attempt_history())
        self.app.call_from_thread(self._loaded, rows, trends)

    def _loaded(self, rows: list[SavedAttempt], trends: Text | None = None) -> None:
        self.rows = rows
        shown = self.query_one("#attempts-trends", Static)
        shown.update(trends or "")
        shown.display = bool(trends and trends.plain)
        table = self.query_one(DataTable)
        table.clear()
        for index, row in enumerate(rows):
            result = Text("passed", style="green") if row.passed else Text("not passed", "red")
            table.add_row(
                Text(row.finished.replace("T", " ")[:16]),
                literal(row.title[:36]),
                Text("?" if row.score is None else str(row.score), justify="right"),
                result,
                Text(row.mode),
                key=str(index),
            )
        status = self.query_one("#attempts-status", Static)
        if rows:
            status.update(Text(f"{len(rows)} saved attempt(s). Enter opens a report.", "dim"))
        else:
            status.update(Text("No saved attempts yet: finish a scenario and it appears here."))
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:  # noqa: ARG002
        self.action_open()

    def action_open(self) -> None:
        from simulator.tui.screens.report import ReportScreen

        if not self.rows:
            return
        row = self.rows[self.query_one(DataTable).cursor_row]
        self.app.push_screen(ReportScreen(row.report(), row.transcript()))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:  # noqa: ARG002 (Textual's signature)
        if action == "open":
            return True if self.rows else None
        return True
