"""``simulator resume``: list interrupted sessions, or continue one exactly where it stopped.

The session is rebuilt from its journal (embedded scenario and persona texts, seed,
identities, the learner's recorded inputs replayed and checked turn by turn) and goes on
as a ``simulator.practice.Attempt``: in the app (built by the injected ``AppFactory``)
when stdin and stdout are a terminal, otherwise (or with ``--plain``) in the plain
terminal. The finished session is graded once; resumed homework is submitted with
that same report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

TYPE_CHECKING = False  # not ``typing.TYPE_CHECKING``: importing typing slows ``--help``
if TYPE_CHECKING:
    from typing import Any

    from simulator.practice import AppFactory, Attempt, FinishHook
    from simulator.recorder import SessionInfo

NAME = "resume"
HELP = "list interrupted sessions, or continue one where it stopped"
ORDER = 6
LAST_TURNS_SHOWN = 4


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "session", nargs="?", default=None, help="session id (or a unique part of it)"
    )
    parser.add_argument("--last", action="store_true", help="continue the most recent one")
    parser.add_argument(
        "--plain", action="store_true", help="plain prompts on stdout, answers on stdin"
    )
    parser.add_argument("--json", action="store_true", help="list unfinished sessions as JSON")
    parser.add_argument(
        "--assignment", help="for homework: the assignment file, to submit when you finish"
    )


def run(args: argparse.Namespace) -> int:
    from simulator.recorder import unfinished_sessions
    from simulator.textsafe import printable

    sessions, problems = unfinished_sessions()
    for problem in problems:
        print(f"note: {printable(problem)}", file=sys.stderr)
    if args.json or (args.session is None and not args.last):
        return _list(sessions, as_json=args.json)
    if args.last:
        sessions = _resumable_newest(sessions)
    picked = _pick(sessions, args.session, last=args.last)
    if picked is None:
        return 1
    return _continue(picked, plain=args.plain, assignment=args.assignment)


def _resumable_newest(sessions: list[SessionInfo]) -> list[SessionInfo]:
    """``sessions`` up to the newest one that replays; each newer one that never can is
    moved to ``journals/broken/`` with a note, so ``--last`` is never stuck on it."""
    from simulator.recorder import ResumeError, check_resumable
    from simulator.storage import StorageError, move_aside
    from simulator.textsafe import printable

    while sessions:
        info = sessions[-1]
        try:
            check_resumable(info.path)
        except ResumeError as exc:
            reason = str(exc).removeprefix(f"{info.id}: ")
            print(f"note: {printable(move_aside(info.path, reason))}", file=sys.stderr)
            sessions = sessions[:-1]
            continue
        except StorageError:
            pass  # reported when it is opened, in one line
        break
    return sessions


def _list(sessions: list[SessionInfo], *, as_json: bool) -> int:
    from simulator.commands._common import jsonable, write_stdout
    from simulator.textsafe import printable

    if as_json:
        rows: list[dict[str, Any]] = [
            {
                "id": s.id,
                "scenario": s.scenario,
                "title": s.title,
                "started": s.started,
                "turns": s.turns,
                "stage": s.stage,
                "notices": list(s.notices),
            }
            for s in sessions
        ]
        write_stdout(jsonable({"unfinished": rows}))
        return 0
    if not sessions:
        write_stdout("No unfinished sessions. Start one with `simulator play`.")
        return 0
    lines = ["Unfinished sessions (oldest first):", ""]
    for s in sessions:
        lines.append(f"  {s.id}")
        lines.append(
            f"      {s.title} | started {_when(s.started)} | "
            f"{s.turns} turn{'s' if s.turns != 1 else ''} so far, last in {s.stage}"
        )
        lines += [f"      note: {n}" for n in s.notices]
    lines += [
        "",
        "Continue one with `simulator resume ID` (any unique part of the id) or "
        "`simulator resume --last`; add --plain for the plain terminal.",
    ]
    write_stdout(printable("\n".join(lines)))
    return 0


def _mention_pending() -> None:
    """Finished homework that was never submitted is not resumed but submitted: say how."""
    from simulator.homework.pending import pending_homework

    pending = pending_homework()
    if pending:
        print(
            f"{len(pending)} finished homework session(s) not submitted yet: "
            "`simulator submit --last` hands in the last (add --out DIR for another folder).",
            file=sys.stderr,
        )


def _when(iso: str) -> str:
    return iso.replace("T", " ").replace("+00:00", " UTC")


def _pick(sessions: list[SessionInfo], wanted: str | None, *, last: bool) -> SessionInfo | None:
    from simulator.paths import user_dir
    from simulator.textsafe import printable

    if last or not wanted:
        if not sessions:
            print("No unfinished sessions to resume.", file=sys.stderr)
            _mention_pending()
            return None
        return sessions[-1]
    exact = [s for s in sessions if s.id == wanted]
    matches = exact or [s for s in sessions if wanted in s.id]
    if len(matches) == 1:
        return matches[0]
    if matches:
        ids = ", ".join(s.id for s in matches[:5])
        print(f"'{printable(wanted)}' matches several sessions: {ids}", file=sys.stderr)
        return None
    finished = user_dir("journals") / f"{wanted}.jsonl"
    if finished.is_file():
        print(f"{wanted} is finished; `simulator history` lists it.", file=sys.stderr)
    else:
        print(
            f"no unfinished session '{printable(wanted)}'; `simulator resume` lists them.",
            file=sys.stderr,
        )
    return None


def _continue(
    info: SessionInfo,
    *,
    plain: bool,
    assignment: str | None = None,
    factory: AppFactory | None = None,
) -> int:
    from simulator.plain import PlainPlayer
    from simulator.practice import Attempt
    from simulator.recorder import Recorder, ResumeError
    from simulator.storage import StorageError
    from simulator.textsafe import printable

    try:
        recorder = Recorder.resume(info.path)
    except ResumeError as exc:
        # It will never replay: keep it, but out of the way of the next `resume --last`.
        from simulator.storage import move_aside

        reason = str(exc).removeprefix(f"{info.id}: ")
        print(f"cannot resume: {printable(move_aside(info.path, reason))}", file=sys.stderr)
        return 1
    except StorageError as exc:  # locked by another window, or the disk: try again later
        print(f"cannot resume: {printable(str(exc))}", file=sys.stderr)
        return 1
    attempt = Attempt.resumed(recorder)
    homework, problem = _homework_for(recorder.meta, assignment)
    if problem:
        print(f"cannot resume: {printable(problem)}", file=sys.stderr)
        attempt.close()
        return 2
    on_finish = _submitter(homework, recorder.journal_path)
    if not plain:
        desk = _desk_for(homework)
        opened = _open_in_app(attempt, None if desk else on_finish, factory, desk)
        if opened is not None:
            return opened
    session = attempt.session
    player = PlainPlayer(attempt, sys.stdin, sys.stdout, meters=attempt.mode != "exam")
    learner = len(session.transcript.learner_turns())
    player.say(f"=== Resuming: {session.scenario.title} ===")
    player.say(
        f"Session {attempt.session_id}, started {_when(info.started)}; "
        f"{learner} turn{'s' if learner != 1 else ''} so far."
    )
    player.say("Where you left off:")
    player.show(session.transcript.turns[-LAST_TURNS_SHOWN:])
    try:
        if player.play(brief=False) is not None and on_finish is not None:
            attempt.finish(on_finish)  # the report play() made: no second grading
    finally:
        attempt.close()
    return 0


def _homework_for(meta: dict[str, Any], path: str | None) -> tuple[Any, str | None]:
    """The assignment to submit to (or None), and a one-line problem if they do not match."""
    wanted = meta.get("assignment")
    kept = str(meta.get("assignment_file") or "")
    if path is None and wanted and kept and Path(kept).is_file():
        path = kept  # the assignment file the session was started from is still there
    if path is None:
        if wanted:
            title = meta.get("assignment_title") or wanted
            print(
                f"note: this session is homework ({title}); add --assignment FILE to submit "
                "it when you finish. Without it, it is saved to your history only.",
                file=sys.stderr,
            )
        return None, None
    if not wanted:
        return None, "this session was not started from an assignment"
    from simulator.homework import HomeworkError, open_assignment

    try:
        scenario = meta.get("scenario")
        homework = open_assignment(
            path, str(meta.get("student", "")), str(scenario) if scenario else None
        )
    except HomeworkError as exc:
        return None, str(exc)
    if homework.assignment.id != wanted:
        return None, f"{path} is assignment {homework.assignment.id}, not {wanted}"
    return homework, None


def _submitter(homework: Any, journal: Path | None) -> FinishHook | None:
    """Submits the finished session; a failure is told, and the session stays pending."""
    if homework is None:
        return None
    from simulator.homework import HomeworkError

    def submit(session: Any, report: Any) -> None:
        try:
            homework.submit(session, report, journal=journal)
        except HomeworkError as exc:
            print(f"Not submitted: {exc}", file=sys.stderr)
            return
        print(homework.outcome_line(report))
        url = homework.assignment.submit_to  # the class server named in the assignment
        if url and homework.submitted_to is not None:
            from simulator.classroom.client import deliver

            deliver(homework.submitted_to, url)

    return submit


def _desk_for(homework: Any) -> Any:
    """The app submits homework itself (and tells the learner there), through a desk."""
    if homework is None:
        return None
    from simulator.homework.desk import HomeworkDesk

    return HomeworkDesk(homework.assignment, homework.student)


def _open_in_app(
    attempt: Attempt,
    on_finish: FinishHook | None,
    factory: AppFactory | None,
    desk: Any = None,
) -> int | None:
    """Open the resumed attempt in the app; None to stay plain (not a terminal)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("(Not a terminal: continuing in the plain mode.)", file=sys.stderr)
        return None
    from simulator.commands.play import default_app_factory
    from simulator.practice import AppOptions

    options = AppOptions(
        seed=attempt.seed, mode=attempt.mode, resume=attempt, on_finish=on_finish, homework=desk
    )
    app = (factory or default_app_factory())(options)
    app.run()
    url = getattr(getattr(desk, "assignment", None), "submit_to", None)
    for handed in getattr(desk, "handed", []):
        print(handed.line)
        if url:
            from simulator.classroom.client import deliver

            deliver(handed.path, url)
    return int(app.return_code or 0)
