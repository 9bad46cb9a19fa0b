"""The report, without a UI: scores per criterion, findings with quotes and tips, outcome.

Its ``to_dict`` form is the stable JSON contract (`run --json`, submissions, review).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from simulator.core.criteria import CRITERIA
from simulator.core.criteria import CRITERION_NAMES as CRITERION_NAMES


@dataclass(frozen=True)
class Finding:
    """One point won or lost: which rule, the learner's words, where, and how to do better."""

    signal: str
    criterion: str
    polarity: str
    points: int
    rule: str
    tip: str
    quote: str
    turn: int
    stage: str
    start: int = 0
    end: int = 0
    blocker: bool = False
    rewrite: str = ""
    """An example of better wording for this rule (empty when there is none)."""


@dataclass(frozen=True)
class CriterionScore:
    """A criterion's score (None when the session never reached it) and what moved it."""

    id: str
    name: str
    weight: int
    score: int | None
    base: int
    findings: tuple[int, ...] = ()
    """Indexes into ``Report.findings``."""
    earned: int = 0
    """The positive points of its findings, before the cap of 100."""
    lost: int = 0
    """The negative points of its findings (taken off after the cap)."""

    def sum_text(self) -> str:
        """How the score adds up, e.g. "min(100, 140) - 15 = 85" (empty when N/A)."""
        if self.score is None:
            return ""
        kept = min(100, self.earned)
        capped = f"min(100, {self.earned})" if self.earned > 100 else f"{self.earned}"
        floor = " (not below 0)" if kept + self.lost < 0 else ""
        return (
            f"{capped} - {-self.lost} = {self.score}{floor}"
            if self.lost
            else (f"{capped} = {self.score}")
        )

    @property
    def applicable(self) -> bool:
        return self.score is not None

    @property
    def shown(self) -> bool:
        """Whether a report lists it: not for a criterion the scenario does not use at all
        (a meeting-only scenario's thank-you has no weight and is never reached)."""
        return self.weight > 0 or self.applicable


@dataclass(frozen=True)
class Report:
    """A graded session."""

    scenario: str
    persona: str
    score: int
    passed: bool
    pass_mark: int
    criteria: tuple[CriterionScore, ...]
    findings: tuple[Finding, ...]
    blockers: tuple[str, ...] = ()
    outcome: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    verdict: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "persona": self.persona,
            "score": self.score,
            "passed": self.passed,
            "pass_mark": self.pass_mark,
            "verdict": self.verdict,
            "outcome": list(self.outcome),
            "blockers": list(self.blockers),
            "criteria": {
                c.id: {
                    "name": c.name,
                    "weight": c.weight,
                    "score": c.score,
                    "base": c.base,
                    "earned": c.earned,
                    "lost": c.lost,
                    "findings": list(c.findings),
                }
                for c in self.criteria
            },
            "findings": [asdict(f) for f in self.findings],
            "tips": list(self.tips),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Report:
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
                earned=int(data.get("earned", 0)),
                lost=int(data.get("lost", 0)),
            )
            for cid, data in items
            if isinstance(data, dict)
        )
        return cls(
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

    def finding_ids(self) -> list[str]:
        return list(dict.fromkeys(f.signal for f in self.findings))
