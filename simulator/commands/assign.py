"""``simulator assign``: write an assignment file a coach can email or upload to an LMS."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

NAME = "assign"
HELP = "set scenarios as homework: write an assignment file for your learners"
ORDER = 60


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenarios", nargs="+", metavar="SCENARIO", help="scenario ids or paths")
    parser.add_argument("-o", "--output", required=True, help="assignment file to write (.json)")
    parser.add_argument("--title", help="what learners see (default: the first scenario's title)")
    parser.add_argument("--due", help="due date, ISO: 2025-11-14 (end of day) or 2025-11-14T17:00")
    parser.add_argument(
        "--pass-mark", type=int, help="score needed to pass, 0-100 (default: each scenario's)"
    )
    parser.add_argument("--attempts", type=int, help="most submissions counted per student")
    parser.add_argument(
        "--mode",
        choices=("exam", "practice"),
        default="practice",
        help="exam: no live hints while playing; practice: hints shown (default)",
    )
    parser.add_argument(
        "--seed",
        default="per-student",
        help="a number everyone plays with, or per-student (default: derived from each name)",
    )
    parser.add_argument("--notes", default="", help="a note shown to learners before they start")
    parser.add_argument(
        "--points", type=int, help="gradebook scale: points for a score of 100 (default 100)"
    )
    parser.add_argument(
        "--submit-to",
        metavar="URL",
        help="your class server's submission address: learners' clients deliver there too",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int:
    from simulator.commands._common import load_bundle
    from simulator.homework.assignment import create_assignment, parse_due, save_assignment
    from simulator.homework.errors import HomeworkError

    output = Path(args.output)
    try:
        seed = _seed(args.seed)
        if args.pass_mark is not None and not 0 <= args.pass_mark <= 100:
            raise HomeworkError("--pass-mark must be between 0 and 100")
        if args.attempts is not None and not 1 <= args.attempts <= 1000:
            raise HomeworkError("--attempts must be between 1 and 1000")
        if args.points is not None and not 1 <= args.points <= 10_000:
            raise HomeworkError("--points must be between 1 and 10000")
        if output.exists() and not args.force:
            raise HomeworkError(f"{output} exists; pass --force to replace it")
        due = parse_due(args.due) if args.due else None
    except HomeworkError as exc:
        print(f"simulator assign: {exc}", file=sys.stderr)
        return 2
    bundles = []
    for ref in args.scenarios:
        bundle = load_bundle(ref)
        if bundle is None:
            return 2
        bundles.append(bundle)
    try:
        assignment = create_assignment(
            bundles,
            title=args.title or bundles[0].scenario.title,
            mode=args.mode,
            due=due,
            pass_mark=args.pass_mark,
            attempts=args.attempts,
            seed=seed,
            notes=args.notes,
            points=args.points,
            submit_to=args.submit_to,
        )
        save_assignment(assignment, output)
    except HomeworkError as exc:
        print(f"simulator assign: {exc}", file=sys.stderr)
        return 2
    scenario_ids = " ".join(b.scenario.id for b in bundles)
    print(f"Wrote {output}: assignment {assignment.id}, '{assignment.title}'")
    print(f"  scenarios: {scenario_ids}")
    print(f"  {assignment.mode} mode; seed {args.seed}", end="")
    print(f"; due {due.isoformat()}" if due else "; no due date", end="")
    print(f"; {assignment.attempts} attempt(s)" if assignment.attempts else "; unlimited attempts")
    print("Learners need only this file:")
    quoted = shlex.quote(str(output))
    if len(assignment.scenarios) == 1:
        print(f"  simulator play --assignment {quoted} --student 'Their Name'")
    else:  # the app plays every scenario in one session; plain mode names one
        print(f"  simulator play --assignment {quoted} --student 'Their Name'   (the app)")
        for entry in assignment.scenarios:
            print(
                f"  simulator play {entry.id} --assignment {quoted} --student 'Their Name' --plain"
            )
    if assignment.submit_to:
        print("  (each submission is also sent to the class server named in the file)")
    print(f"Then collect their submissions and run: simulator review {quoted} FOLDER")
    return 0


def _seed(text: str) -> int | None:
    from simulator.homework.errors import HomeworkError

    if text == "per-student":
        return None
    try:
        value = int(text)
    except ValueError:
        raise HomeworkError(f"--seed {text!r}: give a whole number or per-student") from None
    if not 0 <= value < 2**31:
        raise HomeworkError("--seed must be between 0 and 2147483647")
    return value
