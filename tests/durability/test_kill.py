"""A real ``simulator play --plain`` killed with SIGKILL mid-meeting, then resumed.

The resumed session must finish with the same transcript and report as a session played
straight through with the same inputs, and no turn the learner saw answered may be lost.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .conftest import MEETING, OUTREACH

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

WAIT_LIMIT = 60.0
"""A guard against hanging the suite, not a timing assertion."""

# What the learner types, one chunk per learner turn.
CHUNKS: list[list[str]] = [
    [OUTREACH.subject, OUTREACH.body.replace("\n", " "), ".", ""],
    *([line] for line in MEETING),
    ["/wrap"],
    ["y", "10", "Thank you for your time yesterday; the advice on writing clearly helped.", "."],
]
PROMPT = b" min] You: "


class Simulator:
    """A ``simulator`` child process with its output collected by a thread."""

    def __init__(self, home: Path, *args: str) -> None:
        env = {**os.environ, "SIMULATOR_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "simulator", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        self.output = b""
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while chunk := os.read(self.proc.stdout.fileno(), 65536):
            with self._lock:
                self.output += chunk

    def type(self, lines: list[str]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(("\n".join(lines) + "\n").encode("utf-8"))
        self.proc.stdin.flush()

    def wait_for(self, marker: bytes, count: int) -> None:
        deadline = time.monotonic() + WAIT_LIMIT
        while time.monotonic() < deadline:
            with self._lock:
                if self.output.count(marker) >= count:
                    return
            if self.proc.poll() is not None:
                break
            time.sleep(0.01)
        raise AssertionError(f"never saw {marker!r} x{count}:\n{self.output.decode()}")

    def finish(self) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(WAIT_LIMIT)
        self._reader.join(WAIT_LIMIT)
        assert self.proc.stderr is not None
        errors = self.proc.stderr.read().decode()
        assert "Traceback" not in errors, errors
        return self.output.decode()


def _debrief(output: str) -> str:
    return output.split("=== Debrief ===", 1)[1].split("\nSaved to", 1)[0]


def _attempt(home: Path) -> dict:
    [path] = (home / "attempts").glob("*.json")
    return json.loads(path.read_text(encoding="utf-8"))


def test_sigkill_mid_meeting_then_resume_gives_the_same_report(tmp_path: Path) -> None:
    straight_home, killed_home = tmp_path / "straight", tmp_path / "killed"
    straight = Simulator(straight_home, "play", "--plain", "--seed", "1")
    straight.type([line for chunk in CHUNKS for line in chunk])
    straight_out = straight.finish()
    assert straight.proc.returncode == 0

    player = Simulator(killed_home, "play", "--plain", "--seed", "1")
    player.type(CHUNKS[0])
    player.wait_for(PROMPT, 1)
    player.type(CHUNKS[1])
    player.wait_for(PROMPT, 2)  # the answer to the first question has been shown
    player.type(CHUNKS[2])
    player.proc.send_signal(signal.SIGKILL)  # at once: maybe mid-turn, maybe just after
    player.proc.wait(WAIT_LIMIT)
    assert player.proc.returncode == -signal.SIGKILL
    assert not (killed_home / "attempts").exists()

    listing = subprocess.run(
        [sys.executable, "-m", "simulator", "resume", "--json"],
        env={**os.environ, "SIMULATOR_HOME": str(killed_home)},
        capture_output=True,
        check=True,
    )
    [info] = json.loads(listing.stdout)["unfinished"]
    done = info["turns"]
    assert done in (2, 3), "a turn the learner saw answered was lost"
    assert info["stage"] == "meeting"

    resumed = Simulator(killed_home, "resume", "--plain", info["id"])
    resumed.type([line for chunk in CHUNKS[done:] for line in chunk])
    resumed_out = resumed.finish()
    assert resumed.proc.returncode == 0
    assert "=== Resuming: Cold email in review season ===" in resumed_out

    assert _debrief(resumed_out) == _debrief(straight_out)
    expected, got = _attempt(straight_home), _attempt(killed_home)
    assert got["report"] == expected["report"]
    assert got["transcript"] == expected["transcript"]
    assert got["id"] == info["id"]
