"""Keys and pastes that arrive in a burst, in a real terminal (tmux): every line lands, in order.

tmux sends the keys as fast as the pane takes them, faster than anyone types. Each test
then reads the journal and compares the learner's turns with what was sent, byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(
        shutil.which("tmux") is None,
        reason="tmux is not installed (.ci/setup-tui.sh installs it in CI)",
    ),
]

DATA = Path(__file__).parent / "data"
WAIT = 60.0
TOPICS = (
    "your first year in HR",
    "the calibration meetings you run",
    "how payroll and benefits fit together",
    "the people you learned the most from",
    "the reports you read every Monday",
    "what a new analyst gets wrong",
    "the courses that were worth the money",
    "how you keep managers consistent",
    "how you plan the merit budget",
    "the questions employees ask most",
)
QUESTIONS = [
    f"Could you tell me a little about {topic}, and what you would do differently now "
    f"that you know how it turned out? (question {n + 1})"
    for n, topic in enumerate(TOPICS * 2)
]


class Pane:
    """A private tmux server with one 80x24 window running the app."""

    def __init__(self, folder: Path, env: dict[str, str], command: str) -> None:
        self.socket = folder / "tmux.sock"
        self.env = env
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "80", "-y", "24")
        self.tmux("send-keys", "-t", "t", "-l", f"exec {command}")
        self.tmux("send-keys", "-t", "t", "Enter")

    def tmux(self, *args: str, data: str | None = None) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args],
            env=self.env,
            input=data,
            capture_output=True,
            text=True,
            check=True,
            timeout=WAIT,
        )
        return done.stdout

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if text in " ".join(self.tmux("capture-pane", "-p", "-t", "t").split()):
                return
            time.sleep(0.1)
        raise AssertionError(f"never saw {text!r}:\n{self.tmux('capture-pane', '-p', '-t', 't')}")

    def close(self) -> None:
        subprocess.run(["tmux", "-S", str(self.socket), "kill-server"], env=self.env, check=False)


@pytest.fixture
def pane(home: Path) -> Iterator[Pane]:
    folder = Path(tempfile.mkdtemp(prefix="simburst"))  # unix socket paths are short
    env = {**os.environ, "SIMULATOR_HOME": str(home), "PS1": "$ ", "TERM": "xterm-256color"}
    env.pop("TMUX", None)
    env.pop("NO_COLOR", None)
    scenario = DATA / "burst-meeting.yaml"
    term = Pane(folder, env, f"{sys.executable} -m simulator play {scenario} --seed 3")
    try:
        term.wait_for("Enter start")
        term.tmux("send-keys", "-t", "t", "Enter")
        term.wait_for("Say something, then press Enter")
        yield term
    finally:
        term.close()
        shutil.rmtree(folder, ignore_errors=True)


def said(home: Path, count: int) -> list[str]:
    """The learner's meeting turns in the journal, once ``count`` of them are there."""
    deadline = time.monotonic() + WAIT
    texts: list[str] = []
    while time.monotonic() < deadline:
        texts = []
        for path in (home / "journals").glob("*.jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                if record.get("type") == "turn" and record.get("who") == "learner":
                    texts.append(record["text"])
        if len(texts) >= count:
            time.sleep(1.0)  # anything more (a duplicate) would show up by now
            break
        time.sleep(0.2)
    return texts


def test_twenty_questions_typed_at_full_speed_all_land_in_order(pane: Pane, home: Path) -> None:
    assert sum(len(q) for q in QUESTIONS) > 2000
    for question in QUESTIONS:
        pane.tmux("send-keys", "-t", "t", "-l", question)
        pane.tmux("send-keys", "-t", "t", "Enter")
    assert said(home, len(QUESTIONS)) == QUESTIONS


def test_a_bracketed_paste_of_twenty_questions_lands_whole(pane: Pane, home: Path) -> None:
    # An escape sequence inside a paste is dropped, never obeyed: "Home" in the middle of
    # a line used to move the words before it to the end of the message.
    pasted = [*QUESTIONS]
    pasted[4] = pasted[4].replace("what you would", "what\x1b[H you would")
    pane.tmux("load-buffer", "-b", "burst", "-", data="\n".join(pasted) + "\n")
    pane.tmux("paste-buffer", "-p", "-b", "burst", "-t", "t")
    assert said(home, len(QUESTIONS)) == QUESTIONS
