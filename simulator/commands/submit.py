"""``simulator submit``: hand in finished homework whose submission could not be written.

A homework session that finished but could not be submitted (a full disk, a read-only
folder, a crash at the wrong moment) stays in its journal as "finished, not submitted".
``simulator submit`` lists them; ``--last`` (or a session id) writes the submission again,
to ``--out DIR`` when the usual folder is unusable.
"""

from __future__ import annotations

import argparse
import sys

NAME = "submit"
HELP = "submit finished homework that was not submitted (e.g. the disk was full)"
ORDER = 63


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "session", nargs="?", default=None, help="session id (or a unique part of it)"
    )
    parser.add_argument("--last", action="store_true", help="the most recent one")
    parser.add_argument("--out", metavar="DIR", help="write the submission into this folder")
    parser.add_argument(
        "--submit-to",
        metavar="URL",
        help="also send it to your coach's class server (default: the assignment's, if any)",
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from simulator.homework import HomeworkError
    from simulator.homework.assignment import check_submit_url
    from simulator.homework.export import clean
    from simulator.homework.pending import pending_homework, resubmit

    try:
        override = check_submit_url(args.submit_to) if args.submit_to is not None else None
    except HomeworkError as exc:
        print(f"simulator submit: {exc}", file=sys.stderr)
        return 2
    pending = pending_homework()
    if args.session is None and not args.last:
        if not pending:
            print("Nothing to submit: every finished homework session has been submitted.")
            return 0
        print("Finished homework not submitted yet (oldest first):")
        for item in pending:
            print(
                f"  {item.id}  {clean(item.title, 40)} - {item.scenario}, "
                f"{clean(item.student, 40)}, started {clean(item.started, 30)}"
            )
        print("Submit the last with `simulator submit --last` (add --out DIR for another folder).")
        return 0
    if args.last:
        picked = pending[-1] if pending else None
    else:
        matches = [p for p in pending if args.session in p.id]
        picked = matches[0] if len(matches) == 1 else None
        if len(matches) > 1:
            print(f"simulator submit: '{args.session}' matches several sessions", file=sys.stderr)
            return 2
    if picked is None:
        print("simulator submit: no finished, unsubmitted homework session found", file=sys.stderr)
        return 1
    out = Path(args.out).expanduser() if args.out else None
    try:
        done = resubmit(picked, out)
    except HomeworkError as exc:
        print(f"simulator submit: not submitted: {exc}", file=sys.stderr)
        return 1
    verdict = "passed" if done.passed else "not passed yet"
    print(
        f"Submitted {clean(picked.title, 60)} - {picked.scenario}, attempt {done.attempt}: "
        f"{verdict}, score {done.score} (pass mark {done.pass_mark}). Saved to {done.path}"
    )
    url = override or picked.submit_to
    if url:
        from simulator.classroom.client import deliver

        return deliver(done.path, url)
    return 0
