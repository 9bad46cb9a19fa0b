"""A workshop on loopback: 50 learners submitting at once, 20 browser sessions open at once.

Starts a real ``simulator classroom`` on a free loopback port (nothing else is ever
contacted) and measures:

- submissions: 50 learners send a genuine submission at the same moment; every one must
  get its own receipt (0 lost, 0 duplicated: a retry of 10 of them returns the same
  receipts). Figures: the median and p95 of the receipt round trip;
- sessions: 20 sessions opened at once over the websocket the learners' page uses (the
  server does the same work for it as for a browser tab: one app process each, forked
  from the warm tab starter). Figures: the time until all 20 have drawn their first
  screen, and the memory each session adds (PSS, which shares out the pages the forks
  share; RSS too). The same again with ``--no-warm-tabs`` (a fresh Python per tab), on a
  server of its own, for comparison.

Every loop is bounded and stops by itself.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from run_all import print_table, row

LEARNERS = 50
SESSIONS = 20
P95_GOAL_MS = 3000.0
READY_GOAL_S = 30.0
MB_GOAL = 150.0
FIRST_SCREEN_BYTES = 4000


def _start(assignment: Path, folder: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulator", "classroom", str(assignment), "--port", "0",
         "--dir", str(folder), "--no-qr", "--max-sessions", str(SESSIONS + 5), *extra],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    out = ""
    deadline = time.monotonic() + 60
    while "Press Ctrl+C" not in out and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the class server did not start")
        out += line
    return proc, out


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _memory_mb(pids: list[int], field: str) -> float:
    """Summed ``field`` of the processes: ``Rss`` counts shared pages once per process,
    ``Pss`` shares them out (the memory the sessions really add)."""
    total = 0
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        found = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
        total += int(found.group(1)) if found else 0
    return total / 1024


def _wait_for_starter(pid: int) -> bool:
    """Wait (bounded) until the warm tab starter listens, as it does long before a class."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for child in _descendants(pid):
            try:
                args = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"simulator.classroom.forks" in args and Path(args[3].decode()).exists():
                return True
        time.sleep(0.2)
    return False


def _submissions(assignment: Path, url: str) -> list[dict[str, Any]]:
    from simulator.classroom.client import send_submission

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.classroom.helpers import body_of, make_submission

    bodies = [body_of(make_submission(assignment, f"Learner {n:02d}")) for n in range(LEARNERS)]

    def timed(body: bytes) -> tuple[str, float]:
        start = time.perf_counter()
        receipt = send_submission(url, body, tries=5, pause=0.2)
        return receipt.receipt, time.perf_counter() - start

    with ThreadPoolExecutor(max_workers=LEARNERS) as pool:
        results = list(pool.map(timed, bodies))
    with ThreadPoolExecutor(max_workers=10) as pool:
        again = list(pool.map(lambda b: send_submission(url, b).receipt, bodies[:10]))
    receipts = [r for r, _ in results]
    times = sorted(t * 1000 for _, t in results)
    p95 = times[int(0.95 * (len(times) - 1))]
    lost = LEARNERS - len(set(receipts))
    doubled = sum(1 for a, b in zip(again, receipts[:10], strict=True) if a != b)
    return [
        row("50 learners: p95 receipt", p95, "ms", f"< {P95_GOAL_MS:.0f} ms", p95 < P95_GOAL_MS,
            f"median {statistics.median(times):.0f} ms"),
        row("50 learners: lost + duplicated", lost + doubled, "", "0", lost + doubled == 0,
            "each receipt distinct; 10 retries got their first receipts"),
    ]  # fmt: skip


async def _sessions(ws_url: str, pid: int, warm: bool) -> list[dict[str, Any]]:
    import aiohttp

    async def one(http: aiohttp.ClientSession) -> aiohttp.ClientWebSocketResponse:
        ws = await http.ws_connect(f"{ws_url}?width=100&height=30")
        drawn = 0
        async for message in ws:  # the first screen arrives as many small frames
            if message.type == aiohttp.WSMsgType.BINARY:
                drawn += len(message.data)
                if drawn > FIRST_SCREEN_BYTES:
                    break
        return ws

    kids = _descendants(pid)
    base_rss, base_pss = _memory_mb(kids, "Rss"), _memory_mb(kids, "Pss")
    start = time.perf_counter()
    async with aiohttp.ClientSession() as http:
        sockets = await asyncio.wait_for(
            asyncio.gather(*(one(http) for _ in range(SESSIONS))), READY_GOAL_S * 6
        )
        ready = time.perf_counter() - start
        await asyncio.sleep(1.0)
        kids = _descendants(pid)
        rss = (_memory_mb(kids, "Rss") - base_rss) / SESSIONS
        pss = (_memory_mb(kids, "Pss") - base_pss) / SESSIONS
        for ws in sockets:
            await ws.close()
    how = "forks of the warm tab starter" if warm else "a fresh process per tab (--no-warm-tabs)"
    if not warm:  # the comparison: what the starter saves (not a goal of its own)
        return [
            row("20 sessions, cold: all drawn", ready, "s", "info", True, how),
            row("20 sessions, cold: memory each", pss, "MB", "info", True,
                f"PSS added / 20 (RSS: {rss:.0f} MB each)"),
        ]  # fmt: skip
    return [
        row("20 sessions: all drawn", ready, "s", f"< {READY_GOAL_S:.0f} s",
            ready < READY_GOAL_S, how),
        row("20 sessions: memory each", pss, "MB", f"< {MB_GOAL:.0f} MB", pss < MB_GOAL,
            f"PSS added / 20 (RSS: {rss:.0f} MB each, shared pages counted in every one)"),
    ]  # fmt: skip


def measure(cold: bool = True) -> list[dict[str, Any]]:
    """The figures: submissions and warm sessions, then (``cold``) sessions without the
    warm tab starter, on a server of their own."""
    from simulator.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        assignment = folder / "a.json"
        main(["assign", "review-season-quick-note", "-o", str(assignment), "--title", "Bench"])
        rows: list[dict[str, Any]] = []
        for warm in (True, False) if cold else (True,):
            extra = () if warm else ("--no-warm-tabs",)
            proc, out = _start(assignment, folder / f"class-{warm}", *extra)
            try:
                play = re.search(r"in a browser: (\S+)", out)
                assert play
                if warm:
                    terminal = re.search(r"send them (\S+), then", out)
                    assert terminal
                    copy = json.loads(Path(terminal.group(1)).read_text(encoding="utf-8"))
                    rows += _submissions(assignment, copy["submit_to"])
                    _wait_for_starter(proc.pid)
                ws_url = play.group(1).replace("http://", "ws://") + "/ws"
                rows += asyncio.run(_sessions(ws_url, proc.pid, warm))
            finally:
                proc.terminate()
                proc.wait(30)
                if proc.stdout is not None:
                    proc.stdout.close()
    return rows


if __name__ == "__main__":
    print_table("classroom", measure())
