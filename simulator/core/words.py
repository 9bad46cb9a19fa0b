"""Counts in words, for every learner-facing line: "1 hour", "2 hours", never "1 hours"."""

from __future__ import annotations

IRREGULAR = {"reply": "replies", "was": "were", "person": "people"}


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``count`` and ``noun`` in the right number: ``plural(1, "turn")`` is "1 turn"."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {many or IRREGULAR.get(noun) or noun + 's'}"
