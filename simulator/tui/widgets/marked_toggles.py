"""MarkedCheckbox and MarkedRadioButton: toggles whose state reads without colour.

Textual draws the same mark for on and off and tells them apart by colour only; with
``NO_COLOR`` or a monochrome terminal an attached resume looked like an unattached one.
These show the mark only when on, so ``▐X▌`` and ``▐ ▌`` differ in any terminal.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton


class _Marked:
    """Mixin: the inner mark is blank while the toggle is off."""

    BUTTON_INNER: str
    value: bool

    @property
    def _button(self) -> Content:
        mark = type(self).BUTTON_INNER
        self.BUTTON_INNER = mark if self.value else " "
        try:
            return super()._button  # type: ignore[misc,no-any-return]
        finally:
            del self.BUTTON_INNER


class MarkedCheckbox(_Marked, Checkbox):
    """A checkbox showing ``X`` when ticked and a blank when not."""


class MarkedRadioButton(_Marked, RadioButton):
    """A radio button showing ``●`` when chosen and a blank when not."""
