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

if TYPE_CHECKING:
    from simulator.practice import Attempt, Mode, Report, Session
from simulator.homework.submission import (
    build_submission,
    earlier_attempts,
    now_iso,
    write_submission,
)


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
        """What a journal or saved attempt records about the assignment."""
        return {
            "assignment": self.assignment.id,
            "assignment_title": self.assignment.title,
            "student": self.student,
            "attempt": self.attempt,
            "mode": self.mode,
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
            due = a.due.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
            late = " - the due date has passed; this will be marked late" if self.is_late() else ""
            lines.append(f"Due: {due}{late}")
        if not self.hints:
            lines.append("Exam mode: no live hints; you see your report once you submit.")
        if a.notes:
            lines.append(f"Notes from your coach: {a.notes}")
        return lines

    def is_late(self, when: datetime | None = None) -> bool:
        return self.assignment.is_late(when or datetime.now(UTC))

    def submit(self, session: Session, report: Report) -> Path:
        """Write the finished session as a submission; returns where it was saved."""
        if not session.finished:
            raise HomeworkError("the session is not finished yet; nothing was submitted")
        if session.seed != self.seed or session.bundle.hashes != self.entry.hashes:
            raise HomeworkError("this session was not played with the assignment's content")
        record = build_submission(
            self.assignment,
            self.entry,
            student=self.student,
            attempt=self.attempt,
            seed=self.seed,
            transcript=session.transcript.to_dict(),
            report=report.to_dict(),
            started=self.started,
        )
        self.submitted_to = write_submission(record, self.folder)
        return self.submitted_to

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
