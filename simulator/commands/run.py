"""``simulator run``: play a scripted learner through a scenario, headless."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.content import Bundle
    from simulator.homework.learner import AssignmentRun

NAME = "run"
HELP = "play a scripted learner (a YAML script) through a scenario and print the report"
ORDER = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "scenario",
        nargs="?",
        help="scenario id or path (with --assignment: which assigned scenario, if several)",
    )
    parser.add_argument("--script", required=True, help="learner script (YAML), or - for stdin")
    parser.add_argument("--seed", type=int, default=None, help="seed for the persona (default 1)")
    parser.add_argument("--json", action="store_true", help="print {transcript, report} as JSON")
    parser.add_argument("--assignment", help="an assignment file: play it and submit the result")
    parser.add_argument("--student", help="your name, as your coach knows it (with --assignment)")
    parser.add_argument(
        "--submit-to", metavar="URL", help="also send the submission to your coach's class server"
    )


def run(args: argparse.Namespace) -> int:
    from simulator.commands._common import jsonable, load_bundle, load_script, write_stdout
    from simulator.practice import InputError, play_script, report_text, transcript_text

    homework = None
    bundle: Bundle | None
    if args.assignment:
        homework = _open_assignment(args)
        if homework is None:
            return 2
        bundle = homework.bundle
        seed = homework.seed
    elif args.student:
        print("simulator run: --student goes with --assignment", file=sys.stderr)
        return 2
    elif not args.scenario:
        print("simulator run: give a scenario id or path (or --assignment)", file=sys.stderr)
        return 2
    else:
        bundle = load_bundle(args.scenario)
        seed = 1 if args.seed is None else args.seed
    if bundle is None:
        return 1  # EXIT_CONTENT (simulator.authoring.load)
    script = load_script(args.script)
    if script is None:
        return 2
    try:
        result = play_script(bundle, script, seed)
    except InputError as exc:
        print(f"{args.script}: {exc}", file=sys.stderr)
        return 2
    session, report = result.session, result.report
    if args.json:
        write_stdout(
            jsonable({"transcript": session.transcript.to_dict(), "report": report.to_dict()})
        )
    else:
        write_stdout(transcript_text(session.transcript) + "\n\n" + report_text(report))
    if result.unused_meeting_lines:
        sys.stdout.flush()  # the report first, then the note, even when both go to one pipe
        print(
            f"note: {result.unused_meeting_lines} meeting line(s) of the script were not used "
            "(the meeting ended first)",
            file=sys.stderr,
        )
    if homework is not None:
        from simulator.homework import HomeworkError

        try:
            homework.submit(session, report)
        except HomeworkError as exc:
            print(
                f"simulator run: not submitted: {exc}. Nothing is lost: the same script plays "
                "the same session, so run this command again once the folder can be written.",
                file=sys.stderr,
            )
            return 1
        print(homework.outcome_line(report), file=sys.stderr)
        if args.submit_to and homework.submitted_to is not None:
            from simulator.classroom.client import deliver

            return deliver(homework.submitted_to, args.submit_to)
    return 0


def _open_assignment(args: argparse.Namespace) -> AssignmentRun | None:
    """The assignment run for --assignment/--student, or None after printing why not."""
    from simulator.homework import HomeworkError, open_assignment

    if args.seed is not None:
        print("simulator run: the assignment sets the seed; drop --seed", file=sys.stderr)
        return None
    if not args.student:
        print("simulator run: --assignment needs --student 'Your Name'", file=sys.stderr)
        return None
    try:
        return open_assignment(args.assignment, args.student, args.scenario)
    except HomeworkError as exc:
        print(f"simulator run: {exc}", file=sys.stderr)
        return None
