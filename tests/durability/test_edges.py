"""Durability at the edges: concurrent writers, sessions open twice, special files, bad homes.

Each case is played with real processes where the problem is between processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.settings import load_settings

CHANGES = {"default_seed": "7", "hints": "false", "theme": "light", "default_scenario": "abc"}


def _at_once(home: Path, argvs: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Run ``simulator`` commands in parallel processes that all start at the same instant."""
    start = time.time() + 1.5  # after every interpreter has imported the simulator
    code = (
        "import sys, time\n"
        "from simulator.cli import main\n"
        "start = float(sys.argv[1])\n"
        "time.sleep(max(0.0, start - time.time()))\n"
        "raise SystemExit(main(sys.argv[2:]))\n"
    )
    env = {**os.environ, "SIMULATOR_HOME": str(home)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(start), *argv],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for argv in argvs
    ]
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


@pytest.mark.parametrize("trial", range(3))
def test_concurrent_settings_changes_all_land(home: Path, trial: int) -> None:
    runs = _at_once(home, [["settings", key, value] for key, value in CHANGES.items()])
    assert [r.returncode for r in runs] == [0] * len(CHANGES), [r.stderr for r in runs]
    saved = json.loads((home / "settings.json").read_text(encoding="utf-8"))
    assert {k: json.dumps(saved[k]).strip('"') for k in CHANGES} == CHANGES
    assert load_settings()[1] == []
