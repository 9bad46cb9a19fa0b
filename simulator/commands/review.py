"""``simulator review``: verify every submission of an assignment and summarise the class."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "review"
HELP = "re-grade and verify learners' submissions; class table, gradebook, feedback pages"
ORDER = 61
PROGRESS_FROM = 20
"""Show a progress bar (on a terminal) from this many files."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assignment", help="the assignment file you gave out")
    parser.add_argument(
        "paths", nargs="+", metavar="SUBMISSION_OR_FOLDER", help="submission files or folders"
    )
    parser.add_argument(
        "--roster", help="class list: one name per line, or a CSV with name,email,id,login,section"
    )
    parser.add_argument("--csv", metavar="FILE", help="write one row per submission as CSV")
    parser.add_argument("--json", metavar="FILE", help="write the whole review as JSON")
    parser.add_argument("--html", metavar="FILE", help="write the class report as one HTML page")
    parser.add_argument(
        "--gradebook", metavar="FILE", help="write one row per student for your gradebook"
    )
    parser.add_argument(
        "--format",
        choices=("canvas", "moodle", "generic"),
        default="generic",
        help="the gradebook layout (default: generic, for a spreadsheet)",
    )
    parser.add_argument(
        "--feedback", metavar="DIR", help="write an HTML page and a Markdown file per student"
    )
    parser.add_argument(
        "--annotations",
        metavar="FILE",
        help="comments and overrides (default: <assignment>.annotations.json if present)",
    )
    parser.add_argument("--all", action="store_true", help="list every file, not only problems")
    parser.add_argument(
        "--summary", action="store_true", help="counts and what needs a look only (large classes)"
    )
    parser.add_argument("--workers", type=int, help="processes to verify with (default: cores)")


def run(args: argparse.Namespace) -> int:
    from simulator.homework import HomeworkError, load_assignment
    from simulator.homework.annotations import load_annotations, sidecar_path
    from simulator.homework.review import collect_files, review
    from simulator.homework.roster import read_roster_entries

    try:
        assignment = load_assignment(Path(args.assignment))
        roster = read_roster_entries(Path(args.roster)) if args.roster else None
        skip = [Path(args.assignment)]
        notes_path = Path(args.annotations) if args.annotations else None
        default_notes = sidecar_path(Path(args.assignment))
        annotations = load_annotations(notes_path or default_notes, assignment.id)
        files = collect_files([Path(p) for p in args.paths], skip=skip[0])
        files = [f for f in files if f.resolve() != default_notes.resolve()]
    except HomeworkError as exc:
        print(f"simulator review: {exc}", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("simulator review: --workers must be at least 1", file=sys.stderr)
        return 2
    show = sys.stderr.isatty() and len(files) >= PROGRESS_FROM
    bar = ProgressBar(sys.stderr) if show else None
    result = review(
        assignment,
        files,
        roster=roster,
        progress=bar.update if bar else None,
        workers=args.workers,
        annotations=annotations,
    )
    if bar:
        bar.clear()
    from simulator.homework.export import class_table

    print(class_table(result, all_files=args.all, summary_only=args.summary))
    return _write_outputs(args, result)


def _write_outputs(args: argparse.Namespace, result: object) -> int:
    from simulator.homework import feedback, gradebook
    from simulator.homework.export import to_csv, to_json
    from simulator.homework.html import class_report_html
    from simulator.homework.review import ClassReview
    from simulator.storage import StorageError, atomic_write

    assert isinstance(result, ClassReview)
    try:
        for target, render in ((args.csv, to_csv), (args.json, to_json)):
            if target:
                atomic_write(Path(target), render(result))
                print(f"Wrote {target}")
        if args.html:
            atomic_write(Path(args.html), class_report_html(result))
            print(f"Wrote {args.html}")
        if args.gradebook:
            for path in gradebook.write(result, Path(args.gradebook), args.format):
                print(f"Wrote {path}")
            missing = gradebook.missing_ids(result, args.format)
            if missing:
                print(
                    f"note: {len(missing)} student(s) have no roster id {args.format} can match "
                    f"(first: {missing[0]}); add email/id/login columns to the roster",
                    file=sys.stderr,
                )
        if args.feedback:
            written = feedback.write(result, Path(args.feedback))
            print(f"Wrote {len(written) // 2} feedback page(s) to {args.feedback}")
    except StorageError as exc:
        print(f"simulator review: {exc}", file=sys.stderr)
        return 1
    return 0


class ProgressBar:
    """A one-line bar redrawn in place with a carriage return (terminals only)."""

    WIDTH = 30

    def __init__(self, stream: object) -> None:
        self.stream = stream

    def update(self, done: int, total: int) -> None:
        """Redraw the bar at ``done`` of ``total``."""
        filled = round(self.WIDTH * done / total) if total else self.WIDTH
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self._write(f"\rVerifying [{bar}] {done}/{total}")

    def clear(self) -> None:
        """Erase the bar, leaving the cursor at the start of the line."""
        self._write("\r" + " " * (self.WIDTH + 30) + "\r")

    def _write(self, text: str) -> None:
        write = getattr(self.stream, "write")  # noqa: B009 - any text stream
        write(text)
        getattr(self.stream, "flush", lambda: None)()
