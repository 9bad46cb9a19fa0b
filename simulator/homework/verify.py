"""Verifying one submission, without a UI: replay its inputs, re-grade, compare with its claims.

A submission's report is a claim. ``verify`` rebuilds the session from the assignment's
embedded content - the learner's recorded inputs through a fresh ``Session`` with the
recorded seed and generated names - grades it, and compares both the replayed transcript
and the new report with what was submitted. The outcome (``Verdict.check``):

- ``verified``: the replay and the re-grade reproduce the submission exactly;
- ``mismatch``: they do not (edited score or text, another simulator version, the wrong
  seed for this student, inputs that cannot be replayed);
- ``wrong_assignment``: made for another assignment, or with other content;
- ``unreadable``: not a submission this tool can read (too big, truncated, wrong types).

Nothing in a submission can make this raise: every failure becomes a verdict.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from simulator import __version__
from simulator.homework.assignment import Assignment, parse_stamp
from simulator.homework.errors import HomeworkError
from simulator.homework.submission import Submission, read_submission
from simulator.practice import InputError, Transcript, parse_input, replay, report_on

CHECK_LABELS = {
    "verified": "verified",
    "mismatch": "score mismatch",
    "wrong_assignment": "wrong assignment",
    "unreadable": "unreadable",
}


@dataclass
class Verdict:
    """What a review found in one submission file."""

    file: str
    check: str
    detail: str = ""
    student: str = ""
    scenario: str = ""
    attempt: int | None = None
    submission_id: str = ""
    submitted: datetime | None = None
    claimed_score: int | None = None
    score: int | None = None
    """The re-graded score (None when the session could not be rebuilt)."""
    passed: bool | None = None
    """Passed for this assignment (its pass mark), from the re-grade."""
    late: bool = False
    over_limit: bool = False
    duplicate: bool = False
    simulator: str = ""
    report: dict[str, Any] | None = None
    """The re-graded report (``Report.to_dict``)."""
    transcript: dict[str, Any] | None = None
    """The replayed transcript (``Transcript.to_dict``)."""

    @property
    def label(self) -> str:
        return CHECK_LABELS.get(self.check, self.check)

    @property
    def counts(self) -> bool:
        """Whether this submission counts towards the student's status."""
        return self.check == "verified" and not self.over_limit and not self.duplicate

    def marks(self) -> list[str]:
        """Everything notable about the file: the check, then late / over limit / duplicate."""
        marks = [self.label]
        if self.late:
            marks.append("late")
        if self.over_limit:
            marks.append("over the attempt limit")
        if self.duplicate:
            marks.append("duplicate")
        return marks


def verify_file(assignment: Assignment, path: Path, name: str | None = None) -> Verdict:
    """Verify one file; never raises, whatever the file holds."""
    label = name or str(path)
    try:
        submission = read_submission(path)
    except HomeworkError as exc:
        return Verdict(label, "unreadable", str(exc))
    try:
        return verify(assignment, submission, label)
    except Exception as exc:  # untrusted data must never crash a review
        return Verdict(
            label,
            "unreadable",
            f"could not be checked ({type(exc).__name__})",
            student=submission.student,
            scenario=submission.scenario,
            attempt=submission.attempt,
        )


def verify(assignment: Assignment, sub: Submission, label: str = "") -> Verdict:
    """Replay, re-grade and compare one validated submission."""
    verdict = Verdict(
        label or str(sub.path or sub.id),
        "verified",
        student=sub.student,
        scenario=sub.scenario,
        attempt=sub.attempt,
        submission_id=sub.id,
        claimed_score=sub.claimed_score,
        simulator=sub.simulator,
    )
    submitted = parse_stamp(sub.submitted)
    if submitted is None or parse_stamp(sub.started) is None:
        return _set(verdict, "unreadable", "its started/submitted times are not ISO timestamps")
    verdict.submitted = submitted
    verdict.late = assignment.is_late(submitted)
    if sub.assignment_id != assignment.id:
        return _set(
            verdict,
            "wrong_assignment",
            f"made for assignment {sub.assignment_id} ('{sub.assignment_title[:60]}')",
        )
    entry = assignment.find(sub.scenario)
    transcript_raw = sub.transcript
    if entry is None:
        return _set(verdict, "wrong_assignment", f"scenario '{sub.scenario}' is not assigned")
    if sub.hashes != entry.hashes or transcript_raw["hashes"] != entry.hashes:
        return _set(verdict, "wrong_assignment", "played with different scenario or persona text")
    if transcript_raw["scenario"] != entry.id or transcript_raw["persona"] != entry.persona:
        return _set(verdict, "wrong_assignment", "its transcript is of another scenario")

    try:
        transcript = Transcript.from_dict(transcript_raw)
        inputs = [parse_input(turn.data["input"]) for turn in transcript.learner_turns()]
    except (KeyError, TypeError, InputError) as exc:
        return _set(verdict, "mismatch", f"a learner turn has no usable recorded input ({exc})")
    bundle = entry.bundle
    try:
        session = replay(bundle, transcript.seed, inputs, identities=transcript.identities)
    except InputError as exc:
        return _set(verdict, "mismatch", f"its inputs do not replay: {exc}")
    report = report_on(session)
    verdict.score = report.score
    verdict.passed = assignment.passes(entry, report.score, len(report.blockers))
    verdict.report = _plain(report.to_dict())
    verdict.transcript = _plain(session.transcript.to_dict())

    problems = []
    expected_seed = assignment.seed_for(sub.student)
    if sub.seed != expected_seed or transcript.seed != expected_seed:
        problems.append(
            f"played with seed {transcript.seed}; this student's seed is {expected_seed}"
        )
    if not session.finished:
        problems.append("the recorded inputs stop before the session ends")
    problems += _report_differences(sub.report, verdict.report)
    if not problems:
        problems += _transcript_differences(transcript_raw, verdict.transcript)
    if problems:
        if sub.simulator != __version__:
            problems.append(f"made with simulator {sub.simulator} (this is {__version__})")
        return _set(verdict, "mismatch", "; ".join(problems))
    return verdict


def _set(verdict: Verdict, check: str, detail: str) -> Verdict:
    verdict.check = check
    verdict.detail = detail
    return verdict


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    """The form a dict takes after a trip through JSON (tuples become lists)."""
    result: dict[str, Any] = json.loads(json.dumps(data, ensure_ascii=False))
    return result


def _report_differences(claimed: dict[str, Any], regraded: dict[str, Any]) -> list[str]:
    if claimed == regraded:
        return []
    if claimed.get("score") != regraded["score"]:
        return [f"score {claimed.get('score')} claimed, {regraded['score']} on re-grading"]
    if claimed.get("passed") != regraded["passed"]:
        return [f"'passed' claimed {claimed.get('passed')}, re-grading says {regraded['passed']}"]
    fields = sorted(k for k in set(claimed) | set(regraded) if claimed.get(k) != regraded.get(k))
    return [f"the report differs from re-grading in: {', '.join(fields[:6])}"]


def _transcript_differences(claimed: dict[str, Any], replayed: dict[str, Any]) -> list[str]:
    # The simulator version is not compared: an older release that replays identically is fine.
    header = [
        k for k in replayed if k not in ("turns", "simulator") and claimed.get(k) != replayed[k]
    ]
    if header:
        return [f"its transcript's {', '.join(sorted(header))} differ from the replay"]
    a, b = claimed.get("turns", []), replayed["turns"]
    for index in range(max(len(a), len(b))):
        if index >= len(a) or index >= len(b) or a[index] != b[index]:
            return [f"its transcript differs from the replay at turn {index + 1}"]
    return []
