"""Parsed Textual CSS shared by every stylesheet in the process.

Textual keeps parsed rules in a cache per ``Stylesheet``, but ``Stylesheet.reparse()``
(run each time a screen with its own ``CSS_PATH`` is first shown, and when the theme is
set) parses into a fresh ``Stylesheet``: the cache goes with the old one, and every
source so far (the app's files and every widget's ``DEFAULT_CSS``) is parsed again. Over
a play-through that is about a tenth of the app's CPU, and a new ``App`` in the same
process (the tests start hundreds) starts from nothing again.

``install()`` puts a process-wide memory in front of ``Stylesheet._parse_rules``. Parsing
is a function of the CSS text, where it was read from, its default flag, tie-breaker,
scope and the CSS variables (the theme), so all of them are the key; the rules Textual
returns are the ones it already reuses between parses of one stylesheet. Rules with
errors are remembered with their errors, so the stylesheet fails on them as before; a
source Textual cannot tokenise raises and is not remembered.
"""

from __future__ import annotations

from typing import Any

from textual.cache import LRUCache
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

_SIZE = 512
"""Sources remembered: the app's files and widgets' CSS, for a few themes."""
_SHARED: LRUCache[tuple[Any, ...], list[RuleSet]] = LRUCache(_SIZE)
_ORIGINAL = Stylesheet._parse_rules


def _parse_rules(
    self: Stylesheet,
    css: str,
    read_from: Any,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    """Textual's ``_parse_rules``, answered from the process-wide memory when it can."""
    key = (
        css,
        read_from,
        is_default_rules,
        tie_breaker,
        scope,
        tuple(self._variables.items()),
    )
    rules = _SHARED.get(key)
    if rules is None:
        rules = _ORIGINAL(self, css, read_from, is_default_rules, tie_breaker, scope)
        _SHARED[key] = rules
    return rules


def install() -> None:
    """Share parsed CSS between stylesheets from now on (calling it again does nothing)."""
    if Stylesheet._parse_rules is not _parse_rules:
        Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]


def clear() -> None:
    """Forget every parsed source (the next parse of each is done afresh)."""
    _SHARED.clear()
