"""Helpers for the classroom tests: assignments, submissions made in-process, a class server.

``ClassProcess`` runs ``simulator classroom`` as a real subprocess on a free loopback
port (so it can be SIGKILLed), and reads the links it prints. ``InProcess`` runs a
``ClassServer`` on its own event loop in a thread, for tests that need to reach inside
(a store that fills up, tight limits).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from simulator.cli import main
from simulator.conversation import Outreach, replay
from simulator.grading import grade
from simulator.homework import open_assignment
from simulator.homework.submission import build_submission

GOOD = Outreach(
    "Hi, I know review season is busy. I am moving from operations into HR; could I have "
    "15 minutes by phone in the next few weeks, whenever suits you? Thank you either way.",
    "15 minutes on moving into HR?",
)
PITCH = Outreach(
    "Hi, I am very interested in working for your company. I attached my resume; are you "
    "hiring? I would love some time to chat whenever you have a moment.",
    "Job application",
    ("resume.pdf",),
)


def make_assignment(folder: Path, scenario: str = "review-season-quick-note", *extra: str) -> Path:
    """An assignment file written with ``simulator assign``."""
    path = folder / f"{scenario}.json"
    assert main(["assign", scenario, "-o", str(path), "--title", "Workshop", *extra]) == 0
    return path


def make_submission(assignment: Path, student: str, *, good: bool = True) -> dict[str, Any]:
    """A genuine, finished submission record (the one-message scenario), made in-process."""
    run = open_assignment(assignment, student)
    session = replay(run.bundle, run.seed, [GOOD if good else PITCH])
    assert session.finished
    report = grade(session.transcript, session.scenario, session.lexicon)
    return build_submission(
        run.assignment,
        run.entry,
        student=run.student,
        attempt=run.attempt,
        seed=run.seed,
        transcript=session.transcript.to_dict(),
        report=report.to_dict(),
        started=run.started,
    )


def body_of(record: dict[str, Any]) -> bytes:
    from simulator.storage import json_text

    return (json_text(record) + "\n").encode("utf-8")


def request(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, bytes, dict[str, str]]:
    """One HTTP request; (status, body, headers) whatever the status."""
    req = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET")
    for key, value in (headers or {}).items():
        req.add_header(key, value)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), dict(exc.headers)


class ClassProcess:
    """``simulator classroom`` in a subprocess, on a free loopback port."""

    def __init__(self, assignment: Path, folder: Path, *extra: str) -> None:
        self.assignment = assignment
        self.folder = folder
        self.extra = extra
        self.proc: subprocess.Popen[str] | None = None
        self.output = ""

    def start(self) -> ClassProcess:
        env = dict(os.environ)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "simulator",
                "classroom",
                str(self.assignment),
                "--port",
                "0",
                "--dir",
                str(self.folder),
                "--no-qr",
                *self.extra,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        lines = []
        deadline = time.monotonic() + 30
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise AssertionError(f"the server stopped: {self.proc.stderr.read()}")  # type: ignore[union-attr]
            lines.append(line)
            if "Press Ctrl+C" in line:
                break
        self.output = "".join(lines)
        return self

    def _find(self, pattern: str) -> str:
        found = re.search(pattern, self.output)
        assert found, self.output
        return found.group(1)

    @property
    def learners(self) -> str:
        return self._find(r"in a browser: (\S+)")

    @property
    def terminal_file(self) -> Path:
        """The assignment copy for learners in their own terminal (it names this server)."""
        return Path(self._find(r"send them (\S+), then"))

    @property
    def submit_url(self) -> str:
        url = json.loads(self.terminal_file.read_text(encoding="utf-8"))["submit_to"]
        assert isinstance(url, str)
        return url

    @property
    def dashboard(self) -> str:
        return self._find(r"this computer only\): (\S+)")

    def state(self) -> dict[str, Any]:
        status, body, _ = request(self.dashboard + "state.json")
        assert status == 200, body
        data: dict[str, Any] = json.loads(body)
        return data

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()
        return int(self.proc.returncode or 0)


class InProcess:
    """A ClassServer on its own event loop in a thread; ``url`` is its loopback address."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.loop = asyncio.new_event_loop()
        self.url = ""
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._runner: Any = None

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self._start())
        self._ready.set()
        self.loop.run_forever()

    async def _start(self) -> None:
        from aiohttp import web

        app = await self.server._make_app()
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"

    def __enter__(self) -> InProcess:
        self._thread.start()
        assert self._ready.wait(20)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self.loop).result(20)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(20)
