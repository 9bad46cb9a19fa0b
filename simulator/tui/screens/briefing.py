"""BriefingScreen: the situation, the objectives, the persona card and the learner's files."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Static

from simulator.content import Bundle
from simulator.practice import fill, generate
from simulator.tui.literal import clean
from simulator.tui.screens.base import AppScreen
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.persona_card import PersonaCard

STAGE_NAMES = {"outreach": "first message", "meeting": "meeting", "thank_you": "thank-you note"}


def reflow(text: str) -> str:
    """Join an author's hard-wrapped lines into paragraphs the screen can wrap itself."""
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def briefing_text(bundle: Bundle, values: dict[str, object]) -> Text:
    """The left column: title, situation, objectives, stages and files (all literal)."""
    scenario = bundle.scenario
    out = Text.assemble((scenario.title, "bold"))
    out.append(f"   {scenario.difficulty}", style="italic")
    out.append("\n\n")
    out.append(reflow(fill(scenario.brief, dict(values))))
    out.append("\n\nObjectives", style="bold")
    for objective in scenario.objectives:
        out.append(f"\n \u2022 {fill(objective, dict(values))}")
    stages = []
    for name in scenario.stage_names():
        label = STAGE_NAMES[name]
        if name == "outreach" and scenario.stages.outreach:
            outreach = scenario.stages.outreach
            label = {"linkedin": "LinkedIn note", "phone": "phone call"}.get(
                outreach.channel, "email"
            )
            if outreach.max_chars:
                label += f" (max {outreach.max_chars} characters)"
        if name == "meeting" and scenario.stages.meeting:
            label += f" (up to {scenario.stages.meeting.minutes} min)"
        stages.append(label)
    out.append("\n\nStages  ", style="bold")
    out.append(" \u2192 ".join(stages))
    files = scenario.learner.file_names()
    out.append("\nYour files  ", style="bold")
    out.append(", ".join(files) if files else "none")
    if files:
        out.append("  (attaching one is your choice)", style="dim")
    if scenario.learner.background:
        out.append("\nYou  ", style="bold")
        out.append(scenario.learner.background)
    return clean(out)


class BriefingScreen(AppScreen):
    """Read the situation, then start with one key."""

    CSS_PATH = "briefing.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start", tooltip="Start the scenario", priority=True),
        Binding("s", "start", "Start", show=False),
        Binding("escape", "home", "Back"),
    ]

    def __init__(self, bundle: Bundle) -> None:
        super().__init__()
        self.bundle = bundle
        self.values: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        seed = self.sim.seed_for_next()
        self.values = generate(self.bundle.scenario, self.bundle.persona, seed)
        yield Header(show_clock=False, icon="\u25c6")
        if self.sim.homework is not None:
            from simulator.tui.widgets.assignment_banner import AssignmentBanner

            scenario = self.bundle.scenario.id
            yield AssignmentBanner(self.sim.homework, scenario, id="briefing-assignment")
        with Horizontal(id="briefing-columns"):
            with VerticalScroll(id="briefing-main"):
                yield Static(briefing_text(self.bundle, self.values), id="briefing-text")
            with VerticalScroll(id="briefing-side"):
                yield PersonaCard(self.bundle.persona, self.values, id="briefing-persona")
        yield Static(self._keys_line(more=False), id="briefing-start")
        yield KeyFooter()

    @staticmethod
    def _keys_line(*, more: bool) -> Text:
        out = Text.assemble(
            ("Enter", "bold reverse"), " start   ", ("Esc", "bold reverse"), " back"
        )
        if more:  # the persona card is taller than the screen: say so, in words
            out.append("   ")
            out.append("Tab", style="bold reverse")
            out.append(" then \u2193: more about them on the right")
        return out

    def on_mount(self) -> None:
        self.call_after_refresh(self._show_overflow)

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_overflow)

    def _show_overflow(self) -> None:
        side = self.query_one("#briefing-side")
        more = side.max_scroll_y > 0
        self.query_one("#briefing-start", Static).update(self._keys_line(more=more))

    def action_start(self) -> None:
        self.sim.start_attempt(self.bundle)
