"""What a learner can do in a session, without a UI: one small dataclass per action.

Each has a plain-dict form (``to_dict``/``parse_input``) used by journals and replays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.content.models import OutreachStage

DEFAULT_FOLLOW_UP_DAYS = 7
"""Days after the first message a follow-up goes out when nobody says otherwise."""
MAX_INPUT_CHARS = 10_000
"""Longest text one turn may carry; longer input is refused and the draft kept."""


class InputError(ValueError):
    """The learner's input cannot be sent as it is (the draft is kept by the caller)."""


@dataclass(frozen=True)
class Outreach:
    """The first email or note."""

    body: str
    subject: str = ""
    attachments: tuple[str, ...] = ()
    action: str = field(default="outreach", init=False)


@dataclass(frozen=True)
class FollowUp:
    """A follow-up after silence, ``after_days`` after the first message."""

    body: str
    after_days: int = DEFAULT_FOLLOW_UP_DAYS
    subject: str = ""
    action: str = field(default="follow_up", init=False)


@dataclass(frozen=True)
class Say:
    """One thing said in the meeting."""

    text: str
    action: str = field(default="say", init=False)


@dataclass(frozen=True)
class ThankYou:
    """The thank-you note, ``after_hours`` after the meeting."""

    body: str
    after_hours: int = 12
    subject: str = ""
    action: str = field(default="thank_you", init=False)


@dataclass(frozen=True)
class Skip:
    """Decline the current step: no follow-up, or no thank-you note."""

    action: str = field(default="skip", init=False)


Input = Outreach | FollowUp | Say | ThankYou | Skip


def to_dict(item: Input) -> dict[str, Any]:
    """The plain form recorded in transcripts and journals."""
    out: dict[str, Any] = {"action": item.action}
    for key, value in item.__dict__.items():
        if key != "action":
            out[key] = list(value) if isinstance(value, tuple) else value
    return out


def parse_input(raw: dict[str, Any]) -> Input:
    """Rebuild an input from its plain form; raises InputError on anything malformed."""
    if not isinstance(raw, dict):
        raise InputError("an input must be a mapping")
    action = raw.get("action")
    try:
        if action == "outreach":
            return Outreach(
                body=_text(raw.get("body")),
                subject=_text(raw.get("subject", "")),
                attachments=tuple(_text(a) for a in raw.get("attachments", []) or []),
            )
        if action == "follow_up":
            return FollowUp(
                body=_text(raw.get("body")),
                after_days=_int(raw.get("after_days", 7)),
                subject=_text(raw.get("subject", "")),
            )
        if action == "say":
            return Say(_text(raw.get("text")))
        if action == "thank_you":
            return ThankYou(
                body=_text(raw.get("body")),
                after_hours=_int(raw.get("after_hours", 12)),
                subject=_text(raw.get("subject", "")),
            )
        if action == "skip":
            return Skip()
    except (TypeError, ValueError) as exc:
        raise InputError(f"bad {action} input: {exc}") from None
    raise InputError(f"unknown action {action!r}")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("expected a whole number")
    return value


def check_text(text: str, what: str) -> str:
    """Refuse empty or oversized text with a one-line reason (the caller keeps the draft)."""
    if not text.strip():
        raise InputError(f"{what} is empty: write something before sending")
    if len(text) > MAX_INPUT_CHARS:
        raise InputError(
            f"{what} is {len(text):,} characters; the limit is {MAX_INPUT_CHARS:,}. "
            "Your draft is kept: shorten it and send again"
        )
    return text


def validate(item: Input, outreach: OutreachStage | None) -> None:
    """Refuse an input that cannot be sent as it is (InputError; the draft is kept).

    Texts must be non-empty and within the length limit; an outreach or follow-up must
    also fit the scenario's channel limit (``outreach.max_chars``).
    """
    match item:
        case Outreach() | FollowUp() | ThankYou():
            check_text(item.body, "the message")
        case Say():
            check_text(item.text, "what you say")
    if (
        isinstance(item, Outreach | FollowUp)
        and outreach
        and outreach.max_chars
        and len(item.body) > outreach.max_chars
    ):
        raise InputError(
            f"a {outreach.channel} note is limited to {outreach.max_chars} characters; "
            f"yours has {len(item.body)}. Your draft is kept"
        )
