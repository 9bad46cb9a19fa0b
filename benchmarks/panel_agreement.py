"""How often the grade agrees with an HR professional: the panel's agreement rate.

Usage: ``python benchmarks/panel_agreement.py [--quiet]``

Plays every session in ``tests/panel/sessions.yaml`` and prints the verdict agreement,
how many expected key findings appeared, full agreement (verdict, findings and score
bounds together) and every disagreement with the reason. Exit status 1 below 95%.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from simulator.content import Library  # noqa: E402
from tests.panel.panel import load, play  # noqa: E402

GOAL = 0.95


def main(argv: list[str] | None = None) -> int:
    """Print the panel's agreement figures and each disagreement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="figures only")
    args = parser.parse_args(argv)
    library = Library()
    judged = [play(entry, library) for entry in load()]
    n = len(judged)
    verdicts = sum(j.verdict_agrees for j in judged)
    expected = sum(len(j.entry.get("findings", [])) for j in judged)
    shown = expected - sum(len(j.missing_findings) for j in judged)
    full = sum(j.agrees for j in judged)
    print(f"panel sessions:        {n}")
    print(f"verdict agreement:     {verdicts}/{n} = {verdicts / n:.1%}  (goal {GOAL:.0%})")
    print(f"key findings shown:    {shown}/{expected} = {shown / max(expected, 1):.1%}")
    print(f"full agreement:        {full}/{n} = {full / n:.1%}")
    if not args.quiet:
        for j in judged:
            if not j.agrees:
                print("  - " + j.describe())
    return 0 if verdicts / n >= GOAL and shown == expected else 1


if __name__ == "__main__":
    raise SystemExit(main())
