"""Benchmark: the app until the library is on screen vs an empty Textual app (goal: <= 1.2x).

Both apps are timed the same way: a fresh Python process, its stdin and stdout on a
pseudo-terminal (as when a learner types ``simulator``), from spawn to its first painted
frame (Textual's ``App._display`` called with a screen update, patched identically in
both). ``App.run`` is patched the same way in both to run headless at 80x24, so no
terminal has to be read or drawn. Textual's ready signal (``auto_pilot``) is not used:
it fires once the app is mounted, before any screen is composed or drawn, so it would
time an empty app without its first frame. For the simulator the mark is the first
frame that shows the home screen with scenario rows in it: after taking the mark, the
child renders that frame to text (untimed) and checks that a scenario title is in it,
otherwise it waits for the next frame. Exiting is not timed for either app.

The simulator side runs the console script's own code path, ``simulator.cli.main([])``
(settings, the ``play`` command's app factory, the app): an earlier version imported
``simulator.cli`` and called ``build_app()`` itself, which skipped what ``main`` does
before the app is built (it imported the whole engine and pydantic: 0.2 s never timed).

Each child prints the monotonic clock and its own CPU time (``time.process_time``, all
of the process since exec) at the mark. The CPU ratio is the goal's figure: on a shared
machine other jobs stretch wall time but hardly CPU time. The apps run alternately after
one warm-up each (so both read compiled bytecode, and the warm-up writes the library
cache as a learner's first start does); a ratio is the median of each back-to-back
pair's ratio.

It runs twice: in a new learner's home, then in a returning learner's (``JOURNALS`` session
journals played by the engine, a few unfinished), where the mark also waits for a resume
row: Home lists unfinished sessions, so start-up must not read every journal each time.
"""

from __future__ import annotations

import os
import pty
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

GOAL_LISTED = 1.2
"""The library listed on the home screen (what a learner waits for)."""
ROOT = Path(__file__).resolve().parent.parent

MARK = """
import os, re, sys, time
from textual.app import App

_display, _run = App._display, App.run

def run(app, *args, **options):
    # Both apps: headless at 80x24 (nothing reads or draws a terminal).
    return _run(app, headless=True, size=(80, 24))

App.run = run
_ANSI = re.compile(r"\\x1b\\[[0-9;?]*[A-Za-z]")

def painted(app, screen, renderable):
    # The mark is taken before any check, so checking costs neither side anything.
    now, cpu = time.perf_counter(), time.process_time()
    _display(app, screen, renderable)
    if renderable is None or app._batch_count or getattr(app, "_marked", False):
        return
    if not shown(app, screen):
        return
    text = _ANSI.sub("", "".join(renderable.render_segments(app.console)))
    if not on_screen(app, screen, text):
        return
    app._marked = True
    print(f"MARK {now!r} {cpu!r}", file=sys.stderr, flush=True)
    app.exit()

App._display = painted
"""

EMPTY_APP = (
    MARK
    + """
def shown(app, screen):
    return True

def on_screen(app, screen, text):
    return True

class Empty(App):
    pass

Empty().run()
"""
)

SIMULATOR_APP = (
    MARK
    + """
from simulator.cli import main  # the `simulator` console script

def shown(app, screen):
    return type(screen).__name__ == "HomeScreen" and bool(screen.scenario_entries())

def on_screen(app, screen, text):
    titles = [e.title for e in screen.scenario_entries()]
    resuming = os.environ.get("BENCH_RESUME_ROWS") != "1" or "Resume: " in text
    return titles[0] in text and "Rehearse asking a busy professional" in text and resuming

main([])
"""
)


JOURNALS = 30
"""A returning learner's home: this many session journals, a few of them unfinished."""
ASK = (
    "Hi, I heard you on the pay transparency panel. I'm moving from operations into HR and "
    "would love to learn how you made the move. I know review season is busy: could I have "
    "15 minutes by phone in the next few weeks? Thank you."
)
QUESTIONS = (
    "How did you get into HR?",
    "What does a typical week look like for you right now?",
    "Which skills from operations carry over best?",
    "What do you wish you had known when you moved?",
    "Is there anyone else you think I should talk to?",
)


def returning_home(home: str) -> None:
    """Fill ``home`` (SIMULATOR_HOME) with ``JOURNALS`` real session journals played by
    the engine: an outreach and 1-5 questions each; every tenth left unfinished (Home
    lists those as resume rows), the others finished."""
    old = os.environ.get("SIMULATOR_HOME")
    os.environ["SIMULATOR_HOME"] = home
    try:
        from simulator.content import Library
        from simulator.conversation import Outreach, Say
        from simulator.recorder import Recorder

        bundle = Library().load("review-season-cold-email")
        for number in range(JOURNALS):
            recorder = Recorder(bundle, 3)
            session = recorder.start()
            session.send(Outreach(ASK, "15 minutes?"))
            for question in QUESTIONS[: 1 + number % len(QUESTIONS)]:
                session.send(Say(question))
            if number % 10 == 9 or recorder.journal is None:
                recorder.close()  # interrupted: listed on Home to resume
            else:
                recorder.journal.finish({"score": 0})
    finally:
        if old is None:
            os.environ.pop("SIMULATOR_HOME", None)
        else:
            os.environ["SIMULATOR_HOME"] = old


