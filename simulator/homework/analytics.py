"""Class analytics, without a UI: criterion averages and the most common findings.

Only counted submissions (verified, within the attempt limit) are used, and only their
re-graded reports: a claimed score never reaches a class figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.homework.review import ClassReview
from simulator.homework.verify import Verdict


@dataclass(frozen=True)
class CriterionAverage:
    """One criterion across the students' best attempts."""

    id: str
    name: str
    average: float | None
    students: int


@dataclass
class FindingSummary:
    """One signal across the class: how often, and a few of the learners' own words."""

    signal: str
    rule: str
    tip: str
    polarity: str
    points: int
    submissions: int = 0
    students: set[str] = field(default_factory=set)
    examples: list[tuple[str, str]] = field(default_factory=list)
    """(student, quote) pairs, at most three, from different students."""


def criterion_averages(review: ClassReview) -> list[CriterionAverage]:
    """Mean score per criterion over each student's best attempt (N/A ones left out)."""
    sums: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for verdict in review.best_verdicts():
        criteria = (verdict.report or {}).get("criteria", {})
        for cid, data in criteria.items():
            names.setdefault(cid, str(data.get("name", cid)))
            sums.setdefault(cid, [])
            if isinstance(data.get("score"), int):
                sums[cid].append(data["score"])
    return [
        CriterionAverage(cid, names[cid], sum(v) / len(v) if v else None, len(v))
        for cid, v in sums.items()
    ]


def counted(review: ClassReview) -> list[Verdict]:
    return [v for v in review.verdicts if v.counts and v.report]


def common_findings(review: ClassReview, limit: int = 8) -> list[FindingSummary]:
    """The findings seen in most counted submissions; problems before strengths."""
    found: dict[str, FindingSummary] = {}
    for verdict in counted(review):
        assert verdict.report is not None
        seen: set[str] = set()
        for finding in verdict.report.get("findings", []):
            signal = str(finding["signal"])
            summary = found.get(signal)
            if summary is None:
                summary = found[signal] = FindingSummary(
                    signal,
                    str(finding["rule"]),
                    str(finding["tip"]),
                    str(finding["polarity"]),
                    int(finding["points"]),
                )
            if signal in seen:
                continue
            seen.add(signal)
            summary.submissions += 1
            student = verdict.student
            quote = str(finding["quote"])
            if student not in summary.students and len(summary.examples) < 3 and quote:
                summary.examples.append((student, quote))
            summary.students.add(student)
    ordered = sorted(
        found.values(),
        key=lambda s: (s.polarity != "negative", -s.submissions, s.points, s.signal),
    )
    return ordered[:limit]


def best_scores(review: ClassReview) -> list[int]:
    return [s.score for s in review.students if s.score is not None]
