"""The process-wide CSS memory gives the same rules Textual would parse, per theme."""

from __future__ import annotations

from textual.color import Color
from textual.css.stylesheet import Stylesheet

from simulator.tui import css_cache

CSS = "Label { color: $accent; }"


def _sheet(accent: str) -> Stylesheet:
    sheet = Stylesheet(variables={"accent": accent})
    sheet.add_source(CSS, read_from=("test.tcss", ""))
    sheet.parse()
    return sheet


def test_a_second_stylesheet_reuses_the_parsed_rules_and_a_new_theme_parses_again() -> None:
    css_cache.install()
    css_cache.clear()
    first, second = _sheet("red"), _sheet("red")
    assert second.rules[0] is first.rules[0]
    assert first.rules[0].styles.color == Color.parse("red")
    other_theme = _sheet("blue")
    assert other_theme.rules[0] is not first.rules[0]
    assert other_theme.rules[0].styles.color == Color.parse("blue")
