"""AttachmentsRow: the learner's files, each one a checkbox; attaching is their choice."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Checkbox, Label

from simulator.tui.literal import literal
from simulator.tui.widgets.marked_toggles import MarkedCheckbox


class AttachmentsRow(Horizontal):
    """``Attach: [ ] resume.pdf``; nothing is attached unless the learner ticks it."""

    DEFAULT_CSS = """
    AttachmentsRow { height: auto; width: auto; }
    AttachmentsRow > Label { padding: 0 1 0 0; }
    AttachmentsRow > Checkbox { border: none; padding: 0 1 0 0; height: 1; width: auto; }
    """

    class Changed(Message):
        """A file was ticked or unticked."""

        def __init__(self, row: AttachmentsRow) -> None:
            super().__init__()
            self.row = row

    def __init__(
        self, files: Iterable[str], attached: Iterable[str] = (), *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.files = list(files)
        self._initial = set(attached)

    def compose(self) -> ComposeResult:
        yield Label("Attach:")
        for index, name in enumerate(self.files):
            yield MarkedCheckbox(
                literal(name), name in self._initial, id=f"attach-{index}", compact=True
            )

    def selected(self) -> tuple[str, ...]:
        """The files ticked, in their listed order."""
        return tuple(
            name
            for index, name in enumerate(self.files)
            if self.query_one(f"#attach-{index}", Checkbox).value
        )

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self))
