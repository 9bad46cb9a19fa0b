"""The app's footer shows the same keys, styled the same way, as Textual's own footer, and
follows the focus: a key that comes or goes with the focused widget comes or goes."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Input, Static
from textual.widgets._footer import FooterKey

from simulator.tui.widgets.key_footer import KeyFooter


class _Refreshable(Static, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f5", "app.noop", "Refresh")]


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
        yield Input(id="field")
        yield _Refreshable("list", id="list")
        yield self.footer()

    def action_noop(self) -> None:
        pass


def _shown(app: App[None]) -> list[tuple[Any, ...]]:
    keys = list(app.screen.query(FooterKey))
    shown: list[tuple[Any, ...]] = [
        (k.key, k.compact, k.has_class("-compact"), str(k.render()), k.region) for k in keys
    ]
    shown.append(("line", app.screen.query_one(Footer).region))
    return shown


async def _keys(footer: type[Footer]) -> list[list[tuple[Any, ...]]]:
    """What the footer shows with the field focused, the list, then the field again."""
    app = _Keys(footer)
    seen = []
    async with app.run_test(size=(80, 24)) as pilot:
        for target in ("#field", "#list", "#field"):
            app.set_focus(app.query_one(target))
            await pilot.pause()
            await pilot.pause()
            seen.append(_shown(app))
    return seen


async def test_the_footer_looks_like_textuals_and_follows_the_focus() -> None:
    ours, textuals = await _keys(KeyFooter), await _keys(Footer)
    assert ours == textuals
    field, listing, field_again = ([key[0] for key in state] for state in ours)
    assert "f5" not in field and "f5" in listing and field_again == field
    palette = [key for key in ours[0] if key[0] == "ctrl+p"]
    assert palette and palette[0][1] is True  # the palette's key stays compact
    assert any(key[1] is False for key in ours[0] if key[0] == "f2")
