"""The review benchmark runs on a tiny class; the homework core never imports Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_measure_runs_on_a_tiny_class() -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_review import measure

    rows = measure(sessions=2, copies=2)
    names = [row["name"] for row in rows]
    assert names[0] == "review 4 submissions"
    assert rows[0]["note"].startswith("4/4 verified, 4 students flagged")
    assert {"name", "value", "unit", "goal", "ok", "note"} <= set(rows[0])


def test_homework_and_its_commands_do_not_import_textual() -> None:
    code = (
        "import sys, simulator.homework.html, simulator.homework.learner, "
        "simulator.commands.review, simulator.commands.assign, simulator.commands.submissions, "
        "simulator.commands.submit, simulator.commands.annotate, simulator.homework.desk, "
        "simulator.homework.feedback, simulator.homework.gradebook; "
        "from simulator.cli import build_parser; build_parser(); "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "False"
