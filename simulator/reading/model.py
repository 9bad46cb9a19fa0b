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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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
    bounded_minutes: int = 30
    """The longest ask that still reads as short to this persona (its ``max_minutes``)."""
    pitch_files: tuple[str, ...] | None = None
    """The attachments that count as a pitch (the persona's attachment policy, applied by
    the engine); None means "judge by the file name as a resume or CV"."""

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["attachments"] = list(self.attachments)
        if self.pitch_files is None:
            del out["pitch_files"]
        else:
            out["pitch_files"] = list(self.pitch_files)
        if self.bounded_minutes == 30:
            del out["bounded_minutes"]  # older transcripts never recorded it
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
            bounded_minutes=int(raw.get("bounded_minutes", 30)),
            pitch_files=(
                None
                if raw.get("pitch_files") is None
                else tuple(str(a) for a in raw.get("pitch_files") or [])
            ),
        )


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
