"""A warm tab starter: browser tabs start as forks of a process that has already started.

textual-serve starts one app process per browser tab. A fresh Python process spends
most of its start importing Textual, pydantic and the simulator (about 0.45 s of CPU
here, before the first screen): with twenty learners opening the link at once on a
two-core laptop, that is what they wait for. The starter imports all of that once, and
warms the assignment's content and the reader; each tab's command
(``tab_launcher.py``) then passes its pipes and environment over a private Unix socket,
and the starter forks a process that runs the tab's app on them.

Nothing from a request reaches the starter but the environment textual-serve builds
(the server's own plus the tab's size); the socket lives in a private folder (0700)
that only this user can open. The starter stops when the server that started it does
(its standard input closes). If it is missing or not ready, the launcher starts the
tab the ordinary way.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

from simulator.classroom.tab_launcher import ENV_FORKS

MAX_ENV_BYTES = 1 << 20
TEXTUAL_ENV = {
    "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
    "TEXTUAL_FPS": "60",
    "TEXTUAL_COLOR_SYSTEM": "truecolor",
    "TERM_PROGRAM": "textual",
}
"""What textual-serve sets for every tab and Textual reads once, when it is imported."""


@dataclass
class TabStarter:
    """The running starter, seen from the server."""

    process: subprocess.Popen[bytes]
    folder: Path

    @property
    def socket_path(self) -> Path:
        return self.folder / "tabs.sock"

    @property
    def command(self) -> str:
        """The fixed command textual-serve runs per tab (no request data in it)."""
        launcher = Path(__file__).with_name("tab_launcher.py")
        return f"{shlex.quote(sys.executable)} -S -I {shlex.quote(str(launcher))}"

    def stop(self) -> None:
        """Stop the starter (tabs already started keep running until they close)."""
        os.environ.pop(ENV_FORKS, None)
        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_tab_starter(assignment: Path | None) -> TabStarter | None:
    """Start the starter for this server's tabs (None where it cannot run: then every tab
    starts the ordinary way). Sets ``SIMULATOR_TAB_FORKS`` for the tabs."""
    if not hasattr(socket, "send_fds") or not hasattr(os, "fork"):
        return None
    folder = Path(tempfile.mkdtemp(prefix="simtabs-"))  # private (0700), short path
    path = folder / "tabs.sock"
    args = [sys.executable, "-m", "simulator.classroom.forks", str(path)]
    if assignment is not None:
        args.append(str(assignment.resolve()))
    try:
        process = subprocess.Popen(args, stdin=subprocess.PIPE, env={**os.environ, **TEXTUAL_ENV})
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return None
    os.environ[ENV_FORKS] = str(path)
    return TabStarter(process, folder)


# ---------------------------------------------------------------------- the starter itself


def _warm(assignment: str | None) -> None:
    """Import what every tab needs and load what it reads first (best effort)."""
    import simulator.tui.web_tab  # noqa: F401  (Textual, the app, its screens)

    if assignment is None:
        return
    with contextlib.suppress(Exception):
        from simulator.homework import load_assignment
        from simulator.practice import preview_bundle

        entry = load_assignment(Path(assignment)).scenarios[0]
        preview_bundle("Hello, could we talk for 15 minutes?", "outreach", entry.bundle)


def _read_request(conn: socket.socket) -> tuple[dict[str, str], list[int]] | None:
    """The launcher's environment and its three pipes, or None when it is not one."""
    data, fds, _flags, _addr = socket.recv_fds(conn, 65536, 3)
    if len(fds) != 3 or len(data) < 4:
        for fd in fds:
            os.close(fd)
        return None
    size = int.from_bytes(data[:4], "big")
    body = data[4:]
    while len(body) < size <= MAX_ENV_BYTES:
        chunk = conn.recv(min(65536, size - len(body)))
        if not chunk:
            break
        body += chunk
    try:
        env = json.loads(body.decode("utf-8")) if len(body) == size else None
    except ValueError:
        env = None
    if not isinstance(env, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in env.items()
    ):
        for fd in fds:
            os.close(fd)
        return None
    return env, fds


def _run_tab(
    conn: socket.socket, listener: socket.socket, env: dict[str, str], fds: list[int]
) -> None:
    """In the forked process: become the tab on the launcher's pipes; never returns."""
    code = 1
    try:
        listener.close()
        for sig in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_DFL)
        for target, fd in zip((0, 1, 2), fds, strict=True):
            os.dup2(fd, target)
            os.close(fd)
        os.environ.clear()
        os.environ.update(env)
        conn.sendall(b"+")
        from simulator.tui.web_tab import main

        code = main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        with contextlib.suppress(OSError):
            sys.stdout.flush()
            sys.stderr.flush()
        with contextlib.suppress(OSError):
            conn.sendall(str(code).encode("ascii"))
        os._exit(code)  # as web_tab.exit_now: no interpreter shutdown under the reader thread


def serve(path: Path, assignment: str | None) -> int:
    """The starter's loop: warm up, then fork a tab per launcher until stdin closes."""
    # Ctrl+C in the coach's terminal reaches this process too: the server handles it, and
    # this starter stops when the server closes its standard input.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm(assignment)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # tabs are reaped by the system
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    os.chmod(path, 0o600)
    listener.listen(64)
    try:
        _accept_loop(listener)
    finally:  # also when the server was killed: its private folder goes with it
        listener.close()
        if path.parent.name.startswith("simtabs-"):
            shutil.rmtree(path.parent, ignore_errors=True)
    return 0


def _accept_loop(listener: socket.socket) -> None:
    """Fork a tab per launcher until the server closes the starter's standard input."""
    while True:
        ready, _, _ = select.select([listener.fileno(), 0], [], [])
        if 0 in ready and not os.read(0, 4096):
            return  # the server is gone
        if listener.fileno() not in ready:
            continue
        conn, _ = listener.accept()
        try:
            request = _read_request(conn)
        except OSError:
            request = None
        if request is None:
            conn.close()
            continue
        env, fds = request
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _run_tab(conn, listener, env, fds)
        for fd in fds:
            os.close(fd)
        conn.close()


if __name__ == "__main__":
    raise SystemExit(serve(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None))
