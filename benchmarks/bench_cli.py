"""Cold start of ``simulator --help`` (goal < 0.3 s) and what it imports (nothing heavy).

Each run is a fresh interpreter, so the figure includes Python's own start-up; the bare
interpreter is timed alongside for a ratio. ``-X importtime`` lists every module the
help screen pulls in: Textual, Faker, pydantic, PyYAML, transitions and Rich must not be
among them (commands import those inside ``run``).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from run_all import print_table, row

GOAL_SECONDS = 0.3
HEAVY = ("textual", "faker", "pydantic", "yaml", "transitions", "rich", "platformdirs")


def _median_seconds(command: list[str], runs: int) -> float:
    return _timed(command, runs)[0]


def _timed(command: list[str], runs: int) -> tuple[float, float]:
    """(median wall seconds, mean CPU seconds) over ``runs`` fresh processes.

    CPU time is steadier than wall time on a busy machine, so both are reported.
    """
    env = {**os.environ, "SIMULATOR_HOME": tempfile.gettempdir()}
    times = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return statistics.median(times), cpu / runs


def heavy_imports() -> list[str]:
    """Top-level packages from HEAVY that ``simulator --help`` imports."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "simulator", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    modules = {
        line.split("|")[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return sorted(m for m in modules if m in HEAVY)


def measure(runs: int = 15) -> list[dict[str, Any]]:
    python = _median_seconds([sys.executable, "-c", "pass"], runs)
    module, cpu = _timed([sys.executable, "-m", "simulator", "--help"], runs)
    rows = [
        row("python -m simulator --help", module, "s", f"< {GOAL_SECONDS} s", module < GOAL_SECONDS,
            f"median of {runs} cold starts"),
        row("python -m simulator --help, CPU time", cpu, "s", f"< {GOAL_SECONDS} s",
            cpu < GOAL_SECONDS, "user + system, mean; steadier than wall time under load"),
        row("bare interpreter (python -c pass)", python, "s", "reference", True,
            f"median of {runs}"),
        row("--help vs bare interpreter", module / python, "x", "reference", True,
            "what the simulator adds to Python's start-up"),
    ]  # fmt: skip
    script = Path(sys.executable).with_name("simulator")
    if script.exists():
        console = _median_seconds([str(script), "--help"], runs)
        rows.insert(
            1,
            row("simulator --help (console script)", console, "s", f"< {GOAL_SECONDS} s",
                console < GOAL_SECONDS, f"median of {runs} cold starts"),
        )  # fmt: skip
    heavy = heavy_imports()
    rows.append(
        row("heavy packages imported by --help", len(heavy), "", "0", not heavy,
            ", ".join(heavy) or "none of " + ", ".join(HEAVY)),
    )  # fmt: skip
    return rows


if __name__ == "__main__":
    print_table("cli", measure())
