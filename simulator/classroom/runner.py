"""Starting and stopping a class server, without a UI: folder, tokens, tab command, the loop.

``simulator serve`` and ``simulator classroom`` both come here. The class folder keeps
the tokens (so links stay valid across a restart), the SQLite database and the browser
sessions' own user data (their journals, so a reopened tab resumes). Each browser tab
runs ``python -m simulator.tui.web_tab``: a fixed command, quoted once at start-up, with
the assignment and the submission address passed in the environment, never in the
command string.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import os
import secrets
import shlex
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web

from simulator.classroom.web import ClassConfig, ClassServer, Limits

TAB_MODULE = "simulator.tui.web_tab"
ENV_ASSIGNMENT = "SIMULATOR_TAB_ASSIGNMENT"
ENV_SUBMIT = "SIMULATOR_TAB_SUBMIT"
ENV_HOME = "SIMULATOR_HOME"


def tab_command() -> str:
    """The shell command textual-serve runs for each tab (no request data, ever)."""
    return f"{shlex.quote(sys.executable)} -m {TAB_MODULE}"


def is_loopback_host(host: str) -> bool:
    """Whether binding to ``host`` keeps the server on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Tokens:
    """The class token (in learners' links) and the coach token (in the dashboard's)."""

    class_token: str
    coach_token: str


def load_tokens(folder: Path, *, renew: bool = False) -> Tokens:
    """The folder's tokens, made on first use (private file) and kept across restarts."""
    path = folder / "tokens.json"
    if path.is_file() and not renew:
        with contextlib.suppress(ValueError, KeyError, TypeError, OSError):
            data = json.loads(path.read_text(encoding="utf-8"))
            tokens = Tokens(str(data["class"]), str(data["coach"]))
            if tokens.class_token.isalnum() and tokens.coach_token.isalnum():
                return tokens
    tokens = Tokens(secrets.token_hex(12), secrets.token_hex(16))
    folder.mkdir(parents=True, exist_ok=True)
    from simulator.storage import atomic_write

    atomic_write(path, json.dumps({"class": tokens.class_token, "coach": tokens.coach_token}))
    with contextlib.suppress(OSError):
        path.chmod(0o600)
    return tokens


def tab_environment(folder: Path, assignment: Path | None, submit_url: str | None) -> None:
    """What every tab's process inherits (textual-serve copies this process's environment)."""
    os.environ[ENV_HOME] = str((folder / "home").resolve())
    if assignment is not None:
        os.environ[ENV_ASSIGNMENT] = str(assignment.resolve())
    else:
        os.environ.pop(ENV_ASSIGNMENT, None)
    if submit_url is not None:
        os.environ[ENV_SUBMIT] = submit_url
    else:
        os.environ.pop(ENV_SUBMIT, None)


def qr_text(url: str) -> str:
    """A QR code of ``url`` drawn with block characters for the terminal (segno)."""
    import io

    import segno

    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True, border=2)
    return buffer.getvalue()


async def _serve(server: ClassServer, host: str, port: int, ready: Callable[[int], None]) -> None:
    app = await server._make_app()
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    server_object: Any = site._server
    sockets = server_object.sockets if server_object is not None else []
    bound = sockets[0].getsockname()[1] if sockets else port
    if not is_loopback_host(host) and host not in ("0.0.0.0", "::", ""):
        # One address of the room's network: listen on loopback too, for the dashboard.
        await web.TCPSite(runner, "127.0.0.1", bound).start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    ready(bound)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def run_server(server: ClassServer, host: str, port: int, ready: Callable[[int], None]) -> None:
    """Serve until Ctrl+C, SIGTERM or SIGHUP; ``ready(port)`` once it is listening."""
    asyncio.run(_serve(server, host, port, ready))


def make_config(
    title: str, tokens: Tokens, limits: Limits | None = None, command: str | None = None
) -> ClassConfig:
    """The server's fixed settings (``command``: the tab command, default ``tab_command()``)."""
    return ClassConfig(
        title=title,
        class_token=tokens.class_token,
        coach_token=tokens.coach_token,
        command=command or tab_command(),
        limits=limits or Limits(),
    )
