"""Persona meters, without a UI: how a reading moves patience and rapport.

A signal's effect comes from its polarity and criterion, scaled by the persona's
sensitivity to that signal (pet peeves are > 1). Values stay within 0-100.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulator.reading import Reading

if TYPE_CHECKING:  # read by attribute only (see judgement)
    from simulator.content.models import Persona

# (patience, rapport) moved by one occurrence of a signal, by criterion and polarity.
_EFFECTS: dict[tuple[str, str], tuple[int, int]] = {
    ("no_pitch", "negative"): (-25, -15),
    ("respect_time", "negative"): (-12, -4),
    ("respect_time", "positive"): (3, 3),
    ("relationship", "negative"): (-4, -10),
    ("relationship", "positive"): (2, 6),
    ("questions", "negative"): (-12, -6),
    ("questions", "positive"): (1, 5),
    ("follow_through", "positive"): (0, 6),
    ("follow_through", "negative"): (0, -8),
}
TURN_COST = 2
"""Patience every meeting turn costs: even good meetings tire a busy person."""
MONOLOGUE_WORDS = 90
MONOLOGUE_COST = 10


@dataclass
class Meters:
    """The persona's current patience and rapport."""

    patience: int
    rapport: int

    def as_dict(self) -> dict[str, int]:
        return {"patience": self.patience, "rapport": self.rapport}


def effect(reading: Reading, persona: Persona, *, meeting: bool) -> tuple[int, int]:
    """How much one reading moves (patience, rapport)."""
    patience = rapport = 0
    seen: set[str] = set()
    for signal in reading.signals:
        if signal.id in seen:
            continue
        seen.add(signal.id)
        base = _EFFECTS.get((signal.criterion, signal.polarity), (0, 0))
        scale = persona.temperament.sensitivity.get(signal.id, 1.0)
        patience += round(base[0] * scale)
        rapport += round(base[1] * scale)
    if meeting:
        patience -= TURN_COST
        if reading.words > MONOLOGUE_WORDS:
            patience -= MONOLOGUE_COST
    return patience, rapport


def apply(meters: Meters, delta: tuple[int, int]) -> Meters:
    return Meters(
        max(0, min(100, meters.patience + delta[0])), max(0, min(100, meters.rapport + delta[1]))
    )