def _mark(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds from spawn to the child's mark, and the child's CPU seconds then."""
    terminal, child_side = pty.openpty()  # the app checks that it has a terminal
    try:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            check=True,
            cwd=ROOT,
            stdin=child_side,
            stdout=child_side,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        os.close(terminal)
        os.close(child_side)
    marks = [line.split() for line in done.stderr.splitlines() if line.startswith("MARK ")]
    if not marks:
        raise RuntimeError(f"no frame with the library on screen:\n{done.stderr[-2000:]}")
    return float(marks[0][1]) - start, float(marks[0][2])


def measure(runs: int = 9) -> list[dict[str, Any]]:
    """Each app's start-up to its first frame over ``runs`` alternating runs, and ratios:
    a learner's home with the library cached, then a returning learner's (``JOURNALS``
    session journals, a few unfinished, listed on Home to resume)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("TEXTUAL", None)
    with tempfile.TemporaryDirectory() as home:
        # A new learner's own home, not the developer's: whatever journals or caches the
        # real home holds would otherwise be timed too.
        rows = _pairs({**env, "SIMULATOR_HOME": home}, runs, "")
    with tempfile.TemporaryDirectory() as home:
        returning_home(home)
        time.sleep(2.1)  # older than a file clock's tick: stamps are trusted, as on a later day
        env = {**env, "SIMULATOR_HOME": home, "BENCH_RESUME_ROWS": "1"}
        rows += _pairs(env, runs, f", {JOURNALS} journals")
    return rows


def _pairs(env: dict[str, str], runs: int, label: str) -> list[dict[str, Any]]:
    """The rows for one home: ``runs`` back-to-back pairs after one warm-up each."""
    _mark(EMPTY_APP, env)  # warm-up: compile and cache bytecode for both
    _mark(SIMULATOR_APP, env)  # and write the library cache, as a first start does
    empty, ours = [], []
    for _ in range(runs):
        empty.append(_mark(EMPTY_APP, env))
        ours.append(_mark(SIMULATOR_APP, env))

    def median(values: list[float]) -> float:
        return round(statistics.median(values) * 1000, 1)

    def ratio(axis: int) -> float:
        # Each pair ran back to back, so a pair's ratio sees the same machine load: the
        # median of the pairs' ratios is steadier than a ratio of medians.
        pairs = zip(ours, empty, strict=True)
        return round(statistics.median(o[axis] / e[axis] for o, e in pairs), 2)

    wall_ratio, cpu_ratio = ratio(0), ratio(1)
    fastest = min(o[0] for o in ours) * 1000
    returning = "; resume rows on screen" if label else ""
    rows = [
        {
            "name": "empty Textual app, first frame (wall)",
            "value": median([e[0] for e in empty]),
            "unit": "ms",
            "goal": "info",
            "ok": True,
            "note": f"median of {runs} fresh processes (Python + Textual), spawn to frame",
        },
        {
            "name": "empty Textual app, first frame (CPU)",
            "value": median([e[1] for e in empty]),
            "unit": "ms",
            "goal": "info",
            "ok": True,
            "note": "the child's CPU time at its first frame",
        },
        {
            "name": f"simulator, library on screen{label} (wall)",
            "value": median([o[0] for o in ours]),
            "unit": "ms",
            "goal": "info",
            "ok": True,
            "note": f"first home frame with scenario rows{returning}; fastest {fastest:.0f} ms",
        },
        {
            "name": f"simulator, library on screen{label} (CPU)",
            "value": median([o[1] for o in ours]),
            "unit": "ms",
            "goal": "info",
            "ok": True,
            "note": "`simulator` with no arguments (simulator.cli.main), library cached",
        },
        {
            "name": f"library-on-screen ratio{label}, wall",
            "value": wall_ratio,
            "unit": "x",
            "goal": "info",
            "ok": True,
            "note": f"median of {runs} back-to-back pairs; stretched by other jobs' load",
        },
        {
            "name": f"library-on-screen ratio{label}, CPU",
            "value": cpu_ratio,
            "unit": "x",
            "goal": f"<= {GOAL_LISTED}",
            "ok": cpu_ratio <= GOAL_LISTED,
            "note": f"median of {runs} back-to-back pairs, headless at 80x24",
        },
    ]
    return rows if not label else rows[2:]  # the empty app's rows are the same as above


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from run_all import print_table  # same table as run_all, run from benchmarks/

    print_table("startup", measure())
