"""An assignment open in a client, without a UI: every scenario, its rules, and submitting.

The app plays a whole assignment in one sitting (every scenario, one after another), so
it holds a ``HomeworkDesk`` rather than one ``AssignmentRun``: the desk knows the
assigned scenarios (the only ones the library offers), the rules to show (title, due date
with the time left, pass mark, attempt N of M, mode, the coach's notes), the journal meta
for a new attempt at any of them, and submits a finished session as the scenario it was
played for. A failed submission raises ``HomeworkError`` with the way to recover
(``simulator submit --last``); the journal keeps the session as "finished, not submitted".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.homework.assignment import AssignedScenario, Assignment, check_student_name
from simulator.homework.learner import AssignmentRun, open_assignment_run

if TYPE_CHECKING:
    from simulator.content import Bundle


@dataclass(frozen=True)
class Handed:
    """One submission made from the desk."""

    scenario: str
    path: Path
    line: str
    """What the learner is told (verdict, score, pass mark, where it was saved)."""
    passed: bool


@dataclass
class HomeworkDesk:
    """One student's assignment, open in a client."""

    assignment: Assignment
    student: str
    folder: Path | None = None
    handed: list[Handed] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.student = check_student_name(self.student)

    @property
    def title(self) -> str:
        return self.assignment.title

    @property
    def mode(self) -> str:
        return self.assignment.mode

    @property
    def seed(self) -> int:
        return self.assignment.seed_for(self.student)

    @property
    def scenarios(self) -> tuple[AssignedScenario, ...]:
        return self.assignment.scenarios

    def bundle(self, scenario_id: str) -> Bundle:
        """The assigned scenario, graded with the assignment's pass mark."""
        return self.assignment.scenario(scenario_id).bundle

    def run_for(self, scenario_id: str) -> AssignmentRun:
        """A new attempt's rules; HomeworkError when every allowed attempt is used."""
        return open_assignment_run(self.assignment, self.student, scenario_id, self.folder)

    def meta(self, scenario_id: str) -> dict[str, Any]:
        """What the journal of a new attempt at this scenario records (raises like
        ``run_for``)."""
        return self.run_for(scenario_id).meta()

    def time_left(self, now: datetime | None = None) -> str:
        """The due date with the time left (or how long ago it passed), in words."""
        due = self.assignment.due
        if due is None:
            return "no due date"
        moment = now or datetime.now(UTC)
        stamp = due.astimezone().strftime("%Y-%m-%d %H:%M")
        seconds = (due - moment).total_seconds()
        span = _span(abs(seconds))
        return f"{stamp} ({span} left)" if seconds >= 0 else f"{stamp} (passed {span} ago: late)"

    def rules(self, scenario_id: str | None = None, now: datetime | None = None) -> list[str]:
        """The rules in short lines, for a header or a briefing."""
        a = self.assignment
        lines = [f"{a.title}, for {self.student} ({a.mode} mode)", f"Due: {self.time_left(now)}"]
        entries = [a.scenario(scenario_id)] if scenario_id else list(a.scenarios)
        for entry in entries:
            lines.append(f"{entry.title}: pass mark {a.pass_mark_for(entry)}, {self._tries(entry)}")
        if a.mode == "exam":
            lines.append("Exam mode: no live hints; your report is shown once you submit.")
        if a.notes:
            lines.append(f"Notes from your coach: {a.notes}")
        return lines

    def _tries(self, entry: AssignedScenario) -> str:
        from simulator.homework.errors import HomeworkError

        limit = self.assignment.attempts
        try:
            run = self.run_for(entry.id)
        except HomeworkError:
            return f"all {limit} attempts used"
        return f"next: {run.attempts_label}"

    def submit(
        self, session: Any, report: Any, journal: Path | None = None, folder: Path | None = None
    ) -> Handed:
        """Submit a finished session as the scenario it was played for (HomeworkError,
        with the way to recover, when the file cannot be written; ``folder``: another
        folder than the desk's, e.g. when the usual one cannot be written)."""
        run = self.run_for_session(session)
        run.started = _started(journal) or run.started
        path = run.submit(session, report, journal=journal, folder=folder)
        handed = Handed(session.scenario.id, path, run.outcome_line(report), bool(report.passed))
        self.handed.append(handed)
        return handed

    def run_for_session(self, session: Any) -> AssignmentRun:
        """The run a finished session is submitted under (its attempt number counted now,
        even when the limit was reached meanwhile: the review sets extra files aside)."""
        entry = self.assignment.scenario(session.scenario.id)
        return AssignmentRun(self.assignment, entry, self.student, 1, folder=self.folder)


def _started(journal: Path | None) -> str:
    """When the session began, from its journal header ("" when unknown)."""
    if journal is None:
        return ""
    from simulator.storage import Journal, StorageError

    try:
        return str(Journal.read(journal).header.get("started") or "")
    except StorageError:
        return ""


def _span(seconds: float) -> str:
    minutes = int(seconds // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {mins} min"
    return f"{mins} min"
