"""DraftCheckScreen: paste a real email and see how a busy reader takes it.

The analysis is the engine's own, through ``practice.preview`` (the engine's ``judge``,
with the context a session builds), so the checker can never disagree with a session or
with ``simulator analyze``. Problem phrases are highlighted in the draft. A long paste is
read in a thread, with "Reading N characters…" shown meanwhile.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Label, RadioSet, Static, TextArea

from simulator.content import Bundle
from simulator.practice import Decision, Lexicon, Reading, plural
from simulator.tui.literal import clean
from simulator.tui.screens.base import AppScreen
from simulator.tui.widgets.highlighted_draft import HighlightedDraft
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.marked_toggles import MarkedRadioButton

STAGES = (("Email", "outreach"), ("Follow-up", "follow_up"), ("Thank-you", "thank_you"))
DEFAULT_SCENARIO = "review-season-cold-email"
REPLY_WORDS = {
    "accept": "would say yes",
    "redirect": "would have sent you elsewhere",
    "silence": "would probably not reply",
}

LONG_DRAFT = 20_000
"""A draft this long (a big paste) is read in the background, as in the composer."""


def analysis_text(
    reading: Reading,
    lexicon: Lexicon,
    decision: Decision | None,
    name: str,
    redirect: str | None = None,
) -> tuple[Text, Text]:
    """(the verdict and its reasons, each signal with its rule and for problems a tip)."""
    verdict = Text()
    if decision is not None:
        reply = decision.reply
        style = "bold green" if reply == "accept" else "bold red"
        said = f"would have {redirect}" if reply == "redirect" and redirect else None
        verdict.append(f"{name} {said or REPLY_WORDS.get(reply, reply)}.", style=style)
        for reason in decision.reasons:
            verdict.append(f"\n  {reason}", style="dim")
    else:
        problems = len(reading.negatives())
        verdict.append(
            f"{plural(problems, 'problem')} spotted." if problems else "No problems spotted.",
            style="bold red" if problems else "bold green",
        )
    out = Text()
    out.append(f"{reading.words} words", style="bold")
    if not reading.signals:
        out.append("\nNothing stood out, good or bad.", style="italic")
    for signal in reading.signals:
        spec = lexicon.specs.get(signal.id)
        negative = signal.polarity == "negative"
        mark = "\n\n\u2716 " if negative else "\n\n\u2714 "
        out.append(mark, style="red" if negative else "green")
        out.append(spec.words if spec else signal.id.replace("_", " "), style="bold")
        if spec is not None:
            out.append(f"\n  {spec.rule}")
            if negative:
                out.append("\n  Try: ", style="bold yellow")
                out.append(spec.tip)
    return clean(verdict), clean(out)


class DraftCheckScreen(AppScreen):
    """Type or paste on the left; the analysis updates on the right."""

    CSS_PATH = "draft_check.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "analyse", "Analyse", priority=True),
        Binding("escape", "home", "Home"),
    ]

    def __init__(self, bundle: Bundle | None = None) -> None:
        super().__init__()
        self.bundle = bundle
        self.reading: Reading | None = None
        self.decision: Decision | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="\u25c6")
        with Horizontal(id="draft-columns"):
            with Vertical(id="draft-left"):
                yield Label("Paste or type a draft; read it as:")
                with RadioSet(id="draft-stage", compact=True):
                    for index, (name, _) in enumerate(STAGES):
                        yield MarkedRadioButton(Text(name), value=index == 0)
                yield TextArea("", id="draft-text", soft_wrap=True, tab_behavior="focus")
            with VerticalScroll(id="draft-right"):
                yield Static(Text("The analysis appears here.", style="dim"), id="draft-verdict")
                yield HighlightedDraft(id="draft-highlighted")
                yield Static("", id="draft-analysis")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.bundle is None:
            from simulator.content import ContentLoadError, Library

            try:
                self.bundle = Library().load(DEFAULT_SCENARIO)
            except ContentLoadError:
                self.bundle = None
        self.query_one("#draft-text", TextArea).focus()

    @property
    def stage(self) -> str:
        index = self.query_one(RadioSet).pressed_index
        return STAGES[max(0, index)][1]

    @on(TextArea.Changed, "#draft-text")
    @on(RadioSet.Changed, "#draft-stage")
    def _changed(self) -> None:
        self.debounced(self.action_analyse)

    def action_analyse(self) -> None:
        """Read the draft and decide as the persona would (``practice.preview``)."""
        text = self.query_one("#draft-text", TextArea).text
        if not text.strip():
            return
        stage = self.stage
        if len(text) < LONG_DRAFT:
            self._show(*self._judge(text, stage))
            return
        reading_now = Text(f"Reading {len(text):,} characters\u2026", style="italic")
        self.query_one("#draft-verdict", Static).update(reading_now)
        self._read_long(text, stage)

    def _judge(self, text: str, stage: str) -> tuple[Reading, Decision | None, str]:
        from simulator.practice import preview_bundle, read_only

        if self.bundle is None:
            return read_only(text, stage), None, "A busy professional"
        judged = preview_bundle(text, stage, self.bundle)
        return judged.reading, judged.decision, "The persona"

    @work(thread=True, exclusive=True, group="draft")
    def _read_long(self, text: str, stage: str) -> None:
        judged = self._judge(text, stage)
        self.app.call_from_thread(self._show_long, text, stage, judged)

    def _show_long(self, text: str, stage: str, judged: Any) -> None:
        if not self.is_mounted:
            return
        if text == self.query_one("#draft-text", TextArea).text and stage == self.stage:
            self._show(*judged)  # not a draft that has changed since

    def _show(self, reading: Reading, decision: Decision | None, name: str) -> None:
        from simulator.practice import scenario_lexicon

        lexicon = scenario_lexicon(self.bundle)
        self.reading, self.decision = reading, decision
        redirect = None
        if self.bundle is not None:
            from simulator.practice import outcome_words

            redirect = outcome_words(self.bundle.scenario, "redirect")
        verdict, details = analysis_text(reading, lexicon, decision, name, redirect)
        self.query_one("#draft-verdict", Static).update(verdict)
        self.query_one("#draft-analysis", Static).update(details)
        self.query_one(HighlightedDraft).show(reading)
