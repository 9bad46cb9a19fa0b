"""Helpers shared by the reader's tests."""

from __future__ import annotations

from simulator.reading import PITCH_IDS, read


def pitched(text: str, stage: str = "outreach") -> bool:
    """Whether the reader finds any kind of pitch in ``text`` at ``stage``."""
    return any(read(text, stage).has(p) for p in PITCH_IDS)
