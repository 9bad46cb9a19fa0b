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


def _journal_with_one_turn(home: Path) -> Path:
    from simulator.content import Library
    from simulator.conversation import Say
    from simulator.recorder import Recorder

    recorder = Recorder(Library().load("review-season-meeting"), 1)
    session = recorder.start()
    session.send(Say("Thank you for making the time. How did you get started in HR?"))
    recorder.close()
    [path] = (home / "journals").glob("*.jsonl")
    return path


def _simulator(home: Path, *args: str, **options: object) -> subprocess.Popen[str]:
    env = {**os.environ, "SIMULATOR_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "simulator", *args],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **options,  # type: ignore[call-overload]
    )


def _wait_for_line(proc: subprocess.Popen[str], wanted: str) -> None:
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    for line in proc.stdout:
        if wanted in line:
            return
        assert time.monotonic() < deadline
    raise AssertionError(f"the first resume never printed {wanted!r}")


@pytest.mark.parametrize("ending", ["exits", "is killed"])
def test_a_second_resume_of_one_session_is_refused(home: Path, ending: str) -> None:
    journal = _journal_with_one_turn(home)
    first = _simulator(home, "resume", journal.stem, "--plain", stdin=subprocess.PIPE)
    try:
        _wait_for_line(first, "Where you left off")
        second = _simulator(home, "resume", "--last", "--plain", stdin=subprocess.DEVNULL)
        out, err = second.communicate(timeout=60)
        assert second.returncode != 0
        lines = err.strip().splitlines()
        assert lines == [
            f"cannot resume: session {journal.stem} is already open in another simulator; "
            "finish or close it there first"
        ]
        before = journal.read_bytes()
        assert before.count(b'"type": "resumed"') == 1  # only the first one got in
    finally:
        if ending == "exits":
            first.communicate(input="", timeout=60)  # end of input: it stops and unlocks
        else:
            first.kill()
            first.communicate(timeout=60)
    third = _simulator(home, "resume", journal.stem, "--plain", stdin=subprocess.DEVNULL)
    out, err = third.communicate(timeout=60)
    assert "already open" not in err and "Where you left off" in out
