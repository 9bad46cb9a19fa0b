"""The app's footer shows the same keys, styled the same way, as Textual's own footer."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

from simulator.tui.widgets.key_footer import KeyFooter


class _Keys(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "noop", "Send"),
        Binding("f4", "noop", "Wrap up"),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(self, footer: type[Footer]) -> None:
        super().__init__()
        self.footer = footer

    def compose(self) -> ComposeResult:
        yield Input()
        yield self.footer()

    def action_noop(self) -> None:
        pass


async def _keys(footer: type[Footer]) -> list[tuple[Any, ...]]:
    app = _Keys(footer)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        shown: list[tuple[Any, ...]] = [
            (k.key, k.compact, k.has_class("-compact"), str(k.render()), k.region) for k in keys
        ]
        shown.append(("line", app.screen.query_one(Footer).region))
        return shown


async def test_the_footer_looks_like_textuals() -> None:
    ours, textuals = await _keys(KeyFooter), await _keys(Footer)
    assert ours == textuals
    palette = [key for key in ours if key[0] == "ctrl+p"]
    assert palette and palette[0][1] is True  # the palette's key stays compact
    assert any(key[1] is False for key in ours if key[0] == "f2")
