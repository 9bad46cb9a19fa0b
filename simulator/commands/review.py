"""``simulator review``: verify every submission of an assignment and summarise the class."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "review"
HELP = "re-grade and verify learners' submissions; class table, CSV, JSON and HTML reports"
ORDER = 61
PROGRESS_FROM = 20
"""Show a progress bar (on a terminal) from this many files."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assignment", help="the assignment file you gave out")
    parser.add_argument(
        "paths", nargs="+", metavar="SUBMISSION_OR_FOLDER", help="submission files or folders"
    )
    parser.add_argument("--roster", help="class list: one student name per line")
    parser.add_argument("--csv", metavar="FILE", help="write one row per submission as CSV")
    parser.add_argument("--json", metavar="FILE", help="write the whole review as JSON")
    parser.add_argument("--html", metavar="FILE", help="write the class report as one HTML page")
    parser.add_argument("--all", action="store_true", help="list every file, not only problems")
    parser.add_argument("--workers", type=int, help="processes to verify with (default: cores)")


def run(args: argparse.Namespace) -> int:
    from simulator.homework import HomeworkError, load_assignment
    from simulator.homework.export import class_table, to_csv, to_json
    from simulator.homework.html import class_report_html
    from simulator.homework.review import collect_files, read_roster, review
    from simulator.storage import StorageError, atomic_write

    try:
        assignment = load_assignment(Path(args.assignment))
        roster = read_roster(Path(args.roster)) if args.roster else None
        files = collect_files([Path(p) for p in args.paths], skip=Path(args.assignment))
    except HomeworkError as exc:
        print(f"simulator review: {exc}", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("simulator review: --workers must be at least 1", file=sys.stderr)
        return 2
    show = sys.stderr.isatty() and len(files) >= PROGRESS_FROM
    result = review(
        assignment, files, roster=roster, progress=_bar if show else None, workers=args.workers
    )
    if show:
        sys.stderr.write("\r" + " " * 60 + "\r")
    print(class_table(result, all_files=args.all))
    outputs = [
        (args.csv, to_csv),
        (args.json, to_json),
        (args.html, class_report_html),
    ]
    for target, render in outputs:
        if not target:
            continue
        try:
            atomic_write(Path(target), render(result))
        except StorageError as exc:
            print(f"simulator review: {exc}", file=sys.stderr)
            return 1
        print(f"Wrote {target}")
    return 0


def _bar(done: int, total: int) -> None:
    width = 30
    filled = round(width * done / total) if total else width
    sys.stderr.write(f"\rVerifying [{'#' * filled}{'-' * (width - filled)}] {done}/{total}")
    sys.stderr.flush()
