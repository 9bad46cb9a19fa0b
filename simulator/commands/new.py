"""``simulator new``: start a scenario or persona from a commented scaffold or a copy."""

from __future__ import annotations

import argparse

NAME = "new"
HELP = "create a scenario or persona file (a commented scaffold, or --from a copy)"
ORDER = 39


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=("scenario", "persona"), help="what to create")
    parser.add_argument("name", help="the new id, also the file name (e.g. my-first-scenario)")
    parser.add_argument("--from", dest="source", metavar="ID", help="copy this scenario/persona")
    parser.add_argument("--persona", metavar="ID", help="for a new scenario: the persona it uses")
    parser.add_argument(
        "-o", "--output", metavar="DIR", help="folder to write into (default: your library)"
    )


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from simulator.authoring.scaffold import ScaffoldError, create

    try:
        path = create(
            args.kind,
            args.name,
            source=args.source,
            folder=Path(args.output) if args.output else None,
            persona=args.persona,
        )
    except ScaffoldError as exc:
        print(f"simulator new: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # the home folder (the library's own folders) is unusable
        where = exc.filename or "your data folder"
        print(f"simulator new: cannot use {where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    steps = [
        f"created {path}",
        "next: edit it, then",
        f"  simulator validate {path}",
    ]
    if args.kind == "scenario":
        steps += [
            f"  simulator check {path}",
            f"  simulator check --explore 200 {path}",
            f"  simulator graph {path}",
            f"  simulator play {path}",
        ]
    print("\n".join(steps))
    return 0
