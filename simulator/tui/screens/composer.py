"""ComposerScreen: write the outreach, a follow-up or the thank-you, then send it (confirmed).

To, Subject (email only), a multi-line body, the attachments row (the outreach), when to
send (thank-you and follow-up), a live word or character count and, in practice mode,
coaching hints from the reader. Enter writes a new line; F2 sends.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input, Label, Static, TextArea

from simulator.practice import Attempt, FollowUp, Outreach, Skip, ThankYou
from simulator.practice import Input as LearnerInput
from simulator.tui.literal import clean, safe
from simulator.tui.screens.base import PlayScreen
from simulator.tui.widgets.attachments_row import AttachmentsRow
from simulator.tui.widgets.coaching_hints import CoachingHints
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.length_counter import LengthCounter
from simulator.tui.widgets.send_time_picker import (
    FOLLOW_UP_TIMES,
    THANK_YOU_TIMES,
    SendTimePicker,
)

LONG_DRAFT = 20_000
"""A draft this long (a big paste) is read in the background."""


class ComposerScreen(PlayScreen):
    """One message to the persona."""

    CSS_PATH = "composer.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "send", "Send", tooltip="Send this message (asks first)", priority=True),
        Binding("f3", "toggle_hints", "Hints", tooltip="Coaching hints on/off"),
        Binding("f4", "skip", "Don't send", tooltip="Skip this message"),
    ]

    def __init__(self, attempt: Attempt, kind: str, draft: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.attempt = attempt
        self.kind = kind
        self.draft = dict(draft or {})
        scenario = attempt.session.scenario
        outreach = scenario.stages.outreach
        self.channel = outreach.channel if outreach and kind != "thank_you" else "email"
        self.max_chars = outreach.max_chars if outreach and kind != "thank_you" else None
        self.aim_words = attempt.session.persona.temperament.max_words
        """The counter aims at the persona's own limit, the one the reader applies."""

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        session = self.attempt.session
        values = session.values
        persona = session.persona
        yield Header(show_clock=False, icon="\u25c6")
        with Vertical(id="composer-form"):
            yield Static(self._situation(), id="composer-situation")
            with Horizontal(classes="composer-row"):
                yield Label("To", classes="composer-label")
                yield Static(
                    clean(Text(f"{values['persona_name']}, {persona.role}, {values['company']}")),
                    id="composer-to",
                )
            if self.channel == "email":
                with Horizontal(classes="composer-row"):
                    yield Label("Subject", classes="composer-label")
                    yield Input(
                        value=safe(str(self.draft.get("subject", ""))),
                        placeholder="A plain, specific subject line",
                        id="composer-subject",
                    )
            yield TextArea(
                safe(str(self.draft.get("body", ""))),
                id="composer-body",
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
            with Horizontal(id="composer-status"):
                if self.kind == "outreach" and session.scenario.learner.file_names():
                    yield AttachmentsRow(
                        session.scenario.learner.file_names(),
                        self.draft.get("attachments", ()),
                        id="composer-attachments",
                    )
                if self.kind == "thank_you":
                    hours = int(self.draft.get("after_hours", 6))
                    yield SendTimePicker("Send:", THANK_YOU_TIMES, hours, id="composer-when")
                if self.kind == "follow_up":
                    days = int(self.draft.get("after_days", 7))
                    window = (
                        outreach.reply_after_days
                        if (outreach := session.scenario.stages.outreach)
                        else 0
                    )
                    # Only days after the silence: the timeline never runs backwards.
                    times = tuple(t for t in FOLLOW_UP_TIMES if t[1] >= window) or FOLLOW_UP_TIMES
                    yield SendTimePicker("Send:", times, days, id="composer-when")
                yield LengthCounter(
                    aim_words=self.aim_words, max_chars=self.max_chars, id="composer-count"
                )
            yield CoachingHints(id="composer-hints")
        yield KeyFooter()

    def _situation(self) -> Text:
        session = self.attempt.session
        name = str(session.values["persona_name"])
        if self.kind == "outreach":
            what = {"linkedin": "LinkedIn note", "phone": "phone call"}.get(self.channel, "email")
            out = Text.assemble((f"Write your {what} to {name}. ", "bold"))
            outreach = session.scenario.stages.outreach
            previous = outreach.previous if outreach else None
            if previous:
                out.append(
                    f"You wrote {previous.days_ago} days ago and heard nothing; this is your "
                    "follow-up."
                )
            return clean(out)
        if self.kind == "follow_up":
            return Text(
                f"No answer from {name}. One short, patient follow-up, or F4 to move on.",
                style="bold",
            )
        recap = next((t.text for t in session.transcript.turns if t.kind == "recap" and t.text), "")
        out = Text.assemble(
            (f"Write your thank-you to {name}, and choose when to send it.", "bold")
        )
        if recap:
            out.append("\n")
            out.append(recap.strip(), style="italic")
        return clean(out)

    def on_mount(self) -> None:
        # One focus request, not two: a second one queued behind the first could land
        # after the learner's first keys (a Tab typed at once was seen lost under load).
        if self.channel == "email" and not self.draft.get("subject"):
            self.query_one("#composer-subject", Input).focus()
        else:
            self.query_one("#composer-body", TextArea).focus()
        self.hints_changed()
        self._count()

    # ------------------------------------------------------------------ live feedback
    def hints_changed(self) -> None:
        hints = self.query_one(CoachingHints)
        hints.display = self.sim.hints_on
        if self.sim.hints_on:
            self.refresh_hints()

    @on(TextArea.Changed, "#composer-body")
    def _body_changed(self) -> None:
        self._count()
        if self.sim.hints_on:
            self.debounced(self.refresh_hints)

    def _count(self) -> None:
        self.query_one(LengthCounter).count(self.body)

    def refresh_hints(self) -> None:
        """Read the draft as the persona would and show the problems (no logic of our own).

        A long paste is read in a thread, with "Reading…" shown meanwhile, so typing and
        the screen never wait for it.
        """
        body, attachments = self.body, self.attachments
        after = self.when if self.kind == "follow_up" else None
        subject = self.subject if self.kind in ("outreach", "follow_up") else ""
        if len(body) + len(subject) < LONG_DRAFT:
            judged = self.attempt.preview(
                body, self.kind, attachments, after_days=after, subject=subject
            )
            self.query_one(CoachingHints).show(judged.reading, self.attempt.session.lexicon)
            return
        self.query_one(CoachingHints).reading_now(len(body))
        self._read_long(body, attachments, after, subject)

    @work(thread=True, exclusive=True, group="hints")
    def _read_long(
        self, body: str, attachments: tuple[str, ...], after: int | None, subject: str
    ) -> None:
        judged = self.attempt.preview(
            body, self.kind, attachments, after_days=after, subject=subject
        )
        self.app.call_from_thread(self._show_long, body, judged.reading)

    def _show_long(self, body: str, reading: Any) -> None:
        if self.is_mounted and body == self.body:  # not a draft that has changed since
            self.query_one(CoachingHints).show(reading, self.attempt.session.lexicon)

    @on(AttachmentsRow.Changed)
    def _attachments_changed(self) -> None:
        if self.sim.hints_on:
            self.refresh_hints()

    # ------------------------------------------------------------------ values
    @property
    def body(self) -> str:
        return self.query_one("#composer-body", TextArea).text

    @property
    def subject(self) -> str:
        if self.channel != "email":
            return ""
        return self.query_one("#composer-subject", Input).value

    @property
    def attachments(self) -> tuple[str, ...]:
        rows = self.query(AttachmentsRow)
        return rows.first().selected() if rows else ()

    @property
    def when(self) -> int:
        return self.query_one(SendTimePicker).value

    def item(self) -> LearnerInput:
        if self.kind == "outreach":
            return Outreach(self.body, self.subject, self.attachments)
        if self.kind == "follow_up":
            return FollowUp(self.body, self.when, self.subject)
        return ThankYou(self.body, self.when, self.subject)

    # ------------------------------------------------------------------ actions
    def action_send(self) -> None:
        # F2 is a priority binding: it runs as soon as the app reads it, while keys typed
        # just before it may still wait in the box's own queue. Asking from that queue
        # puts the question after them, so the draft shown (and sent) is complete.
        focused = self.focused
        if focused is None:
            self._ask_to_send()
        else:
            focused.call_later(self._ask_to_send)

    def _ask_to_send(self) -> None:
        from simulator.tui.screens.confirm import ConfirmScreen

        if not self.is_current:
            return
        if not self.body.strip():
            self.notify("Write something before sending.", severity="warning")
            return
        name = str(self.attempt.session.values["persona_name"])
        question = Text.assemble((f"Send this to {name}?", "bold"))
        if self.subject:
            question.append("\nSubject: ")
            question.append(self.subject)
        files = self.attachments
        question.append("\nAttached: ")
        question.append(", ".join(files) if files else "nothing")
        if self.kind != "outreach":
            question.append(f"\nWhen: {self.query_one(SendTimePicker).choice.lower()}")
        question.append(f"\n{self.query_one(LengthCounter).render().plain}", style="dim")
        self.app.push_screen(ConfirmScreen(question, "Send", "Keep editing"), self._confirmed)

    def _confirmed(self, yes: bool | None) -> None:
        if not yes:
            return
        self.deliver(self.item())

    def deliver(self, item: LearnerInput) -> None:
        """Send ``item``; on success show what came back."""
        since = len(self.attempt.session.transcript.turns)
        turns = self.sim.send(item)
        if turns is None:
            return  # refused: the draft stays as it is
        self.sim.show_inbox(since)

    def action_skip(self) -> None:
        from simulator.tui.screens.confirm import ConfirmScreen

        what = "thank-you note" if self.kind == "thank_you" else "follow-up"
        question = Text(f"Move on without a {what}?")

        def skip(yes: bool | None) -> None:
            if yes:
                self.deliver(Skip())

        self.app.push_screen(ConfirmScreen(question, "Move on", "Keep writing"), skip)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:  # noqa: ARG002 (Textual's signature)
        if action == "skip":
            return self.kind != "outreach" or None
        if action == "toggle_hints":
            return self.sim.mode == "practice"
        return True
