"""A full 30-turn headless session against the time of loading its content (goal < 100 ms
after load), plus what durability costs: the journalled session and resuming it.

Figures are medians of repeated runs in one process after one warm-up; the first
session of a process also pays for importing Faker, shown on its own row.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from run_all import print_table, row

GOAL_MS = 100.0
SCENARIO = "review-season-cold-email"
SCRIPT = {
    "outreach": {
        "subject": "A 20-minute question about your path into HR",
        "body": "Hi, I am moving from operations into HR and enjoyed your panel on pay "
        "transparency. Could I have 20 minutes in November to hear about your career path? "
        "I know review season is busy, so any week that suits you is fine.",
    },
    "meeting": [
        "How did you get into HR?",
        "What does a typical day look like for you?",
        "Which skills matter most in your work?",
        "What advice would you give someone moving over from operations?",
        "How is the industry changing?",
        "Is there anyone else you think I should talk to?",
        "I want to respect your time, so I'll wrap up there. Thank you so much.",
    ],
    "thank_you": {
        "body": "Thank you for your time yesterday; the advice helped.",
        "after_hours": 10,
    },
}


def _median_ms(action: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(runs: int = 20) -> list[dict[str, Any]]:
    from simulator.content import Library, Script
    from simulator.conversation.scripted import run_script
    from simulator.grading import grade
    from simulator.recorder import Recorder

    script = Script.model_validate(SCRIPT)
    load_ms = _median_ms(lambda: Library().load(SCENARIO), runs)
    bundle = Library().load(SCENARIO)

    start = time.perf_counter()
    first = run_script(bundle, script, 1).session
    cold_ms = (time.perf_counter() - start) * 1000
    turns = len(first.transcript.turns)
    learner = len(first.transcript.learner_turns())
    identities = first.identities

    def headless() -> None:
        session = run_script(bundle, script, 1).session
        grade(session.transcript, bundle.scenario, session.lexicon)

    session_ms = _median_ms(headless, runs)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths: list[Path] = []

        def journalled() -> None:
            recorder = Recorder(bundle, 1, journal_folder=folder, attempts_folder=folder)
            session = recorder.start(identities)
            from simulator.conversation.scripted import next_input

            cursor = {"follow_ups": 0, "meeting": 0}
            while not session.finished:
                session.send(next_input(session, script, cursor))
            recorder.close()
            assert recorder.journal is not None
            paths.append(recorder.journal.path)

        journal_ms = _median_ms(journalled, max(5, runs // 2))
        resume_ms = _median_ms(lambda: Recorder.resume(paths.pop()).close(), len(paths) - 1)

    return [
        row("load scenario + persona", load_ms, "ms", "reference", True,
            "YAML + validation, median"),
        row(f"headless session ({turns} turns) + grading", session_ms, "ms", f"< {GOAL_MS:.0f} ms",
            session_ms < GOAL_MS, f"{learner} learner turns; median of {runs} after load"),
        row("session vs load", session_ms / load_ms, "x", "reference", True, ""),
        row("first session in a process", cold_ms, "ms", "reference", True,
            "one-time costs of this process included (lazy imports, caches)"),
        row("journalled session (fsync per turn)", journal_ms, "ms", "reference", True,
            f"{turns} turns written and fsync'd"),
        row("resume: read + replay + verify", resume_ms, "ms", "< 1000 ms", resume_ms < 1000,
            "rebuilds the bundle from the journal's embedded texts"),
    ]  # fmt: skip


if __name__ == "__main__":
    print_table("session", measure())
