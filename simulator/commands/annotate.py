"""``simulator annotate``: a coach's comment or grade override for one student.

Writes the assignment's sidecar (``<assignment>.annotations.json``, or ``--file``);
``simulator review`` reads it, puts the comment in the student's feedback page and shows
an override, with its reason, in every export.
"""

from __future__ import annotations

import argparse
import sys

NAME = "annotate"
HELP = "add a comment or a grade override (with a reason) for a student's homework"
ORDER = 64


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assignment", help="the assignment file")
    parser.add_argument("--student", required=True, help="the student's name")
    parser.add_argument("--comment", help="a comment to the student (shown in their feedback)")
    parser.add_argument("--grade", type=int, help="override the grade (0-100); needs --reason")
    parser.add_argument("--reason", help="why the grade is overridden")
    parser.add_argument("--clear", action="store_true", help="remove the override")
    parser.add_argument("--file", help="the annotations file (default: beside the assignment)")


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime
    from pathlib import Path

    from simulator.homework import HomeworkError, load_assignment
    from simulator.homework.annotations import load_annotations, save_annotations, sidecar_path

    if args.grade is not None and not (args.reason or "").strip():
        print("simulator annotate: --grade needs --reason 'why'", file=sys.stderr)
        return 2
    if args.grade is not None and not 0 <= args.grade <= 100:
        print("simulator annotate: --grade must be between 0 and 100", file=sys.stderr)
        return 2
    if args.comment is None and args.grade is None and not args.clear:
        print("simulator annotate: give --comment, --grade/--reason or --clear", file=sys.stderr)
        return 2
    try:
        assignment = load_assignment(Path(args.assignment))
        path = Path(args.file) if args.file else sidecar_path(Path(args.assignment))
        annotations = load_annotations(path, assignment.id)
        note = annotations.note(args.student)
        if args.comment is not None:
            note["comment"] = args.comment.strip()
        if args.clear:
            note["override"] = None
        if args.grade is not None:
            stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
            note["override"] = {"grade": args.grade, "reason": args.reason.strip(), "at": stamp}
        save_annotations(annotations, path)
    except HomeworkError as exc:
        print(f"simulator annotate: {exc}", file=sys.stderr)
        return 2
    print(f"Saved to {path}")
    return 0
