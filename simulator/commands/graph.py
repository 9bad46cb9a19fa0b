"""``simulator graph``: draw a scenario's stage machine as Mermaid or Graphviz DOT."""

from __future__ import annotations

import argparse

NAME = "graph"
HELP = "draw a scenario's stages and transitions (Mermaid by default, or DOT)"
ORDER = 46


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", help="scenario id or path")
    parser.add_argument(
        "--format", choices=("mermaid", "dot"), default="mermaid", help="output format"
    )


def run(args: argparse.Namespace) -> int:
    from simulator.authoring.graph import draw
    from simulator.commands._common import load_bundle, write_stdout

    bundle = load_bundle(args.scenario)
    if bundle is None:
        return 1  # EXIT_CONTENT (simulator.authoring.load)
    write_stdout(draw(bundle, args.format))
    return 0
