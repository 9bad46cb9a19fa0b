"""``simulator play``: practise a scenario (``--plain`` for the plain, screen-reader mode)."""

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


def run(args: argparse.Namespace) -> int:
    return play_plain_command(args.scenario or DEFAULT_SCENARIO, args.seed or 1)


def play_plain_command(ref: str, seed: int) -> int:
    from simulator.commands._common import load_bundle
    from simulator.plain import play_plain

    bundle = load_bundle(ref)
    if bundle is None:
        return 2
    play_plain(bundle, seed, sys.stdin, sys.stdout)
    return 0


def open_default() -> int:
    """What ``simulator`` with no command does."""
    return play_plain_command(DEFAULT_SCENARIO, 1)
