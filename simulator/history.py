"""Past attempts, without a UI: scores per scenario, oldest first, with a trend.

``attempt_history`` reads the saved attempts (``storage.iter_attempts``) and groups them
by scenario; the ``history`` command and the app's past-attempts screen both draw from
it. Saved files are untrusted data: a record without a usable score is skipped and
counted, never fatal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.storage import iter_attempts

SPARK = "▁▂▃▄▅▆▇█"
SPARK_ASCII = "_.-=+*#@"
"""Fallback for terminals that cannot show block characters (lowest to highest)."""


@dataclass(frozen=True)
class Attempt:
    """One finished attempt as history shows it."""

    id: str
    scenario: str
    title: str
    finished: str
    """ISO 8601 UTC time the attempt was saved (sorts chronologically)."""
    score: int
    passed: bool

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ScenarioHistory:
    """Every attempt at one scenario, oldest first."""

    scenario: str
    title: str
    attempts: tuple[Attempt, ...]

    @property
    def scores(self) -> list[int]:
        return [a.score for a in self.attempts]

    @property
    def best(self) -> int:
        return max(self.scores)

    @property
    def latest(self) -> int:
        return self.scores[-1]

    @property
    def change(self) -> int | None:
        """Latest score minus the first one (None with a single attempt)."""
        return self.latest - self.scores[0] if len(self.attempts) > 1 else None

    @property
    def change_last(self) -> int | None:
        """Latest score minus the one before it (None with a single attempt)."""
        return self.latest - self.scores[-2] if len(self.attempts) > 1 else None

    def trend(self) -> str:
        """The trend in words: ``up 12 since your first attempt (+5 on the last)``."""
        if self.change is None or self.change_last is None:
            return "first attempt"
        if self.change == 0:
            overall = "level with your first attempt"
        else:
            way = "up" if self.change > 0 else "down"
            overall = f"{way} {abs(self.change)} since your first attempt"
        return f"{overall} ({self.change_last:+d} on the last)"

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "title": self.title,
            "attempts": [a.to_dict() for a in self.attempts],
            "best": self.best,
            "latest": self.latest,
            "change": self.change,
            "change_last": self.change_last,
            "trend": self.trend(),
        }


@dataclass(frozen=True)
class History:
    """All scenarios with attempts, and how many saved files could not be used."""

    scenarios: tuple[ScenarioHistory, ...] = ()
    skipped: tuple[str, ...] = field(default=())
    """Ids of saved attempts without a usable scenario or score."""
    notices: tuple[str, ...] = field(default=())
    """One line per file passed over without being opened (a FIFO in the folder)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenarios": [s.to_dict() for s in self.scenarios],
            "skipped": list(self.skipped),
        }


def attempt_history(folder: Path | None = None, scenario: str | None = None) -> History:
    """Saved attempts grouped by scenario (most recently practised last)."""
    groups: dict[str, list[Attempt]] = {}
    skipped: list[str] = []
    notices: list[str] = []
    for record in iter_attempts(folder, notices):
        attempt = _attempt(record)
        if attempt is None:
            skipped.append(str(record.get("id", "?"))[:200])
            continue
        if scenario is None or attempt.scenario == scenario:
            groups.setdefault(attempt.scenario, []).append(attempt)
    histories = []
    for scenario_id, attempts in groups.items():
        attempts.sort(key=lambda a: (a.finished, a.id))
        histories.append(ScenarioHistory(scenario_id, attempts[-1].title, tuple(attempts)))
    histories.sort(key=lambda h: (h.attempts[-1].finished, h.scenario))
    return History(tuple(histories), tuple(skipped), tuple(notices))


def _attempt(record: dict[str, Any]) -> Attempt | None:
    score = record.get("score")
    scenario = record.get("scenario")
    if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 100:
        return None
    if not isinstance(scenario, str) or not scenario.strip():
        return None
    title = record.get("title")
    finished = record.get("finished")
    return Attempt(
        id=str(record.get("id", ""))[:200],
        scenario=scenario[:200],
        title=(title if isinstance(title, str) and title.strip() else scenario)[:200],
        finished=finished if isinstance(finished, str) else "",
        score=round(score),
        passed=record.get("passed") is True,
    )


def sparkline(scores: list[int], *, ascii_only: bool = False) -> str:
    """One character per score on a fixed 0-100 scale, so lines compare across scenarios."""
    ramp = SPARK_ASCII if ascii_only else SPARK
    top = len(ramp) - 1
    return "".join(ramp[min(top, max(0, round(s / 100 * top)))] for s in scores)
