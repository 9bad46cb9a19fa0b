"""The warm tab starter: a tab's app runs as a fork of it, on the launcher's own pipes,
and a tab still starts the ordinary way when the starter is not there.

Each test plays textual-serve's part: it runs the tab command with the environment
textual-serve gives a tab, reads what the app draws from its standard output, and sends
the "quit" packet a closed browser tab sends.
"""

from __future__ import annotations

import json
import os
import re
import select
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.classroom import tab_launcher
from simulator.classroom.forks import TEXTUAL_ENV, start_tab_starter
from simulator.classroom.tab_launcher import ENV_FORKS

from .helpers import make_assignment

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
_ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.")


def _tab_env(tmp_path: Path, assignment: Path, forks: str) -> dict[str, str]:
    return {
        **os.environ,
        **TEXTUAL_ENV,
        "COLUMNS": "100",
        "ROWS": "30",
        "SIMULATOR_HOME": str(tmp_path / "tabs-home"),
        "SIMULATOR_TAB_ASSIGNMENT": str(assignment),
        ENV_FORKS: forks,
    }


def _drawn(proc: subprocess.Popen[bytes], wanted: str, timeout: float = 90.0) -> str:
    """What the tab drew (escape codes removed), once ``wanted`` is among it."""
    assert proc.stdout is not None
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            seen += chunk
            text = _ESCAPES.sub(b"", seen).decode("utf-8", "replace")
            if wanted in "".join(text.split()):
                return text
    raise AssertionError(f"never drawn: {wanted!r}; got {seen[-2000:]!r}")


def _close_tab(proc: subprocess.Popen[bytes]) -> int:
    """Send what textual-serve sends when the browser tab closes; the exit code."""
    assert proc.stdin is not None
    payload = json.dumps({"type": "quit"}).encode()
    proc.stdin.write(b"M" + len(payload).to_bytes(4, "big") + payload)
    proc.stdin.flush()
    return proc.wait(60)


def _cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def test_a_tab_runs_as_a_fork_of_the_warm_starter(tmp_path: Path) -> None:
    assignment = make_assignment(tmp_path)
    starter = start_tab_starter(assignment)
    assert starter is not None
    try:
        assert "{" not in starter.command and "tab_launcher.py" in starter.command
        deadline = time.monotonic() + 60
        while not starter.socket_path.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert oct(starter.socket_path.stat().st_mode & 0o777) == "0o600"
        assert oct(starter.folder.stat().st_mode & 0o777) == "0o700"
        env = _tab_env(tmp_path, assignment, str(starter.socket_path))
        tab = subprocess.Popen(
            shlex.split(starter.command), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        shown = _drawn(tab, "Yourname,asyourcoachknowsit")
        assert "Workshop" in shown  # the assignment's title, from the tab's environment
        assert "tab_launcher.py" in _cmdline(tab.pid)  # the app runs in the fork, not here
        assert _close_tab(tab) == 0
    finally:
        starter.stop()
    assert starter.process.returncode == 0  # it stops with the server
    assert not starter.folder.exists()


def test_the_starter_ignores_a_caller_that_sends_no_pipes(tmp_path: Path) -> None:
    assignment = make_assignment(tmp_path)
    starter = start_tab_starter(assignment)
    assert starter is not None
    try:
        deadline = time.monotonic() + 60
        while not starter.socket_path.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as link:
            link.connect(str(starter.socket_path))
            link.sendall(b"\0\0\0\2{}")
            link.settimeout(30)
            assert link.recv(1) == b""  # closed, nothing started
        assert starter.process.poll() is None  # and it still serves
        assert starter.process.stdin is not None
        starter.process.stdin.close()  # as when the server is killed (SIGKILL)
        assert starter.process.wait(30) == 0
        assert not starter.folder.exists()  # it leaves nothing behind in /tmp
    finally:
        starter.stop()


def test_without_the_starter_a_tab_starts_the_ordinary_way(tmp_path: Path) -> None:
    assignment = make_assignment(tmp_path)
    launcher = Path(tab_launcher.__file__)
    env = _tab_env(tmp_path, assignment, str(tmp_path / "no-such.sock"))
    tab = subprocess.Popen(
        [sys.executable, "-S", "-I", str(launcher)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    _drawn(tab, "Yourname,asyourcoachknowsit")
    assert "simulator.tui.web_tab" in _cmdline(tab.pid)  # it became the tab itself
    assert _close_tab(tab) == 0


def test_a_tab_ends_with_its_own_code_while_a_thread_still_reads_its_input() -> None:
    # A closed tab used to end in interpreter shutdown with the web driver's reader
    # thread parked on stdin; under load CPython then aborted it (SIGABRT, -6) after a
    # clean close. exit_now flushes what the tab printed and leaves at once.
    code = (
        "import sys, threading; from simulator.tui.web_tab import exit_now; "
        "threading.Thread(target=sys.stdin.buffer.read, daemon=True).start(); "
        "print('last frame', end=''); exit_now(3)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, capture_output=True, timeout=60
    )
    assert proc.returncode == 3
    assert proc.stdout == b"last frame"
