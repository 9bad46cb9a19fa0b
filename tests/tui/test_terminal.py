"""The real app in a real terminal (tmux): write, send, read the reply, then close it rudely.

Closing the terminal sends SIGHUP; a service manager sends SIGTERM. Either way the app
must put the terminal back (main screen, line editing, echo, no mouse reporting) and
every finished turn must already be in the journal.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
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

SUBJECT = "15 minutes on moving into HR?"
BODY = (
    "Hi, I heard your panel on pay transparency. I'm moving from operations into HR. "
    "I know review season is busy: could I have 15 minutes by phone in the next few "
    "weeks, whenever suits you? Thank you either way."
)
WAIT = 120.0
"""The ceiling of every wait on the app: generous, since a loaded machine is slow to draw."""
BORDERS = re.compile(r"[\u2500-\u259f\u25b6\u25c0\u258f\u2595]")


class Terminal:
    """A tmux server of our own with one 100x30 window running bash."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.socket = folder / "tmux.sock"
        self.env = env
        self.tmux(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "100",
            "-y",
            "30",
            "bash --norc --noprofile",
        )

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
            timeout=WAIT,
        )
        return done.stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "t", *(["-l"] if literal else []), *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def flat(self) -> str:
        """The pane's text with box drawing removed and all whitespace collapsed."""
        return " ".join(BORDERS.sub(" ", self.screen()).split())

    def flag(self, name: str) -> str:
        return self.tmux("display-message", "-p", "-t", "t", f"#{{{name}}}").strip()

    def wait_for(self, text: str) -> None:
        wanted = " ".join(text.split())
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if wanted in self.flat():
                return
            time.sleep(0.1)
        raise AssertionError(f"never saw {wanted!r}; the pane shows:\n{self.screen()}")

    def tab_to_body(self) -> None:
        """Press Tab in the composer's subject and wait until the body has the focus.

        The app puts the terminal's cursor where the focused field's cursor is: this waits
        until it stands on the body box's first row. On a loaded machine a Tab was seen
        to go unanswered; like a person, press it again, but only while the cursor still
        stands in the subject (a second Tab after a late first one would skip the body).
        """
        self.keys("Tab")
        deadline = time.monotonic() + WAIT
        pressed = time.monotonic()
        while True:
            lines = self.screen().splitlines()
            subject = next((i for i, line in enumerate(lines) if "Subject" in line), -1)
            box = next((i for i, line in enumerate(lines) if i > subject and "\u256d" in line), -2)
            row = int(self.flag("cursor_y"))
            if row == box + 1:
                return
            assert time.monotonic() < deadline, f"the body never got the focus:\n{self.screen()}"
            if row == subject and time.monotonic() - pressed > 10:
                self.keys("Tab")
                pressed = time.monotonic()
            time.sleep(0.1)

    def close(self) -> None:
        # Every program started in the pane shares the pane shell's session: end them all,
        # so a program that outlives the hang-up never keeps running after the test.
        panes = subprocess.run(
            ["tmux", "-S", str(self.socket), "list-panes", "-a", "-F", "#{pane_pid}"],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        subprocess.run(
            ["tmux", "-S", str(self.socket), "kill-server"],
            env=self.env,
            capture_output=True,
            check=False,
        )
        for pid in panes:
            subprocess.run(["pkill", "-KILL", "-s", pid], capture_output=True, check=False)


@pytest.fixture
def terminal(home: Path) -> Iterator[Terminal]:
    # A short private folder: unix socket paths are limited to about 100 bytes.
    folder = Path(tempfile.mkdtemp(prefix="simtmux"))
    env = {**os.environ, "SIMULATOR_HOME": str(home), "PS1": "$ ", "TERM": "xterm-256color"}
    env.pop("TMUX", None)
    term = Terminal(folder, env)
    try:
        yield term
    finally:
        term.close()
        shutil.rmtree(folder, ignore_errors=True)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def journal(home: Path) -> list[dict]:
    [path] = list((home / "journals").glob("*.jsonl"))
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line.get("type") == "turn"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_send_an_email_read_the_reply_then_close_the_terminal(
    terminal: Terminal, home: Path, tmp_path: Path, signum: int
) -> None:
    pid_file = tmp_path / "app.pid"
    command = (
        f"sh -c 'echo $$ > {pid_file}; exec {sys.executable} -m simulator play "
        "review-season-quick-note --seed 1'"
    )
    terminal.keys(command, literal=True)
    terminal.keys("Enter")
    terminal.wait_for("Enter start")
    terminal.keys("Enter")  # briefing -> composer
    terminal.wait_for("Write your email to")
    terminal.keys(SUBJECT, literal=True)
    terminal.wait_for(SUBJECT)
    terminal.tab_to_body()  # typing on only once the body has the focus
    terminal.keys(BODY, literal=True)
    terminal.wait_for("whenever suits you?")
    terminal.keys("F2")
    terminal.wait_for("Send this to")
    terminal.keys("Enter")
    terminal.wait_for("Inbox")

    turns = journal(home)
    reply = next(t for t in turns if t["who"] == "persona")
    terminal.wait_for(reply["text"])  # the persona's reply, read off the screen
    assert terminal.flag("alternate_on") == "1"

    pid = int(pid_file.read_text())
    os.kill(pid, signum)
    deadline = time.monotonic() + WAIT
    while alive(pid):
        assert time.monotonic() < deadline, "the app did not exit on the signal"
        time.sleep(0.1)
    assert terminal.flag("alternate_on") == "0", "the app left the alternate screen on"
    terminal.wait_for("$")
    assert terminal.flag("mouse_any_flag") == "0", "mouse reporting left on"
    stty = tmp_path / "stty.txt"
    terminal.keys(f"stty -a > {stty}", literal=True)
    terminal.keys("Enter")
    while not stty.exists() or not stty.read_text():
        assert time.monotonic() < deadline + WAIT, "stty never ran: the shell is not usable"
        time.sleep(0.1)
    modes = stty.read_text().split()
    assert "icanon" in modes and "echo" in modes, "line editing or echo left off"

    assert journal(home) == turns  # nothing lost, nothing half-written
    assert [t["who"] for t in turns if t["who"] != "event"] == ["learner", "persona"]
    assert turns[0]["text"] == BODY and turns[0]["data"]["subject"] == SUBJECT
