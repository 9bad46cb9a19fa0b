"""Saved attempts, without Textual: the attempts folder read back as reports and transcripts.

``storage.load_attempts`` gives plain dicts; ``Report.from_dict`` and
``Transcript.from_dict`` turn one back into what the report screen shows (no re-grading:
what was saved is what is shown).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from simulator.practice import Report, Transcript


@dataclass(frozen=True)
class SavedAttempt:
    """One row of the past-attempts list."""

    id: str
    scenario: str
    title: str
    finished: str
    score: int | None
    passed: bool | None
    mode: str
    raw: dict[str, Any]

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SavedAttempt:
        score = record.get("score")
        passed = record.get("passed")
        raw_meta = record.get("meta")
        meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
        return cls(
            id=str(record.get("id", "")),
            scenario=str(record.get("scenario", "?")),
            title=str(record.get("title") or record.get("scenario") or "?"),
            finished=str(record.get("finished", "")),
            score=score if isinstance(score, int) and not isinstance(score, bool) else None,
            passed=passed if isinstance(passed, bool) else None,
            mode=str(meta.get("mode", "")),
            raw=record,
        )

    def report(self) -> Report:
        return Report.from_dict(self.raw.get("report") or {})

    def transcript(self) -> Transcript | None:
        try:
            return Transcript.from_dict(self.raw.get("transcript") or {})
        except (KeyError, TypeError, ValueError):
            return None


def load_saved() -> list[SavedAttempt]:
    """Every readable saved attempt, newest first."""
    from simulator.storage import load_attempts

    rows = [SavedAttempt.from_record(r) for r in load_attempts()]
    return sorted(rows, key=lambda r: (r.finished, r.id), reverse=True)
