"""The grading criteria, in one table: id, display name, starting score, default weight.

Content models (rubric weights), the grader (scores), the report (names and order) and
the authoring checks (reachable scores) all read this one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Criterion = Literal["respect_time", "no_pitch", "relationship", "questions", "follow_through"]


@dataclass(frozen=True)
class CriterionInfo:
    """One criterion of the rubric."""

    id: Criterion
    name: str
    """How the report names it."""
    base: int
    """Where its score starts once the session reaches it; findings move it within 0-100."""
    weight: int
    """Its default weight in a scenario's rubric."""
    graded_only_with: str | None = None
    """A stage the scenario must have for this criterion to be graded at all."""


CRITERIA_TABLE: tuple[CriterionInfo, ...] = (
    CriterionInfo("respect_time", "Respecting their time", base=70, weight=30),
    CriterionInfo("no_pitch", "Not pitching for a job", base=100, weight=30),
    CriterionInfo("relationship", "Building the relationship", base=50, weight=15),
    CriterionInfo("questions", "Good questions", base=40, weight=15, graded_only_with="meeting"),
    CriterionInfo(
        "follow_through", "Following through", base=70, weight=10, graded_only_with="thank_you"
    ),
)

CRITERIA: tuple[Criterion, ...] = tuple(c.id for c in CRITERIA_TABLE)
CRITERION_NAMES: dict[str, str] = {c.id: c.name for c in CRITERIA_TABLE}
BASE: dict[str, int] = {c.id: c.base for c in CRITERIA_TABLE}
DEFAULT_WEIGHTS: dict[Criterion, int] = {c.id: c.weight for c in CRITERIA_TABLE}
GRADED_ONLY_WITH: dict[str, str] = {
    c.id: c.graded_only_with for c in CRITERIA_TABLE if c.graded_only_with
}

if get_args(Criterion) != CRITERIA:  # pragma: no cover - a table edit without the Literal
    raise RuntimeError("simulator.core.criteria: CRITERIA_TABLE and Criterion disagree")
