"""MeetingScreen: the conversation, the simulated clock and the persona's meters (not in exams).

Each line the learner types (Enter) is one turn. F4 offers to wrap up with a polite
line; F6 leaves at once. The persona ends the meeting when time or patience runs out;
then Enter moves on.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Header, Static

from simulator.plain import WRAP_LINE
from simulator.practice import Attempt, Say, Skip, Stage
from simulator.tui.literal import safe
from simulator.tui.screens.base import PlayScreen
from simulator.tui.widgets.coaching_hints import CoachingHints
from simulator.tui.widgets.conversation_log import ConversationLog
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.line_entry import LineEntry
from simulator.tui.widgets.meeting_clock import MeetingClock
from simulator.tui.widgets.patience_meter import PatienceMeter
from simulator.tui.widgets.rapport_meter import RapportMeter


class MeetingScreen(PlayScreen):
    """The informational interview itself."""

    CSS_PATH = "meeting.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f4", "wrap_up", "Wrap up", tooltip="Thank them and offer to finish"),
        Binding("f6", "leave", "Leave", tooltip="End the meeting now"),
        Binding("f3", "toggle_hints", "Hints", tooltip="Coaching hints on/off"),
        Binding("enter", "next", "Continue"),
    ]

    def __init__(self, attempt: Attempt, draft: str = "") -> None:
        super().__init__()
        self.attempt = attempt
        self.draft = draft

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="\u25c6")
        exam = self.sim.mode == "exam"
        with Horizontal(id="meeting-gauges", classes="-exam" if exam else ""):
            yield MeetingClock(id="meeting-clock")
            if not exam:  # the meters are live feedback: an exam shows only the clock
                yield PatienceMeter(self.attempt.session.meters.patience, id="meeting-patience")
                yield RapportMeter(self.attempt.session.meters.rapport, id="meeting-rapport")
        yield ConversationLog(id="meeting-log")
        yield CoachingHints(id="meeting-hints")
        yield LineEntry(
            value=safe(self.draft),  # the learner's earlier text, made inert
            placeholder="Say something, then press Enter",
            id="meeting-input",
        )
        yield Static(
            Text.assemble("The meeting is over. ", ("Enter", "bold reverse"), " continue"),
            id="meeting-over",
        )
        yield KeyFooter()

    def on_mount(self) -> None:
        session = self.attempt.session
        turns = [t for t in session.transcript.turns if t.stage == "meeting"]
        self.query_one(ConversationLog).show_turns(turns, session.values)
        self._update_gauges()
        self.hints_changed()
        self.query_one("#meeting-input", LineEntry).focus()
        self._sync_state()

    # ------------------------------------------------------------------ state
    @property
    def over(self) -> bool:
        return self.attempt.session.state is not Stage.meeting

    def _update_gauges(self) -> None:
        session = self.attempt.session
        meeting = session.scenario.stages.meeting
        warn = meeting.warn_at_remaining if meeting else 5
        self.query_one(MeetingClock).show(session.minute, session.granted, warn)
        for meter in self.query(PatienceMeter):
            meter.set_value(session.meters.patience)
        for rapport in self.query(RapportMeter):
            rapport.set_value(session.meters.rapport)

    def _sync_state(self) -> None:
        over = self.over
        entry = self.query_one("#meeting-input", LineEntry)
        entry.display = not over
        self.query_one("#meeting-over").display = over
        if over:
            self.query_one(CoachingHints).display = False
            self.query_one(ConversationLog).focus()
        self.refresh_bindings()

    # ------------------------------------------------------------------ hints
    def hints_changed(self) -> None:
        hints = self.query_one(CoachingHints)
        hints.display = self.sim.hints_on and not self.over
        if hints.display:
            self.refresh_hints()

    @on(LineEntry.Changed, "#meeting-input")
    def _typed(self) -> None:
        if self.sim.hints_on:
            self.debounced(self.refresh_hints)

    def refresh_hints(self) -> None:
        text = self.query_one("#meeting-input", LineEntry).value
        reading = self.attempt.preview(text, "meeting").reading if text.strip() else None
        self.query_one(CoachingHints).show(reading, self.attempt.session.lexicon)

    # ------------------------------------------------------------------ talking
    @on(LineEntry.Line, "#meeting-input")
    def _line(self, event: LineEntry.Line) -> None:
        # Lines arrive here in the order they were typed or pasted; the entry is already
        # empty, so keys typed while this turn is answered are kept.
        if self.over:
            self.notify(
                f"Not sent, the meeting is over: {event.text}",
                title="Not sent",
                severity="warning",
                markup=False,
            )
            return
        if not self.say(Say(event.text)):
            entry = event.entry
            entry.value = event.text + entry.value

    def say(self, item: Say | Skip) -> bool:
        """Send one turn and show everything it caused; False if it was refused."""
        session = self.attempt.session
        since = len(session.transcript.turns)
        if self.sim.send(item) is None:
            return False
        self.query_one(ConversationLog).show_turns(session.transcript.turns[since:], session.values)
        self._update_gauges()
        self._sync_state()
        return True

    def action_wrap_up(self) -> None:
        if not self.over:
            self.say(Say(WRAP_LINE))

    def action_leave(self) -> None:
        from simulator.tui.screens.confirm import ConfirmScreen

        if self.over:
            return

        def leave(yes: bool | None) -> None:
            if yes:
                self.say(Skip())

        question = Text("End the meeting now, without wrapping up?")
        self.app.push_screen(ConfirmScreen(question, "End it", "Stay"), leave)

    def action_next(self) -> None:
        if self.over:
            self.sim.route()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:  # noqa: ARG002 (Textual's signature)
        if action in ("wrap_up", "leave"):
            return None if self.over else True
        if action == "next":
            return self.over
        if action == "toggle_hints":
            return self.sim.mode == "practice"
        return True
