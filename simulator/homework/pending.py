"""Homework not lost, without a UI: finished sessions whose submission is still to be written.

A homework session's journal records ``finished`` (with ``homework: true``) when the
session is over, and ``submitted`` only once the submission file is on disk. Anything in
between (a full disk, a read-only folder, a file where the folder should be, a crash) leaves
it "finished, not submitted". ``pending_homework`` lists those; ``resubmit`` rebuilds the
session from the journal alone (embedded texts, seed, names, the learner's inputs), grades
it with the assignment's pass mark and writes the submission, to another folder if asked.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.homework.errors import HomeworkError

KEPT_HINT = (
    "The finished session is kept: `simulator submit --last` writes it again "
    "(add --out DIR to save it somewhere else)."
)


@dataclass(frozen=True)
class PendingSession:
    """A finished homework session that has no submission file yet."""

    id: str
    path: Path
    """Its journal."""
    assignment: str
    title: str
    student: str
    scenario: str
    started: str
    score: int | None
    passed: bool | None
    submit_to: str | None = None
    """The class server named in the assignment, to deliver to once written."""


def mark_submitted(journal: Path, where: Path) -> None:
    """Record in the journal that its submission was written (best effort: the file exists)."""
    from simulator.homework.submission import now_iso
    from simulator.storage import Journal, StorageError

    with contextlib.suppress(StorageError, OSError):
        opened = Journal.reopen(journal, Journal.read(journal))
        try:
            opened.append_record("submitted", {"at": now_iso(), "to": str(where)})
        finally:
            opened.close()


def pending_homework(folder: Path | None = None) -> list[PendingSession]:
    """Finished, not submitted homework sessions, oldest first (unreadable journals skipped)."""
    from simulator.storage import Journal, StorageError, journals

    found = []
    for path in journals(folder):
        try:
            contents = Journal.read(path)
        except StorageError:
            continue
        meta = contents.header.get("meta")
        done = "submitted" in contents.last
        if not contents.finished or done or not isinstance(meta, dict):
            continue
        if not meta.get("assignment"):
            continue
        summary = contents.last.get("finished", {})
        score = summary.get("score")
        found.append(
            PendingSession(
                id=path.stem,
                path=path,
                assignment=str(meta.get("assignment")),
                title=str(meta.get("assignment_title") or meta.get("assignment")),
                student=str(meta.get("student", "")),
                scenario=str(contents.header.get("scenario", "")),
                started=str(contents.header.get("started", "")),
                score=score if isinstance(score, int) and not isinstance(score, bool) else None,
                passed=summary.get("passed") if isinstance(summary.get("passed"), bool) else None,
                submit_to=_url(meta.get("submit_to")),
            )
        )
    return found


def _url(value: Any) -> str | None:
    from simulator.homework.assignment import check_submit_url

    if not isinstance(value, str):
        return None
    try:
        return check_submit_url(value)
    except HomeworkError:
        return None


@dataclass(frozen=True)
class Resubmitted:
    """What ``resubmit`` wrote."""

    path: Path
    score: int
    passed: bool
    pass_mark: int
    attempt: int


def resubmit(pending: PendingSession, out: Path | None = None) -> Resubmitted:
    """Rebuild the session from its journal, grade it, write its submission (``out``: folder).

    Raises HomeworkError (one line) when the journal no longer replays or the file cannot
    be written; the journal then stays pending.
    """
    from simulator.storage import Journal, StorageError

    try:
        contents = Journal.read(pending.path)
    except StorageError as exc:
        raise HomeworkError(str(exc)) from None
    assignment, entry, meta = _assignment_from_header(contents.header, pending.id)
    session = _replay(contents.header, contents.turns, entry, pending.id)
    from simulator.homework.submission import (
        build_submission,
        earlier_attempts,
        write_submission,
    )
    from simulator.practice import report_on

    report = report_on(session)
    student = str(meta.get("student", ""))
    used = earlier_attempts(assignment.id, student, entry.id)
    recorded = meta.get("attempt")
    attempt = max(recorded if isinstance(recorded, int) else 1, used + 1)
    record = build_submission(
        assignment,
        entry,
        student=student,
        attempt=attempt,
        seed=session.seed,
        transcript=session.transcript.to_dict(),
        report=report.to_dict(),
        started=str(contents.header.get("started", "")),
        rules=_rules(meta),
    )
    path = write_submission(record, out)
    mark_submitted(pending.path, path)
    return Resubmitted(path, report.score, report.passed, report.pass_mark, attempt)


def _rules(meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "pass_mark": meta.get("pass_mark"),
        "attempts": meta.get("attempts"),
        "due": meta.get("due"),
    }


def _assignment_from_header(header: dict[str, Any], name: str) -> tuple[Any, Any, dict[str, Any]]:
    from simulator.homework.assignment import AssignedScenario, Assignment

    meta = header.get("meta")
    if not isinstance(meta, dict) or not meta.get("assignment"):
        raise HomeworkError(f"{name}: not a homework session")
    mark = meta.get("pass_mark")
    try:
        entry = AssignedScenario(
            id=str(header["scenario"]),
            title=str(header.get("title", header["scenario"])),
            persona=str(header["persona"]),
            scenario_text=str(header["scenario_text"]),
            persona_text=str(header["persona_text"]),
            hashes=dict(header["hashes"]),
            pass_mark=mark if isinstance(mark, int) and not isinstance(mark, bool) else None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise HomeworkError(f"{name}: the journal header is incomplete ({exc})") from None
    mode = "exam" if meta.get("mode") == "exam" else "practice"
    assignment = Assignment(
        id=str(meta["assignment"]),
        title=str(meta.get("assignment_title") or meta["assignment"]),
        scenarios=(entry,),
        mode=mode,
    )
    return assignment, entry, meta


def _replay(header: dict[str, Any], turns: list[dict[str, Any]], entry: Any, name: str) -> Any:
    from simulator.content import ContentLoadError
    from simulator.practice import InputError, Session, parse_input

    try:
        bundle = entry.bundle
    except ContentLoadError as exc:
        raise HomeworkError(f"{name}: its embedded content does not load: {exc}") from None
    if bundle.hashes != entry.hashes:
        raise HomeworkError(f"{name}: its embedded texts do not match their hashes")
    inputs = []
    for turn in turns:
        if turn.get("who") != "learner":
            continue
        data = turn.get("data")
        raw = data.get("input") if isinstance(data, dict) else None
        try:
            inputs.append(parse_input(raw if isinstance(raw, dict) else {}))
        except InputError as exc:
            raise HomeworkError(f"{name}: turn {turn.get('n')} cannot be replayed: {exc}") from None
    seed, identities = header.get("seed"), header.get("identities")
    if isinstance(seed, bool) or not isinstance(seed, int) or not isinstance(identities, dict):
        raise HomeworkError(f"{name}: the journal header has no usable seed or names")
    try:
        session = Session(bundle, seed, identities=identities)
        for item in inputs:
            session.send(item)
    except InputError as exc:
        raise HomeworkError(f"{name}: it does not replay: {exc}") from None
    if not session.finished:
        raise HomeworkError(f"{name}: the journal stops before the session ends")
    _note_unused(session, turns)
    return session


def _note_unused(session: Any, turns: list[dict[str, Any]]) -> None:
    """A scripted session (``run --assignment``) ends with a note of the script lines it
    never used; it is not a learner input, so it is restored from the journal as it was."""
    for turn in turns:
        data = turn.get("data")
        if turn.get("kind") != "unused_script" or not isinstance(data, dict):
            continue
        lines, follow_ups = data.get("meeting_lines"), data.get("follow_ups")
        if isinstance(lines, int) and isinstance(follow_ups, int):
            session.note_unused(lines, follow_ups)
        return
