"""Peak memory (RSS) of the headless workloads, each in a fresh process (goal < 150 MB).

Each workload runs in its own interpreter and reports ``ru_maxrss`` at the end, so the
figure is the true high-water mark of that workload, imports included.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

from run_all import print_table, row

GOAL_MB = 150.0
HERE = Path(__file__).resolve().parent

SESSION = """
from bench_session import SCRIPT
from simulator.content import Library, Script
from simulator.conversation.scripted import run_script
from simulator.grading import grade, report_text
bundle = Library().load("review-season-cold-email")
session = run_script(bundle, Script.model_validate(SCRIPT), 1).session
report_text(grade(session.transcript, bundle.scenario, session.lexicon))
"""

JOURNAL_AND_RESUME = """
from bench_session import SCRIPT
from simulator.content import Library, Script
from simulator.conversation.scripted import next_input
from simulator.recorder import Recorder
bundle = Library().load("review-season-cold-email")
from simulator.practice import report_on
script = Script.model_validate(SCRIPT)
recorder = Recorder(bundle, 1)
session = recorder.start()
cursor = {"follow_ups": 0, "meeting": 0}
for _ in range(4):
    session.send(next_input(session, script, cursor))
recorder.close()
resumed = Recorder.resume(recorder.journal.path)
while not resumed.session.finished:
    resumed.session.send(next_input(resumed.session, script, cursor))
resumed.finish(report_on(resumed.session))
"""

HOSTILE_TEXT = """
from simulator.content import Library
from simulator.conversation import InputError, Outreach, Say, Session
from simulator.conversation.inputs import MAX_INPUT_CHARS
bundle = Library().load("review-season-cold-email")
session = Session(bundle, 1)
session.send(Outreach("Could I have 15 minutes to hear about your career path?", "15 min"))
paste = "x" * (1024 * 1024)
for _ in range(20):
    try:
        session.send(Say(paste))
    except InputError:
        pass
session.send(Say(("How did you get into HR? " * 1000)[:MAX_INPUT_CHARS]))
"""

HISTORY = """
from simulator.history import attempt_history
history = attempt_history()
assert sum(len(h.attempts) for h in history.scenarios) >= {count}
"""

HELP = """
import contextlib, io
from simulator.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(["--help"])
"""


PROBE = """
import resource, sys
try:  # VmHWM: this process's own high-water mark (ru_maxrss survives exec on Linux)
    with open("/proc/self/status") as status:
        kb = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kb = kb // 1024 if sys.platform == "darwin" else kb  # macOS reports bytes
print("PEAK", kb)
"""


def peak_mb(code: str, home: str) -> float:
    """Peak RSS in MB of a fresh interpreter running ``code``."""
    probe = PROBE
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code) + probe],
        capture_output=True,
        text=True,
        cwd=HERE,
        env={**os.environ, "SIMULATOR_HOME": home, "PYTHONPATH": str(HERE)},
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1])
    return int(result.stdout.strip().splitlines()[-1].split()[1]) / 1024


def _attempts(folder: Path, count: int) -> None:
    """``count`` saved attempts with full transcripts, as history reads them."""
    from bench_session import SCRIPT

    from simulator.content import Library, Script
    from simulator.conversation.scripted import run_script
    from simulator.grading import grade

    bundle = Library().load("review-season-cold-email")
    session = run_script(bundle, Script.model_validate(SCRIPT), 1).session
    report = grade(session.transcript, bundle.scenario, session.lexicon)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        record = {
            "id": f"attempt-{i:05d}",
            "finished": f"2026-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}+00:00",
            "scenario": bundle.scenario.id,
            "title": bundle.scenario.title,
            "score": (report.score + i) % 101,
            "passed": report.passed,
            "transcript": session.transcript.to_dict(),
            "report": report.to_dict(),
        }
        (folder / f"attempt-{i:05d}.json").write_text(json.dumps(record))


def measure(attempts: int = 1000) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory() as home:
        _attempts(Path(home) / "attempts", attempts)
        workloads = [
            ("simulator --help", HELP, ""),
            ("headless 30-turn session + report", SESSION, ""),
            ("journalled session, resumed, finished", JOURNAL_AND_RESUME, "fsync'd journal"),
            ("1 MB pastes refused x20 + a 10,000-char turn", HOSTILE_TEXT, ""),
            (f"history of {attempts:,} attempts", HISTORY.format(count=attempts),
             "full transcripts in every file"),
        ]  # fmt: skip
        for name, code, note in workloads:
            mb = peak_mb(code, home)
            rows.append(row(name, mb, "MB", f"< {GOAL_MB:.0f} MB", mb < GOAL_MB, note))
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(row("this benchmark process (reference)", baseline, "MB", "reference", True, ""))
    return rows


if __name__ == "__main__":
    print_table("memory", measure())
