"""ContentErrorsScreen: why a scenario or persona file did not load, ``path:line:col: message``.

Shown instead of crashing, both when a library file is broken and while hot-reloading
(``play --watch``): fix the file and save, and the session starts again by itself.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from simulator.content import ContentError
from simulator.tui.literal import clean
from simulator.tui.screens.base import AppScreen
from simulator.tui.widgets.key_footer import KeyFooter


def errors_text(errors: list[ContentError]) -> Text:
    out = Text.assemble((f"{len(errors)} problem(s) in the content files", "bold red"))
    for error in errors:
        out.append("\n\n")
        out.append(str(error), style="bold")
        if error.source_line:
            out.append(f"\n    {error.source_line}")
            out.append(f"\n    {' ' * max(0, error.col - 1)}^", style="red")
    return clean(out)


class ContentErrorsScreen(AppScreen):
    """The errors, literally (file text may contain anything)."""

    CSS_PATH = "content_errors.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, errors: list[ContentError]) -> None:
        super().__init__()
        self.errors = errors

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="\u25c6")
        with VerticalScroll(id="errors-body"):
            yield Static(errors_text(self.errors), id="errors-text")
            if self.sim.watch_ref is not None:
                yield Static(
                    Text("Fix the file and save: it reloads by itself.", style="italic"),
                    id="errors-watching",
                )
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss()
