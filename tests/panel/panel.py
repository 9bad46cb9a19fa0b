"""Play the panel's sessions and compare the grade with the HR professional's judgement.

Shared by the acceptance test (``test_panel.py``) and ``benchmarks/panel_agreement.py``.
Each entry of ``sessions.yaml`` names a built-in scenario, a script in the ``simulator run
--script`` shape, the verdict (pass or fail), the key findings the report must show and,
for some, bounds on the overall score.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from simulator.content import Library
from simulator.content.models import Script
from simulator.conversation.scripted import run_script
from simulator.grading import Report, grade

SESSIONS = Path(__file__).with_name("sessions.yaml")


def load() -> list[dict[str, Any]]:
    """The panel's entries, in file order."""
    # libyaml's parser (the same data, in a tenth of the time): test_panel.py loads the
    # file at collection, in every xdist worker.
    entries = yaml.load(SESSIONS.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert isinstance(entries, list)
    return entries


@dataclass(frozen=True)
class Judged:
    """One panel entry played and compared with its expected judgement."""

    entry: dict[str, Any]
    report: Report

    @property
    def expected_pass(self) -> bool:
        return bool(self.entry["verdict"] == "pass")

    @property
    def verdict_agrees(self) -> bool:
        return self.report.passed == self.expected_pass

    @property
    def missing_findings(self) -> list[str]:
        found = set(self.report.finding_ids())
        return [f for f in self.entry.get("findings", []) if f not in found]

    @property
    def score_problem(self) -> str:
        """Why the score is outside the entry's bounds ('' when it is inside)."""
        low, high = self.entry.get("min_score"), self.entry.get("max_score")
        if low is not None and self.report.score < low:
            return f"score {self.report.score} < {low}"
        if high is not None and self.report.score > high:
            return f"score {self.report.score} > {high}"
        return ""

    @property
    def agrees(self) -> bool:
        """Verdict, key findings and score bounds all as the HR professional judged."""
        return self.verdict_agrees and not self.missing_findings and not self.score_problem

    def describe(self) -> str:
        """One line (or a few) saying where the grade and the judgement part."""
        e, r = self.entry, self.report
        got = "pass" if r.passed else "fail"
        parts = [f"{e['id']} ({e['scenario']}): expected {e['verdict']}, got {got} {r.score}"]
        if self.missing_findings:
            parts.append(f"missing findings {self.missing_findings}")
        if self.score_problem:
            parts.append(self.score_problem)
        parts.append(f"found {r.finding_ids()}")
        parts.append(f"why: {e['why']}")
        return "\n    ".join(parts)


def play(entry: dict[str, Any], library: Library | None = None) -> Judged:
    """Play one entry headless and grade it."""
    library = library or Library()
    bundle = library.load(entry["scenario"])
    result = run_script(bundle, Script.model_validate(entry["script"]), int(entry.get("seed", 1)))
    session = result.session
    return Judged(entry, grade(session.transcript, bundle.scenario, session.lexicon))
