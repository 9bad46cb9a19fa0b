"""Cold start of ``simulator --help`` (goal < 0.3 s) and what it imports (nothing heavy),
and a whole ``simulator analyze`` process (goal < 0.25 s, issue 12).

Each run is a fresh interpreter, so the figure includes Python's own start-up; the bare
interpreter is timed alongside for a ratio. ``-X importtime`` lists every module the
help screen pulls in: Textual, Faker, pydantic, PyYAML, transitions and Rich must not be
among them (commands import those inside ``run``).

``analyze`` reads a 120-word outreach draft from a file as the default persona, start
to exit: CPU time (user + system, steadier under load) as the median and the best of
the runs, wall time as the median, beside a bare interpreter timed the same way.
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
ANALYZE_GOAL = 0.25
DRAFT = (
    "Hi Rich, I found your info on the company website and wanted to reach out because I am "
    "moving from operations into HR. I know review season is busy, so could I have 15 "
    "minutes by phone in the next few weeks, whenever suits you? I'd love to learn how you "
    "made the move and what you wish you had known. I'm not asking about openings. Thank "
    "you either way. "
)
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


def _each(
    command: list[str], runs: int, home: str, bytecode: str | None = None
) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each of ``runs`` fresh processes (``home``: SIMULATOR_HOME).

    ``bytecode``: a folder where the children cache compiled modules (``PYTHONPYCACHEPREFIX``),
    even when this environment says not to (``PYTHONDONTWRITEBYTECODE``), as an installed
    package's are; None leaves the environment as it is."""
    walls, cpus = [], []
    env = {**os.environ, "SIMULATOR_HOME": home}
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = bytecode
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def analyze_rows(runs: int = 9) -> list[dict[str, Any]]:
    """A whole ``simulator analyze`` process vs a bare interpreter (issue 12's goal): the
    first run in a fresh home (the persona validated and cached), then ``runs`` more."""
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / "draft.txt"
        draft.write_text(DRAFT * 2, encoding="utf-8")
        command = [sys.executable, "-m", "simulator", "analyze", str(draft)]
        _, first = _each(command, 1, folder)  # also compiles bytecode, as a first run does
        walls, cpus = _each(command, runs, folder)
        bare_walls, bare_cpus = _each([sys.executable, "-c", "pass"], runs, folder)
        cache = str(Path(folder) / "bytecode")
        _each(command, 1, folder, cache)  # compiles every module into the cache
        _, cached = _each(command, runs, folder, cache)
        _, bare_cached = _each([sys.executable, "-c", "pass"], runs, folder, cache)
    cpu, bare = statistics.median(cpus), statistics.median(bare_cpus)
    compiled = "not cached: PYTHONDONTWRITEBYTECODE" if sys.dont_write_bytecode else "cached"
    return [
        row("simulator analyze, whole process, CPU", cpu, "s", f"< {ANALYZE_GOAL} s",
            cpu < ANALYZE_GOAL,
            f"median of {runs} (best {min(cpus):.3f} s); user + system; bytecode {compiled}"),
        row("simulator analyze, CPU, bytecode cached", statistics.median(cached), "s", "info",
            True, f"median of {runs}, as an install with compiled modules; bare interpreter "
            f"{statistics.median(bare_cached):.3f} s the same way"),
        row("simulator analyze, whole process, wall", statistics.median(walls), "s", "info",
            True, f"median of {runs}; stretched by other jobs' load"),
        row("simulator analyze, first run in a new home, CPU", first[0], "s", "info", True,
            "once: validates the persona and caches it (and writes bytecode if allowed)"),
        row("bare interpreter, CPU (python -c pass)", bare, "s", "reference", True,
            f"median of {runs}; wall {statistics.median(bare_walls):.3f} s"),
        row("analyze minus bare interpreter, CPU", cpu - bare, "s", "info", True,
            "what the simulator adds: imports, persona, lexicon, model, reading"),
    ]  # fmt: skip


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
    rows += analyze_rows()
    heavy = heavy_imports()
    rows.append(
        row("heavy packages imported by --help", len(heavy), "", "0", not heavy,
            ", ".join(heavy) or "none of " + ", ".join(HEAVY)),
    )  # fmt: skip
    return rows


if __name__ == "__main__":
    print_table("cli", measure())
