"""What textual-serve runs for each browser tab: hand the tab to the warm tab starter.

Run by file path with ``python -S -I`` (standard library only, so it starts in a few
milliseconds). It passes its own standard input, output and error, and its environment
(textual-serve's per-tab size included), over the tab starter's private Unix socket
(``SIMULATOR_TAB_FORKS``); the starter forks a process that already has Textual and the
simulator imported, and that process runs the tab's app on these very pipes. The
launcher waits for it and exits with its exit code.

When there is no starter (not running, not ready yet, refused), it becomes the ordinary
tab process instead: ``python -m simulator.tui.web_tab``, exactly as without it.
"""

from __future__ import annotations

import json
import os
import socket
import sys

ENV_FORKS = "SIMULATOR_TAB_FORKS"


def _plain_tab() -> None:
    """Start the tab the ordinary way (this process becomes it)."""
    os.execv(sys.executable, [sys.executable, "-m", "simulator.tui.web_tab"])


def main() -> int:
    """Hand the tab over; falls back to the ordinary tab process. Returns its exit code."""
    path = os.environ.get(ENV_FORKS)
    if not path:
        _plain_tab()
    body = json.dumps(dict(os.environ)).encode("utf-8")
    try:
        link = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        link.connect(str(path))
        socket.send_fds(link, [len(body).to_bytes(4, "big") + body], [0, 1, 2])
        started = link.recv(1)
    except OSError:
        started = b""
    if started != b"+":  # the starter did not take it: nothing ran on the pipes yet
        _plain_tab()
    answer = b""
    while True:
        try:
            chunk = link.recv(64)
        except OSError:
            break
        if not chunk:
            break
        answer += chunk
    text = answer.decode("ascii", "replace").strip()
    return int(text) if text.lstrip("-").isdigit() else 1


if __name__ == "__main__":
    raise SystemExit(main())
