"""``simulator play``: practise a scenario in the app (``--plain`` for the plain mode).

The app is imported only here, inside the functions that open it, so ``--help`` and the
headless commands never import Textual.
"""

from __future__ import annotations

import argparse
import sys

NAME = "play"
HELP = "practise a scenario (the app, or --plain for a plain terminal)"
ORDER = 5
DEFAULT_SCENARIO = "review-season-cold-email"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", nargs="?", default=None, help="scenario id or path")
    parser.add_argument("--seed", type=int, default=None, help="seed (default: a fixed one)")
    parser.add_argument(
        "--plain", action="store_true", help="plain prompts on stdout, answers on stdin"
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="reload the scenario and persona files when they are saved (for authors)",
    )


def run(args: argparse.Namespace) -> int:
    if args.plain:
        return play_plain_command(args.scenario or DEFAULT_SCENARIO, args.seed or 1)
    if args.watch and args.scenario is None:
        print("simulator play --watch: name the scenario file to watch", file=sys.stderr)
        return 2
    return play_app(args.scenario, args.seed or 1, watch=args.watch)


def play_plain_command(ref: str, seed: int) -> int:
    from simulator.commands._common import load_bundle
    from simulator.plain import play_plain

    bundle = load_bundle(ref)
    if bundle is None:
        return 2
    play_plain(bundle, seed, sys.stdin, sys.stdout)
    return 0


def play_app(ref: str | None, seed: int, *, watch: bool = False) -> int:
    """Open the app: at home, or straight into a scenario (``watch``: reload it on save)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "simulator: the app needs a terminal; use `simulator play --plain` "
            "for pipes and screen readers",
            file=sys.stderr,
        )
        return 2
    from simulator.content import ContentLoadError, Library

    bundle = None
    errors = None
    if ref is not None:
        if watch:
            try:
                bundle = Library().load(ref)
            except ContentLoadError as exc:
                errors = exc.errors  # shown in the app; fixing the file reloads it
        else:
            from simulator.commands._common import load_bundle

            bundle = load_bundle(ref)
            if bundle is None:
                return 2
    from simulator.tui.app import build_app

    app = build_app(bundle, seed=seed, watch=ref if watch else None, errors=errors)
    app.run()
    return int(app.return_code or 0)


def open_default() -> int:
    """What ``simulator`` with no command does: open the app at home."""
    return play_app(None, 1)
