"""The learner's side of an assignment, without a UI: open it, play under its rules, submit.

Every client (``run --assignment``, ``play --assignment --plain``, the TUI) does the same::

    run = open_assignment(path, "Ana Diaz")      # refuses when no attempts are left
    attempt = run.start_attempt()                # journalled per turn (people) ...
    report = attempt.finish()                    # ... graded once, when it is over
    saved = run.submit(attempt.session, report)  # the submission file, written atomically

``run.mode`` / ``run.hints`` say whether live hints (meters, tips) may be shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.content import Bundle
from simulator.homework.assignment import (
    AssignedScenario,
    Assignment,
    check_student_name,
    load_assignment,
)
from simulator.homework.errors import HomeworkError
from simulator.homework.pending import KEPT_HINT, mark_submitted
from simulator.homework.submission import (
    build_submission,
    earlier_attempts,
    now_iso,
    write_submission,
)

if TYPE_CHECKING:
    from simulator.practice import Attempt, Mode, Report, Session


@dataclass
class AssignmentRun:
    """One attempt at one scenario of an assignment, by one student."""

    assignment: Assignment
    entry: AssignedScenario
    student: str
    attempt: int
    """This attempt's number (1 for the first)."""
    started: str = field(default_factory=now_iso)
    submitted_to: Path | None = None
    folder: Path | None = None
    """Where to write the submission (default: the user's submissions folder)."""

    @property
    def bundle(self) -> Bundle:
        return self.entry.bundle

    @property
    def seed(self) -> int:
        return self.assignment.seed_for(self.student)

    @property
    def mode(self) -> str:
        return self.assignment.mode

    @property
    def hints(self) -> bool:
        """False in exam mode: no live meters or tips while playing."""
        return self.assignment.hints

    @property
    def title(self) -> str:
        return self.assignment.title

    @property
    def pass_mark(self) -> int:
        return self.assignment.pass_mark_for(self.entry)

    @property
    def attempts_label(self) -> str:
        limit = self.assignment.attempts
        return f"attempt {self.attempt} of {limit}" if limit else f"attempt {self.attempt}"

    def meta(self) -> dict[str, Any]:
        """What a journal or saved attempt records about the assignment.

        Enough to submit the finished session again from the journal alone
        (``simulator submit --last``), and to grade it with the assignment's pass mark.
        """
        a = self.assignment
        return {
            "assignment": a.id,
            "assignment_title": a.title,
            "assignment_file": str(Path(a.source).resolve()) if a.source else "",
            "student": self.student,
            "scenario": self.entry.id,
            "attempt": self.attempt,
            "attempts": a.attempts,
            "mode": self.mode,
            "pass_mark": self.pass_mark,
            "due": a.due.isoformat() if a.due else None,
            **({"submit_to": a.submit_to} if a.submit_to else {}),
        }

    def start_attempt(self, client: str = "plain") -> Attempt:
        """A recorded ``Attempt`` for a person playing, under the assignment's rules."""
        from simulator.practice import Attempt

        mode: Mode = "exam" if self.mode == "exam" else "practice"
        return Attempt(self.bundle, self.seed, mode=mode, client=client, meta=self.meta())

    def briefing(self) -> list[str]:
        """Lines to show before playing: what, for whom, the rules."""
        a = self.assignment
        lines = [f"Assignment: {a.title} ({self.attempts_label}, {a.mode} mode)"]
        lines.append(f"Scenario: {self.entry.title}. Pass mark: {self.pass_mark}.")
        if a.due:
            from simulator.homework.desk import HomeworkDesk

            late = " - this will be marked late" if self.is_late() else ""
            lines.append(f"Due: {HomeworkDesk(a, self.student).time_left()}{late}")
        if not self.hints:
            lines.append("Exam mode: no live hints; you see your report once you submit.")
        if a.notes:
            lines.append(f"Notes from your coach: {a.notes}")
        return lines

    def is_late(self, when: datetime | None = None) -> bool:
        return self.assignment.is_late(when or datetime.now(UTC))

    def submit(
        self,
        session: Session,
        report: Report,
        *,
        journal: Path | None = None,
        folder: Path | None = None,
    ) -> Path:
        """Write the finished session as a submission; returns where it was saved.

        ``journal``: the session's journal, marked submitted once the file is written.
        Until then it stays "finished, not submitted", so a failure here (disk full,
        read-only folder, a file where the folder should be) loses nothing:
        ``simulator submit --last`` writes it again, to ``--out DIR`` if need be.
        A session of another scenario of the same assignment is submitted as that one.
        """
        if not session.finished:
            raise HomeworkError("the session is not finished yet; nothing was submitted")
        if session.scenario.id != self.entry.id and self.assignment.find(session.scenario.id):
            other = self.for_scenario(session.scenario.id)
            path = other.submit(session, report, journal=journal, folder=folder)
            self.submitted_to = path
            return path
        if session.seed != self.seed or session.bundle.hashes != self.entry.hashes:
            raise HomeworkError("this session was not played with the assignment's content")
        # Counted again now: another attempt may have been submitted since this one began.
        used = earlier_attempts(self.assignment.id, self.student, self.entry.id, self.folder)
        record = build_submission(
            self.assignment,
            self.entry,
            student=self.student,
            attempt=max(self.attempt, used + 1),
            seed=self.seed,
            transcript=session.transcript.to_dict(),
            report=report.to_dict(),
            started=self.started,
        )
        try:
            self.submitted_to = write_submission(record, folder or self.folder)
        except HomeworkError as exc:
            raise HomeworkError(f"{exc}. {KEPT_HINT if journal else ''}".strip()) from None
        if journal is not None:
            mark_submitted(journal, self.submitted_to)
        return self.submitted_to

    def for_scenario(self, scenario_id: str) -> AssignmentRun:
        """The run for another scenario of this assignment (its own attempt count)."""
        return open_assignment_run(self.assignment, self.student, scenario_id, self.folder)

    def outcome_line(self, report: Report) -> str:
        """One line for the learner after submitting."""
        passed = self.assignment.passes(self.entry, report.score, len(report.blockers))
        verdict = "passed" if passed else "not passed yet"
        where = f" Saved to {self.submitted_to}" if self.submitted_to else ""
        late = " (late)" if self.is_late() else ""
        return (
            f"Submitted {self.attempts_label}{late}: {verdict}, score {report.score} "
            f"(pass mark {self.pass_mark}).{where}"
        )


def open_assignment(
    path: Path | str,
    student: str,
    scenario: str | None = None,
    *,
    folder: Path | None = None,
) -> AssignmentRun:
    """Start an attempt: loads and checks the file, counts earlier submissions.

    Raises HomeworkError (one line) when the file is unusable, the scenario is not part
    of it, the name is not usable, or every allowed attempt has been submitted.
    """
    assignment = load_assignment(Path(path))
    return open_assignment_run(assignment, student, scenario, folder)


def open_assignment_run(
    assignment: Assignment, student: str, scenario: str | None, folder: Path | None = None
) -> AssignmentRun:
    """``open_assignment`` for an assignment already loaded."""
    name = check_student_name(student)
    entry = assignment.scenario(scenario)
    used = earlier_attempts(assignment.id, name, entry.id, folder)
    limit = assignment.attempts
    if limit is not None and used >= limit:
        raise HomeworkError(
            f"{name} has already submitted {used} of {limit} allowed attempt(s) at "
            f"'{entry.id}' for '{assignment.title}'; see `simulator submissions`"
        )
    return AssignmentRun(assignment, entry, name, used + 1, folder=folder)
