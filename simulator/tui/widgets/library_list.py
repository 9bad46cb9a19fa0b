"""LibraryList: the scenario library and the other places to go, filtered as you type."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.visual import Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from simulator.tui.literal import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.strip import Strip
    from textual.style import Style
    from textual.visual import RenderOptions


@dataclass(frozen=True)
class Entry:
    """One row: a scenario (``kind == "scenario"``) or a place (draft check, history, help)."""

    kind: str
    key: str
    title: str
    detail: str = ""
    difficulty: str = ""
    stages: str = ""
    minutes: str = ""
    persona: str = ""
    field: str = ""
    """The scenario's field (hr, healthcare, ...): ``field:healthcare`` keeps only those."""

    @property
    def haystack(self) -> str:
        return " ".join(
            (self.title, self.detail, self.difficulty, self.stages, self.persona, self.key)
        ).lower()

    def matches(self, words: list[str]) -> bool:
        """Every typed word is in the row; ``field:NAME`` names the field exactly."""
        for word in words:
            if word.startswith("field:"):
                if self.kind != "scenario" or self.field != word[len("field:") :]:
                    return False
            elif word not in self.haystack:
                return False
        return True


LEVEL_STYLE = {"easy": "green", "medium": "yellow", "hard": "red"}


def entry_prompt(entry: Entry) -> Text:
    """A row as literal text: title and level, stages, minutes and persona, summary."""
    if entry.kind != "scenario":
        out = Text.assemble((f"\u25b8 {entry.title}", "bold"))
        if entry.detail:
            out.append(f"  {entry.detail}", style="dim")
        return clean(out)
    out = Text.assemble((entry.title, "bold"))
    out.append(f"  {entry.difficulty}", style=LEVEL_STYLE.get(entry.difficulty, ""))
    out.append(f"\n{entry.stages}  \u00b7  {entry.minutes}  \u00b7  {entry.persona}")
    if entry.field and entry.field != "general":
        out.append(f"  \u00b7  {entry.field}", style="dim")
    out.append(f"\n{entry.detail}", style="dim")
    return clean(out)


class _Row(Visual):
    """A row's visual that knows its height without wrapping when every line fits.

    OptionList measures each row's height by wrapping its text (``get_height``), for all
    rows on every layout: most of what the first frame spends on the list. A row whose
    lines are all narrower than the list has one line per line of text, which is what
    wrapping would find; only a row with a longer line is wrapped to measure it.
    Drawing is the wrapped text's own (``render_strips``), unchanged.
    """

    def __init__(self, visual: Visual, text: str) -> None:
        self.visual = visual
        self.widths = [cell_len(line) for line in text.split("\n")]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.visual.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.visual.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.visual.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if max(self.widths) + rules.get("line_pad", 0) * 2 <= width:
            return len(self.widths)
        return self.visual.get_height(rules, width)


class LibraryList(OptionList):
    """The home list; ``filter`` keeps the rows whose words contain every typed word."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self.query_text = ""

    def set_entries(self, entries: list[Entry]) -> None:
        self.entries = list(entries)
        self.filter(self.query_text)

    def filter(self, query: str) -> None:
        self.query_text = query
        words = query.lower().split()
        self.shown = [e for e in self.entries if e.matches(words)]
        self.clear_options()
        options: list[Option | None] = []
        previous_kind = None
        for index, entry in enumerate(self.shown):
            if previous_kind == "scenario" and entry.kind != "scenario":
                options.append(None)
            options.append(Option(entry_prompt(entry), id=f"entry-{index}"))
            previous_kind = entry.kind
        self.add_options(options)
        if self.shown:
            self.highlighted = 0

    def _get_visual(self, option: Option) -> Visual:
        """Each row's visual, measured cheaply (see ``_Row``)."""
        visual = option._visual
        if not isinstance(visual, _Row):
            visual = _Row(super()._get_visual(option), str(option.prompt))
            option._visual = visual
        return visual

    def current(self) -> Entry | None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return self.shown[int(option.id.split("-")[1])]
