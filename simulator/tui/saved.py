"""Saved attempts, without Textual: the attempts folder read back as reports and transcripts.

``storage.load_attempts`` gives plain dicts; this turns one back into the ``Report`` and
``Transcript`` the report screen shows (no re-grading: what was saved is what is shown).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from simulator.content import CRITERIA
from simulator.conversation import Transcript
from simulator.grading import CriterionScore, Finding, Report


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
        return report_from_dict(self.raw.get("report") or {})

    def transcript(self) -> Transcript | None:
        try:
            return Transcript.from_dict(self.raw.get("transcript") or {})
        except (KeyError, TypeError, ValueError):
            return None


def report_from_dict(raw: dict[str, Any]) -> Report:
    """Rebuild a ``Report`` from its ``to_dict`` form (unknown keys ignored)."""
    finding_keys = {f.name for f in fields(Finding)}
    findings = tuple(
        Finding(**{k: v for k, v in item.items() if k in finding_keys})
        for item in raw.get("findings", [])
        if isinstance(item, dict)
    )
    order = {cid: i for i, cid in enumerate(CRITERIA)}
    # Saved files sort their keys: put the criteria back in the rubric's fixed order.
    items = sorted(
        dict(raw.get("criteria") or {}).items(), key=lambda kv: order.get(kv[0], len(order))
    )
    criteria = tuple(
        CriterionScore(
            id=str(cid),
            name=str(data.get("name", cid)),
            weight=int(data.get("weight", 0)),
            score=data.get("score"),
            base=int(data.get("base", 0)),
            findings=tuple(int(i) for i in data.get("findings", [])),
        )
        for cid, data in items
        if isinstance(data, dict)
    )
    return Report(
        scenario=str(raw.get("scenario", "")),
        persona=str(raw.get("persona", "")),
        score=int(raw.get("score", 0)),
        passed=bool(raw.get("passed", False)),
        pass_mark=int(raw.get("pass_mark", 0)),
        criteria=criteria,
        findings=findings,
        blockers=tuple(str(b) for b in raw.get("blockers", [])),
        outcome=tuple(str(o) for o in raw.get("outcome", [])),
        tips=tuple(str(t) for t in raw.get("tips", [])),
        verdict=str(raw.get("verdict", "")),
    )


def load_saved() -> list[SavedAttempt]:
    """Every readable saved attempt, newest first."""
    from simulator.storage import load_attempts

    rows = [SavedAttempt.from_record(r) for r in load_attempts()]
    return sorted(rows, key=lambda r: (r.finished, r.id), reverse=True)
