"""What the reader returns, without a UI: signals with quotes and spans, topic, time ask."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

STAGES = ("outreach", "follow_up", "meeting", "thank_you")


@dataclass(frozen=True)
class Signal:
    """One occurrence of a signal in a text: the words that showed it and where."""

    id: str
    polarity: str
    criterion: str
    quote: str
    start: int
    end: int
    source: str = "lexicon"
    """``lexicon`` (a phrase or frame), ``model`` (the learned intent model) or ``context``."""
    confidence: float | None = None
    """The model's confidence (0-1) for a model finding; None for a lexicon phrase."""
    weighed: tuple[str, ...] = ()
    """For a model finding, the words that weighed most, strongest first."""
    part: str = "body"
    """``body``, or ``subject`` when the span is in the subject line (``Context.subject``)."""

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["weighed"] = list(self.weighed)
        return out


@dataclass(frozen=True)
class TimeAsk:
    """A request for time: how many minutes (None when no duration was named)."""

    minutes: int | None
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Context:
    """What the reader needs beyond the words: the stage's situation."""

    attachments: tuple[str, ...] = ()
    resume_requested: bool = False
    """The persona asked for the resume earlier, so offering or sending it is fine."""
    prior_messages: int = 0
    """How many messages the learner sent before this one without an answer."""
    days_since_last: int | None = None
    max_words: int = 150
    max_chars: int | None = None
    referrers: tuple[str, ...] | None = None
    """Who really suggested the learner write, from the scenario's facts (None: not stated)."""
    echoes: bool = False
    """The text repeats the persona's own words (the session compares them)."""
    subject: str = ""
    """The email's subject line, read as part of the message (its spans say ``subject``)."""
    bounded_minutes: int = 30
    """The longest ask that still reads as short to this persona (its ``max_minutes``)."""
    pitch_files: tuple[str, ...] | None = None
    """The attachments that count as a pitch (the persona's attachment policy, applied by
    the engine); None means "judge by the file name as a resume or CV"."""
    channel: str = ""
    """How the outreach reaches the persona (``phone``, ``email``...; '' when not stated).
    On the phone, "I'm calling you because..." is the call itself, not a chase."""

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["attachments"] = list(self.attachments)
        # Written only when set, so transcripts recorded before these existed read the same.
        del out["referrers"], out["echoes"]
        if self.referrers is not None:
            out["referrers"] = list(self.referrers)
        if self.echoes:
            out["echoes"] = True
        if self.pitch_files is None:
            del out["pitch_files"]
        else:
            out["pitch_files"] = list(self.pitch_files)
        if self.bounded_minutes == 30:
            del out["bounded_minutes"]  # older transcripts never recorded it
        if not self.channel:
            del out["channel"]
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Context:
        """Rebuild a context recorded in a transcript (types checked, extras ignored)."""
        days = raw.get("days_since_last")
        chars = raw.get("max_chars")
        return cls(
            attachments=tuple(str(a) for a in raw.get("attachments", []) or []),
            resume_requested=bool(raw.get("resume_requested", False)),
            prior_messages=int(raw.get("prior_messages", 0)),
            days_since_last=None if days is None else int(days),
            max_words=int(raw.get("max_words", 150)),
            max_chars=None if chars is None else int(chars),
            referrers=_names(raw.get("referrers")),
            echoes=bool(raw.get("echoes", False)),
            subject=str(raw.get("subject", "") or ""),
            bounded_minutes=int(raw.get("bounded_minutes", 30)),
            pitch_files=(
                None
                if raw.get("pitch_files") is None
                else tuple(str(a) for a in raw.get("pitch_files") or [])
            ),
            channel=str(raw.get("channel", "") or ""),
        )


def _names(raw: Any) -> tuple[str, ...] | None:
    if raw is None:
        return None
    return tuple(str(n) for n in raw) if isinstance(raw, list | tuple) else ()


@dataclass(frozen=True)
class Reading:
    """The reader's understanding of one learner text."""

    text: str
    stage: str
    words: int
    signals: tuple[Signal, ...] = ()
    topic: str | None = None
    time_ask: TimeAsk | None = None
    wraps_up: bool = False
    """The learner offers to end the meeting (respecting the persona's time)."""
    is_question: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def has(self, signal_id: str) -> bool:
        return any(s.id == signal_id for s in self.signals)

    def ids(self) -> list[str]:
        """Signal ids in order of first appearance, each once."""
        return list(dict.fromkeys(s.id for s in self.signals))

    def first(self, signal_id: str) -> Signal | None:
        return next((s for s in self.signals if s.id == signal_id), None)

    def negatives(self) -> list[Signal]:
        return [s for s in self.signals if s.polarity == "negative"]
