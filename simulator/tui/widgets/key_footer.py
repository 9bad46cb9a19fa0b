"""The footer of every screen: Textual's ``Footer``, without restyling each key twice.

Textual 8's ``Footer`` rebuilds its keys whenever the screen's bindings change (a focus
move, a screen shown). Each new ``FooterKey`` starts with ``compact=True``: mounting it
adds the ``-compact`` class and restyles it, then its binding to the footer's
``compact=False`` removes the class and restyles it again. Those two restyles per key
were about a sixth of the app's CPU in the test suite. Here each key is given the
footer's ``compact`` value (and the matching class) before it is mounted, so neither
happens; the keys look exactly as before.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """The key bindings of the screen, one line at the bottom (CSS type ``Footer``)."""

    def compose(self) -> ComposeResult:
        """Textual's keys, each already in the footer's compact state."""
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                bound = "compact" in (getattr(widget, "_reactive_connect", None) or {})
                compact = self.compact if bound else True  # FooterKey's own default
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget
