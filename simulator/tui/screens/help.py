"""HelpScreen: the screens, their keys, and what the simulator grades."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Markdown

from simulator.tui.screens.base import AppScreen
from simulator.tui.widgets.key_footer import KeyFooter

HELP = """\
# How it works

You write to a busy professional in their busiest season (an HR manager in review
season, a charge nurse in flu season, ...) and ask for a short informational
interview. The persona reads what you write, the way a busy person would, and
answers, ignores you, or sends you elsewhere. If you get a
meeting, the clock runs in *simulated* minutes and the persona's **patience** and
**rapport** move with every line. The report grades above all two things:
**respecting their time** and **not pitching for a job**.

## Keys everywhere

| Key | Does |
|---|---|
| F1 | this help |
| Ctrl+P | command palette (every action, searchable) |
| Esc | back / home (asks first during a session; finished turns are always saved) |
| Ctrl+Q | quit |
| Tab / Shift+Tab | move between fields |

## Home
Type to filter, Up/Down to move, Enter to open. F2 checks a draft, F3 shows past attempts.

## Briefing
The situation, your objectives, the persona card and your files. **Enter** starts.

## Writing (outreach, follow-up, thank-you)
Enter makes a new line. **F2** sends (you are asked to confirm). Tick a file in the
attachments row to attach it: that is your choice, and the persona notices. The
count shows words (or characters, for a LinkedIn note). For the thank-you, choose
when it goes out. **F4** moves on without sending (follow-up and thank-you only).
**F3** turns coaching hints on or off (practice mode).

## Inbox
The persona's reply after some days, or the silence. **F** follows up once,
**G** gives up, **Enter** goes on.

## Meeting
Type a line and press **Enter**. **F4** wraps up politely, **F6** leaves at once.
Watch the clock: the persona warns you near the end and leaves when time or patience
runs out. **Enter** continues once it is over.

## Report
**R** retry, **W** rewind to one of your turns and try a different line (a new
attempt; the original is kept), **E** export as Markdown, JSON or HTML.

## Check a draft
Paste a real email. The problem phrases are highlighted and you see what the persona
would do with it. **F2** analyses at once.
"""


class HelpScreen(AppScreen):
    """Keys and concepts."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("f1", "close", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="\u25c6")
        with VerticalScroll(id="help-body"):
            yield Markdown(HELP, id="help-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss()
