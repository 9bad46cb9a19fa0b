"""Untrusted JSON files, without a UI: size capped before parsing, depth and numbers bounded.

Assignments travel by email and submissions come back from learners; both are data from
outside. ``read_json`` refuses a file that is too big (checked before a byte is parsed),
not UTF-8, not JSON, nested too deeply, or carrying non-finite or absurdly long numbers,
always with a one-line reason (``JsonFileError``) and never with a traceback.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from simulator.storage import read_regular

MAX_DEPTH = 24
"""Deepest nesting accepted: a submission needs about 7 levels."""
MAX_NUMBER_CHARS = 40
"""Longest number literal accepted (refuses 10**100000 before int() runs on it)."""

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class JsonFileError(ValueError):
    """A file that is not acceptable JSON; the message says why, in one line."""


def read_json(path: Path, max_bytes: int) -> Any:
    """Parse a JSON file of at most ``max_bytes``; raise JsonFileError otherwise."""
    try:
        raw = read_regular(path, max_bytes)  # never opens a FIFO (it would block)
    except OSError as exc:
        raise JsonFileError(f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise JsonFileError(f"too large (over {max_bytes // 1024:,} KB); refused unread")
    return parse_json(raw)


def parse_json(raw: bytes) -> Any:
    """Parse JSON bytes with the limits of ``read_json`` (the size is the caller's)."""
    if not raw.strip():
        raise JsonFileError("empty file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonFileError(f"not UTF-8 text (byte {exc.start})") from None
    _check_depth(text)
    try:
        return json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_int=_parse_int,
            parse_float=_parse_float,
        )
    except JsonFileError:
        raise
    except json.JSONDecodeError as exc:
        return _raise(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")
    except (ValueError, RecursionError) as exc:
        return _raise(f"not valid JSON ({type(exc).__name__})")


def _raise(message: str) -> Any:
    raise JsonFileError(message)


def _check_depth(text: str) -> None:
    """Refuse deep nesting before the parser recurses into it (strings are skipped)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    depth = 0
    for ch in brackets:
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise JsonFileError(f"nested more than {MAX_DEPTH} levels deep")
        else:
            depth -= 1


def _refuse_constant(name: str) -> Any:
    raise JsonFileError(f"{name} is not a number this tool accepts")


def _parse_int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARS:
        raise JsonFileError(f"a number with {len(literal):,} digits")
    return int(literal)


def _parse_float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_CHARS:
        raise JsonFileError(f"a number with {len(literal):,} characters")
    value = float(literal)
    if not math.isfinite(value):
        raise JsonFileError(f"the number {literal[:20]} is out of range")
    return value
