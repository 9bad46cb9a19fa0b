"""Benchmark: starting the app until the library is listed vs an empty Textual app (goal: <= 1.2x).

The listing comes from the cached, validated library (simulator/listing_cache.py); the
warm-up run writes that cache, as a learner's first start does, and from then on Home
reads it before its first frame, so the library is in that frame.

Each run is a fresh Python process, timed from spawn to exit, that starts an app
headless at 80x24 and quits as soon as its first frame is up (Textual's ready signal,
through ``auto_pilot``) - for the simulator, once the home screen is showing. The two are
run alternately, several times, after one warm-up each (so both read compiled
bytecode); the ratio is the median of each back-to-back pair's ratio. The empty app is
the floor: Python plus Textual.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

GOAL_RATIO = 1.5
"""The first frame (home screen drawn)."""
GOAL_LISTED = 1.2
"""The library listed on the home screen (what a learner waits for)."""
ROOT = Path(__file__).resolve().parent.parent

EMPTY_APP = """
from textual.app import App

class Empty(App):
    pass

async def first_frame(pilot):
    pilot.app.exit()

Empty().run(headless=True, size=(80, 24), auto_pilot=first_frame)
"""

SIMULATOR_APP = """
import asyncio
from simulator.cli import build_parser

build_parser().parse_args([])  # what `simulator` does before it opens the app
from simulator.tui.app import build_app
from simulator.tui.screens.home import HomeScreen

async def first_frame(pilot):
    while not isinstance(pilot.app.screen, HomeScreen):
        await asyncio.sleep(0.001)
    pilot.app.exit()

build_app().run(headless=True, size=(80, 24), auto_pilot=first_frame)
"""

SIMULATOR_LISTED = SIMULATOR_APP.replace(
    "    pilot.app.exit()",
    "    while not pilot.app.screen.scenario_entries():\n"
    "        await asyncio.sleep(0.005)\n"
    "    pilot.app.exit()",
)
"""The same, until the scenario library is listed (in the first frame once cached)."""


def _time(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)
    return time.perf_counter() - start


def measure(runs: int = 9) -> list[dict[str, Any]]:
    """Median start-up of each app over ``runs`` alternating runs, and their ratio."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("TEXTUAL", None)
    _time(EMPTY_APP, env)  # warm-up: compile and cache bytecode for both
    _time(SIMULATOR_APP, env)
    _time(SIMULATOR_LISTED, env)  # and writes the library cache, as a first start does
    empty, ours, listed = [], [], []
    for _ in range(runs):
        empty.append(_time(EMPTY_APP, env))
        ours.append(_time(SIMULATOR_APP, env))
        listed.append(_time(SIMULATOR_LISTED, env))
    empty_median, ours_median = statistics.median(empty), statistics.median(ours)
    # Each pair ran back to back, so a pair's ratio sees the same machine load: the median
    # of the pairs' ratios is steadier than a ratio of medians when other jobs come and go.
    ratio = statistics.median(o / e for o, e in zip(ours, empty, strict=True))
    listed_ratio = statistics.median(s / e for s, e in zip(listed, empty, strict=True))
    return [
        {
            "name": "empty Textual app, first frame",
            "value": round(empty_median * 1000, 1),
            "unit": "ms",
            "goal": "info",
            "ok": True,
            "note": f"median of {runs} fresh processes (Python + Textual)",
        },
        {
            "name": "simulator app, home screen",
            "value": round(ours_median * 1000, 1),
            "unit": "ms",
            "goal": "info",
            "ok": True,
            "note": f"median of {runs}; fastest {min(ours) * 1000:.0f} ms",
        },
        {
            "name": "simulator app, library listed",
            "value": round(statistics.median(listed) * 1000, 1),
            "unit": "ms",
            "goal": "info",
            "ok": True,
            "note": "until the scenarios appear (from the listing cache)",
        },
        {
            "name": "start-up ratio (simulator / empty)",
            "value": round(ratio, 2),
            "unit": "x",
            "goal": f"<= {GOAL_RATIO}",
            "ok": ratio <= GOAL_RATIO,
            "note": f"median of {runs} back-to-back pairs, headless at 80x24",
        },
        {
            "name": "library-listed ratio (simulator / empty)",
            "value": round(listed_ratio, 2),
            "unit": "x",
            "goal": f"<= {GOAL_LISTED}",
            "ok": listed_ratio <= GOAL_LISTED,
            "note": f"median of {runs} back-to-back pairs; the scenarios on screen",
        },
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from run_all import print_table  # same table as run_all, run from benchmarks/

    print_table("startup", measure())
