"""TooSmallScreen: says how big the terminal needs to be, and goes away when it is."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static


class TooSmallScreen(ModalScreen[None]):
    """Shown over everything while the terminal is below the minimum size."""

    CSS_PATH = "too_small.tcss"

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.need = (width, height)

    def compose(self) -> ComposeResult:
        width, height = self.need
        yield Static(
            Text(
                f"This terminal is too small.\nThe simulator needs at least {width}x{height}; "
                "make the window bigger and it will come back where you were.",
                justify="center",
            ),
            id="too-small-message",
        )
