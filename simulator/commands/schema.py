"""``simulator schema``: the JSON Schema of scenario, persona or script files (for editors)."""

from __future__ import annotations

import argparse

NAME = "schema"
HELP = "print the JSON Schema of scenario, persona or script files (for editor completion)"
ORDER = 45


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=("scenario", "persona", "script"), help="which file kind")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from simulator.authoring.schema import schema_text

    text = schema_text(args.kind)
    if args.output:
        from simulator.storage import StorageError, atomic_write

        path = Path(args.output)
        try:
            atomic_write(path, text)
        except StorageError as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"wrote {path}", file=sys.stderr)
        return 0
    sys.stdout.write(text)
    return 0
