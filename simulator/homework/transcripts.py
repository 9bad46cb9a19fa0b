"""Transcript turns as a coach or learner reads them, without a UI: who, when, subject, files.

The class page and the feedback pages both show whole transcripts; this module gives
each turn its facts in plain words: who spoke, when it was sent (day N of the exchange,
or minute M of the meeting; for a thank-you, the hours after the meeting), the subject
line and the attachments of an email. ``plain`` removes control characters (escape
sequences, bidi overrides) from any text taken from a submission, keeping line breaks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def plain(text: Any) -> str:
    """Text without control or format characters (newlines and tabs kept)."""
    text = str(text)
    if text.isascii():  # the common case, done without a look at every character
        return _ASCII_CONTROLS.sub("", text)
    return "".join(
        ch
        for ch in text
        if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
    )


@dataclass(frozen=True)
class TurnView:
    """One transcript turn, ready to render."""

    n: int
    who: str
    """``learner``, ``persona`` or ``event``."""
    label: str
    """The speaker's name ("You" for the learner), empty for events."""
    when: str
    stage: str
    subject: str
    attachments: tuple[str, ...]
    text: str


def turn_views(transcript: dict[str, Any], learner: str = "You") -> list[TurnView]:
    """Every turn with text, in order (meter events and empty turns are left out)."""
    identities = transcript.get("identities") or {}
    persona = plain(identities.get("persona_name", "The persona")) or "The persona"
    views = []
    for turn in transcript.get("turns") or []:
        if not isinstance(turn, dict):
            continue
        text = plain(turn.get("text", ""))
        if not text.strip():
            continue
        who = str(turn.get("who", "event"))
        data = _dict(turn.get("data"))
        raw = _dict(data.get("input"))
        found = raw.get("attachments")
        attachments: list[Any] = found if isinstance(found, list) else []
        views.append(
            TurnView(
                n=int(turn.get("n", 0) or 0),
                who=who,
                label={"learner": learner, "persona": persona}.get(who, ""),
                when=_when(turn, raw),
                stage=plain(turn.get("stage", "")).replace("_", " "),
                subject=plain(raw.get("subject", "")),
                attachments=tuple(plain(a) for a in attachments[:20]),
                text=text,
            )
        )
    return views


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _when(turn: dict[str, Any], raw: dict[str, Any]) -> str:
    minute = turn.get("minute")
    day = turn.get("day")
    if isinstance(minute, int | float) and not isinstance(minute, bool):
        return f"day {day}, minute {minute:g} of the meeting"
    hours = raw.get("after_hours")
    if isinstance(hours, int | float) and not isinstance(hours, bool):
        return f"day {day}, {hours:g} hours after the meeting"
    return f"day {day}" if isinstance(day, int) else ""
