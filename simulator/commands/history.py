"""``simulator history``: past attempts per scenario, with scores and a trend."""

from __future__ import annotations

import argparse
import sys

NAME = "history"
HELP = "past attempts per scenario, with scores and a trend"
ORDER = 30
SHOWN = 12
"""Attempts listed one by one per scenario (the sparkline covers all of them)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", nargs="?", default=None, help="only this scenario id")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--ascii", action="store_true", help="draw the trend with plain ASCII characters"
    )


def run(args: argparse.Namespace) -> int:
    from simulator.commands._common import jsonable, write_stdout
    from simulator.history import attempt_history, sparkline
    from simulator.textsafe import printable

    history = attempt_history(scenario=args.scenario)
    if args.json:
        write_stdout(jsonable(history.to_dict()))
        return 0
    for notice in history.notices:
        print(f"note: {notice}", file=sys.stderr)
    if history.skipped:
        print(f"note: skipped {len(history.skipped)} unreadable attempt(s)", file=sys.stderr)
    if not history.scenarios:
        which = f" of '{printable(args.scenario)}'" if args.scenario else ""
        write_stdout(f"No finished attempts{which} yet. Practise with `simulator play`.")
        return 0
    ascii_only = args.ascii or not _can_draw_blocks()
    out: list[str] = []
    for h in history.scenarios:
        count = len(h.attempts)
        out.append(f"{h.title} ({h.scenario}): {count} attempt{'s' if count != 1 else ''}")
        out.append(
            f"  scores {sparkline(h.scores, ascii_only=ascii_only)}  "
            f"best {h.best}, latest {h.latest}; {h.trend()}"
        )
        hidden = count - SHOWN
        if hidden > 0:
            out.append(f"  ({hidden} earlier attempt{'s' if hidden != 1 else ''} not listed)")
        for a in h.attempts[-SHOWN:]:
            when = a.finished.replace("T", " ").replace("+00:00", " UTC") or "unknown time"
            verdict = "passed" if a.passed else "not passed"
            out.append(f"  {when:<24} {a.score:>3}/100  {verdict:<10}  {a.id}")
        out.append("")
    write_stdout(printable("\n".join(out).rstrip()))
    return 0


def _can_draw_blocks() -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "▁█".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
