"""The footer of every screen: Textual's ``Footer``, rebuilt less and restyled less.

Textual 8's ``Footer`` rebuilds all its keys whenever the screen publishes its bindings
(every focus move, every screen shown), even when the keys it would show are the same.
Each rebuild removes and mounts a widget per key, and each new ``FooterKey`` starts with
``compact=True``: mounting it adds the ``-compact`` class and restyles it, then its
binding to the footer's ``compact=False`` removes the class and restyles it again.

Here the footer rebuilds only when what it shows changes (the keys, their descriptions,
whether they are enabled, their tooltips), and each key is given the footer's
``compact`` value (and the matching class) before it is mounted. The keys look exactly
as before. (The command palette's key is not bound to the footer and stays compact, as
in Textual.)
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """The key bindings of the screen, one line at the bottom (CSS type ``Footer``)."""

    _shown: Hashable = None
    """What the keys showed when they were last built (None: not built yet)."""

    def compose(self) -> ComposeResult:
        """Textual's keys, each already in the footer's compact state."""
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                bound = "compact" in (getattr(widget, "_reactive_connect", None) or {})
                compact = self.compact if bound else True  # FooterKey's own default
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild the keys after the next refresh, as Textual does, if they changed."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    def _showing(self) -> Hashable:
        """Everything ``compose`` reads from the screen's bindings."""
        active = self.screen.active_bindings
        keys = tuple(
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in active.values()
            if binding.show
        )
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        palette_key = palette[1:] if palette is not None else None
        shown = self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE
        return keys, palette_key, shown, self.combine_groups

    async def _rebuild_if_changed(self) -> None:
        if not self.is_attached:
            return
        showing = self._showing()
        if showing == self._shown:
            return
        self._shown = showing
        await self.recompose()
