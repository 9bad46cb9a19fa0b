"""ExportScreen: save the report (and transcript) as Markdown, JSON or HTML to a file.

Writes go through ``storage.atomic_write``; a failure is shown here and nothing else is
lost (the session and its saved attempt are untouched).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet, Static

from simulator.practice import FORMATS as EXPORT_FORMATS
from simulator.practice import Report, Transcript, export
from simulator.tui.literal import literal, safe
from simulator.tui.widgets.marked_toggles import MarkedRadioButton

FORMATS = tuple((f.name, f.suffix) for f in EXPORT_FORMATS.values())
"""(name, suffix) of each export format, in the order the dialog lists them."""


def default_folder() -> Path:
    from simulator.paths import user_dir

    return user_dir("exports")


def default_name(stem: str, suffix: str, now: datetime | None = None) -> str:
    """``stem-20261201-143502.md``: the export's own time, so two exports never share a name."""
    when = now or datetime.now()
    return f"{stem}-{when:%Y%m%d-%H%M%S}{suffix}"


class ExportScreen(ModalScreen[Path | None]):
    """Pick a format and a file; dismisses with the path written, or None."""

    CSS_PATH = "export.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, report: Report, transcript: Transcript | None, stem: str) -> None:
        super().__init__()
        self.report = report
        self.transcript = transcript
        self.stem = stem

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(Text("Export the report", style="bold"))
            with RadioSet(id="export-format", compact=True):
                for index, (name, _) in enumerate(FORMATS):
                    yield MarkedRadioButton(Text(name), value=index == 0)
            yield Label("File")
            name = default_name(self.stem, FORMATS[0][1])
            yield Input(str(default_folder() / name), id="export-path")
            yield Static("", id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("Save", variant="primary", id="export-save")
                yield Button("Cancel", id="export-cancel")

    @property
    def fmt(self) -> str:
        index = self.query_one(RadioSet).pressed_index
        return FORMATS[max(0, index)][0]

    @on(RadioSet.Changed)
    def _format_changed(self) -> None:
        path_input = self.query_one("#export-path", Input)
        suffix = dict(FORMATS)[self.fmt]
        path_input.value = str(Path(path_input.value).with_suffix(suffix))

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#export-save")
    @on(Input.Submitted, "#export-path")
    def save(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        message = self.query_one("#export-message", Static)
        if not raw:
            message.update(Text("Type a file name first.", style="bold red"))
            return
        path = Path(raw).expanduser()
        if path.is_file():
            self._ask_to_replace(path)
            return
        self.write(path)

    def _ask_to_replace(self, path: Path) -> None:
        from simulator.tui.screens.confirm import ConfirmScreen

        question = Text.assemble((f"{safe(path.name)} already exists.", "bold"))
        question.append(f"\nIn {safe(str(path.parent))}.")
        question.append("\nReplace it? The file that is there now will be lost.")

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(path)
            else:
                self.query_one("#export-path", Input).focus()

        self.app.push_screen(ConfirmScreen(question, "Replace", "Keep both"), answered)

    def write(self, path: Path) -> None:
        """Write the export; a failure is shown in the dialog, which stays open."""
        from simulator.storage import StorageError

        message = self.query_one("#export-message", Static)
        try:
            written = export(path, self.fmt, self.report, self.transcript)
        except (StorageError, ValueError) as exc:
            message.update(literal(f"Not saved: {exc}", style="bold red"))
            return
        self.dismiss(written)
