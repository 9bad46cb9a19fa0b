"""``simulator list``: the scenarios and personas in the library."""

from __future__ import annotations

import argparse
import sys

TYPE_CHECKING = False  # not ``typing.TYPE_CHECKING``: importing typing slows ``--help``
if TYPE_CHECKING:
    from typing import Any

NAME = "list"
HELP = "list the scenarios and personas you can practise with"
ORDER = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--field", help="only scenarios of this field (hr, healthcare, ...)")


def collect() -> dict[str, Any]:
    """Scenarios and personas with their key facts (see ``content.catalogue.collect``),
    each scenario loaded through the one checked loader (``authoring.load``)."""
    from simulator.authoring.load import checked_listing

    return checked_listing()


def run(args: argparse.Namespace) -> int:
    from simulator.commands._common import jsonable, write_stdout

    data = collect()
    if args.field:
        data["scenarios"] = [s for s in data["scenarios"] if s["field"] == args.field]
    failed = 1 if data["problems"] else 0  # EXIT_CONTENT, as every command (authoring.load)
    if args.json:
        write_stdout(jsonable(data))
        return failed
    lines = ["Scenarios:"]
    for s in data["scenarios"]:
        minutes = f"{s['minutes']} min" if s["minutes"] else "no meeting"
        lines.append(f"  {s['id']:<34} {s['difficulty']:<7} {minutes:<11} {s['title']}")
        lines.append(
            f"  {'':<34} {' -> '.join(s['stages'])}; persona {s['persona']}; field {s['field']}"
        )
    lines += ["", "Personas:"]
    for p in data["personas"]:
        lines.append(f"  {p['id']:<34} {p['role']}: {p['archetype']}")
    write_stdout("\n".join(lines))
    for problem in data["problems"]:
        print(problem, file=sys.stderr)
    return failed
