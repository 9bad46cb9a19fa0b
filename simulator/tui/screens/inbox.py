"""InboxScreen: what came back after simulated days: the persona's reply, or the silence.

From here the learner follows up once or gives up (silence), joins the meeting (a yes),
or goes on to the report.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static

from simulator.practice import Attempt, Skip, Stage
from simulator.tui.literal import safe
from simulator.tui.screens.base import PlayScreen
from simulator.tui.widgets.conversation_log import ConversationLog
from simulator.tui.widgets.key_footer import KeyFooter


class InboxScreen(PlayScreen):
    """The exchange since the learner's last message, and what to do next."""

    CSS_PATH = "inbox.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next", "Continue", priority=True),
        Binding("f", "follow_up", "Follow up"),
        Binding("g", "give_up", "Give up"),
    ]

    def __init__(self, attempt: Attempt, since: int = 0) -> None:
        super().__init__()
        self.attempt = attempt
        self.since = since

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="\u25c6")
        yield Static(self._heading(), id="inbox-heading")
        yield ConversationLog(id="inbox-thread")
        yield Static(self._next_step(), id="inbox-next")
        yield KeyFooter()

    def on_mount(self) -> None:
        session = self.attempt.session
        # The meeting has its own screen: the inbox shows only the written exchange.
        turns = [t for t in session.transcript.turns[self.since :] if t.stage != "meeting"]
        self.query_one(ConversationLog).show_turns(turns, session.values, days=True)

    def _heading(self) -> Text:
        session = self.attempt.session
        return Text(f"Inbox \u00b7 day {session.day}", style="bold")

    def _next_step(self) -> Text:
        session = self.attempt.session
        name = safe(str(session.values["persona_first"]))
        state = session.state
        if state is Stage.waiting:
            return Text.assemble(
                f"No answer from {name}. ",
                ("F", "bold reverse"),
                " follow up once (after a few days)   ",
                ("G", "bold reverse"),
                " give up and see the report",
            )
        if state is Stage.meeting:
            return Text.assemble(
                f"{name} agreed to {session.granted} minutes. ",
                ("Enter", "bold reverse"),
                " join the meeting",
            )
        if state is Stage.thank_you:
            return Text.assemble(("Enter", "bold reverse"), " write your thank-you note")
        return Text.assemble(("Enter", "bold reverse"), " see your report")

    def action_next(self) -> None:
        if self.attempt.session.state is Stage.waiting:
            return
        self.sim.route()

    def action_follow_up(self) -> None:
        self.sim.route(draft={"action": "follow_up"})

    def action_give_up(self) -> None:
        since = len(self.attempt.session.transcript.turns)
        if self.sim.send(Skip()) is not None:
            self.sim.route(since=since)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:  # noqa: ARG002 (Textual's signature)
        waiting = self.attempt.session.state is Stage.waiting
        if action in ("follow_up", "give_up"):
            return True if waiting else None
        if action == "next":
            return None if waiting else True
        return True
