"""The persona's decision on a message, without a UI: one judgement, one place.

``simulator analyze`` and a live session both call ``decide``, so the draft checker can
never disagree with what the persona does with the same text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.content.models import Persona
from simulator.reading import PITCH_IDS, Reading

# Points an outreach earns; the persona accepts at ``temperament.accept_threshold``.
OUTREACH_POINTS: dict[str, int] = {
    "bounded_time_ask": 2,
    "acknowledges_busy": 1,
    "personalized": 1,
    "mutual_referral": 2,
    "clear_purpose": 1,
    "flexible_scheduling": 1,
    "open_ended_time_ask": -2,
    "long_time_ask": -2,
    "long_message": -2,
    "repeated_contact": -3,
    "name_drop": -1,
}
NO_TIME_ASK_POINTS = -1
FOLLOW_UP_POINTS = 1
DEFAULT_MINUTES = 15


@dataclass(frozen=True)
class Decision:
    """What the persona does with a message, with the reasons in plain words."""

    reply: str
    """``accept``, ``redirect`` or ``silence``."""
    minutes: int = 0
    points: int = 0
    threshold: int = 0
    reasons: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        return {
            "reply": self.reply,
            "minutes": self.minutes,
            "points": self.points,
            "threshold": self.threshold,
            "reasons": list(self.reasons),
        }


def decide(
    reading: Reading,
    persona: Persona,
    *,
    max_minutes: int = 20,
    follow_up: bool = False,
    days_since_first: int | None = None,
) -> Decision:
    """Decide accept / redirect / silence for an outreach or follow-up reading."""
    temperament = persona.temperament
    reasons: list[str] = []
    pitches = [s for s in reading.signals if s.id in PITCH_IDS]
    if pitches:
        for signal in pitches:
            reasons.append(f"reads as a job pitch ({signal.id}): \u201c{signal.quote}\u201d")
        return Decision(
            temperament.on_pitch, 0, -10, temperament.accept_threshold, tuple(_unique(reasons))
        )
    points = 0
    seen: set[str] = set()
    for signal in reading.signals:
        value = OUTREACH_POINTS.get(signal.id)
        if value is None or signal.id in seen:
            continue
        seen.add(signal.id)
        points += value
        reasons.append(
            f"{value:+d} {signal.id.replace('_', ' ')}: \u201c{_short(signal.quote)}\u201d"
        )
    if reading.time_ask is None:
        points += NO_TIME_ASK_POINTS
        reasons.append(f"{NO_TIME_ASK_POINTS:+d} no clear ask for a short, named amount of time")
    if follow_up:
        if days_since_first is not None and days_since_first < temperament.min_follow_up_days:
            points -= 3
            reasons.append(
                f"-3 follow-up after {days_since_first} days is sooner than "
                f"{temperament.min_follow_up_days} days: it reads as pushy"
            )
        else:
            points += FOLLOW_UP_POINTS
            reasons.append(f"{FOLLOW_UP_POINTS:+d} a single, patient follow-up")
    threshold = temperament.accept_threshold
    if points >= threshold:
        asked = reading.time_ask.minutes if reading.time_ask else None
        minutes = min(asked or DEFAULT_MINUTES, temperament.max_minutes, max_minutes)
        reasons.append(f"{points} points reach this persona's bar of {threshold}: a yes")
        return Decision("accept", minutes, points, threshold, tuple(reasons))
    reasons.append(f"{points} points fall short of this persona's bar of {threshold}: no reply")
    return Decision("silence", 0, points, threshold, tuple(reasons))


def _short(quote: str, limit: int = 60) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= limit else quote[: limit - 1] + "\u2026"


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
