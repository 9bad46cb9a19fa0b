"""``simulator validate``: check scenario and persona files, reporting every problem at once."""

from __future__ import annotations

import argparse

NAME = "validate"
HELP = "check scenario and persona files (all problems at once, as path:line:col)"
ORDER = 40
MAX_SHOWN_PER_FILE = 50
"""Problems shown per file; the rest are counted (the first ones are what matter)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        help="ids, files or folders (default: the whole library, yours included)",
    )
    parser.add_argument("--json", action="store_true", help="print the problems as JSON")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--no-source", action="store_true", help="do not show the offending line under each error"
    )


def run(args: argparse.Namespace) -> int:

    from simulator.authoring.validate import validate_paths
    from simulator.commands._common import jsonable, write_stdout
    from simulator.content import Library

    library = Library()
    if args.paths:
        from simulator.authoring.load import validate_refs

        paths = validate_refs(args.paths, library)
    else:
        paths = [folder for folders in library.folders.values() for folder in folders]
        paths = [p for p in paths if p.is_dir()]
    report = validate_paths(paths, library)
    failed = not report.ok or (args.strict and report.warning_count > 0)
    if args.json:
        write_stdout(
            jsonable(
                {
                    "ok": not failed,
                    "summary": report.summary(),
                    "files": [
                        {"path": str(f.path), "kind": f.kind, "id": f.id, "ok": f.ok}
                        for f in report.files
                    ],
                    "problems": [
                        {
                            "path": e.path,
                            "line": e.line,
                            "col": e.col,
                            "severity": e.severity,
                            "message": e.message,
                        }
                        for e in report.problems()
                    ],
                }
            )
        )
        return 1 if failed else 0
    out: list[str] = []
    for result in report.files:
        for error in result.errors[:MAX_SHOWN_PER_FILE]:
            out.append(error.render(show_source=not args.no_source))
        hidden = len(result.errors) - MAX_SHOWN_PER_FILE
        if hidden > 0:
            out.append(f"{result.path}: ... and {hidden} more problems in this file")
    out.append(report.summary())
    write_stdout("\n".join(out))
    return 1 if failed else 0
