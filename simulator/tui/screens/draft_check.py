"""DraftCheckScreen: paste a real email and see how a busy reader takes it.

The analysis is the engine's own, through ``practice.preview`` (the engine's ``judge``,
with the context a session builds), so the checker can never disagree with a session or
with ``simulator analyze``. Problem phrases are highlighted in the draft.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Label, RadioButton, RadioSet, Static, TextArea

from simulator.content import Bundle
from simulator.practice import Decision, Lexicon, Reading
from simulator.tui.literal import clean
from simulator.tui.screens.base import AppScreen
from simulator.tui.widgets.highlighted_draft import HighlightedDraft

STAGES = (("Email", "outreach"), ("Follow-up", "follow_up"), ("Thank-you", "thank_you"))
DEFAULT_SCENARIO = "review-season-cold-email"
REPLY_WORDS = {
    "accept": "would say yes",
    "redirect": "would have sent you elsewhere",
    "silence": "would probably not reply",
}


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
            f"{problems} problem(s) spotted." if problems else "No problems spotted.",
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
        out.append(signal.id.replace("_", " "), style="bold")
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
                        yield RadioButton(Text(name), value=index == 0)
                yield TextArea("", id="draft-text", soft_wrap=True, tab_behavior="focus")
            with VerticalScroll(id="draft-right"):
                yield Static(Text("The analysis appears here.", style="dim"), id="draft-verdict")
                yield HighlightedDraft(id="draft-highlighted")
                yield Static("", id="draft-analysis")
        yield Footer()

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
        from simulator.practice import preview_bundle, read_only, scenario_lexicon

        text = self.query_one("#draft-text", TextArea).text
        if not text.strip():
            return
        stage = self.stage
        lexicon = scenario_lexicon(self.bundle)
        if self.bundle is None:
            reading, decision, name = read_only(text, stage), None, "A busy professional"
        else:
            judged = preview_bundle(text, stage, self.bundle)
            reading, decision, name = judged.reading, judged.decision, "The persona"
        self.reading, self.decision = reading, decision
        redirect = None
        if self.bundle is not None:
            from simulator.practice import outcome_words

            redirect = outcome_words(self.bundle.scenario, "redirect")
        verdict, details = analysis_text(reading, lexicon, decision, name, redirect)
        self.query_one("#draft-verdict", Static).update(verdict)
        self.query_one("#draft-analysis", Static).update(details)
        self.query_one(HighlightedDraft).show(reading)
