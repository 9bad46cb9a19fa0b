"""A long fuzz run of the hostile-input tests (not part of the normal suite).

The suite runs each property on a small, fixed set of examples. This runs the same
properties with many fresh random examples each time::

    python benchmarks/fuzz.py                  # 2,000 examples per property
    python benchmarks/fuzz.py --examples 20000 # longer
    python benchmarks/fuzz.py -k journal       # only the properties matching a name

A failure prints the smallest input hypothesis found and a ``@reproduce_failure`` line.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per property")
    parser.add_argument("-k", default=None, help="only tests whose names match (pytest -k)")
    args = parser.parse_args(argv)
    env = {**os.environ, "SIMULATOR_FUZZ": "1", "SIMULATOR_FUZZ_EXAMPLES": str(args.examples)}
    command = [sys.executable, "-m", "pytest", "tests/hostile", "-q", "-p", "no:cacheprovider"]
    if args.k:
        command += ["-k", args.k]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
