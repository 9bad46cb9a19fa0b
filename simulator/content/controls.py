"""Control characters in content, without a UI: a validation error, never a terminal effect.

PyYAML already refuses a raw escape byte in a file, but a double-quoted scalar can still
spell one (``"\\e]0;title\\a"``, ``"\\x9b2J"``, ``"\\u202e"``), and bidi overrides are
legal YAML text. Any such character in any key or value of a scenario or persona is
reported as ``path:line:col`` with a hint, so ``validate`` and every command refuse it.
"""

from __future__ import annotations

from typing import Any

from simulator.content.errors import ContentError
from simulator.content.safe_yaml import Located
from simulator.textsafe import BIDI_CONTROLS, unsafe_characters

_NAMES = {
    "\x1b": "an escape character (ESC), which starts a terminal control sequence",
    "\x07": "a bell character (BEL), which ends a terminal title change",
    "\r": "a carriage return, which moves the terminal cursor back over the line",
    "\x08": "a backspace, which moves the terminal cursor back",
    "\x9b": "an 8-bit control sequence introducer (CSI)",
    "\x9d": "an 8-bit operating system command (OSC), which can retitle a terminal",
}
HINT = (
    "remove it: content is plain text (newlines and tabs are fine; escapes such as "
    "\\e, \\x1b, \\u202e are not)"
)


def _describe(ch: str) -> str:
    code = f"U+{ord(ch):04X}"
    if ch in _NAMES:
        return f"{code}, {_NAMES[ch]}"
    if ch in BIDI_CONTROLS:
        return f"{code}, a bidi override that makes the text read differently than it is"
    if "\ud800" <= ch <= "\udfff":
        return f"{code}, a lone surrogate (not a character)"
    return f"{code}, a control character a terminal would act on"


def control_errors(located: Located) -> list[ContentError]:
    """One error per key or value holding a control character, escape or bidi override."""
    errors: list[ContentError] = []
    _walk(located, located.data, (), errors)
    return errors


def _walk(located: Located, value: Any, path: tuple[Any, ...], errors: list[ContentError]) -> None:
    if isinstance(value, str):
        _check(located, value, path, errors, at_value=True)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                _check(located, key, (*path, key), errors, at_value=False)
            _walk(located, item, (*path, key), errors)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(located, item, (*path, index), errors)


def _check(
    located: Located,
    text: str,
    path: tuple[Any, ...],
    errors: list[ContentError],
    *,
    at_value: bool,
) -> None:
    found = next(iter(unsafe_characters(text)), None)
    if found is None:
        return
    where = ".".join(str(p) for p in path) or "the document"
    what = "key" if not at_value else "text"
    message = f"{where}: {what} holds {_describe(found[1])}; {HINT}"
    errors.append(located.error(path, message, at_value=at_value))
