"""Load and faults on loopback: 50 learners at once, a server killed mid-load, a full disk.

The server is a real ``simulator classroom`` subprocess on a free loopback port. Every
loop is bounded (a fixed number of learners, a timeout on each request) and stops by
itself. Figures are printed (pytest -s) and recorded in docs/performance.md; nothing
here asserts a time.
"""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from simulator.classroom.client import ServerReceipt, SubmitError, send_submission
from simulator.classroom.store import ClassStore

from .helpers import ClassProcess, body_of, make_submission

pytestmark = pytest.mark.slow
LEARNERS = 50
NO_TABS = "--no-warm-tabs"
"""No learner here opens a tab: without the warm tab starter (it imports the app ahead of
the first tab) each server starts on about 0.8 s less CPU."""


def _bodies(assignment: Path, count: int, prefix: str) -> list[bytes]:
    return [body_of(make_submission(assignment, f"{prefix} {n:02d}")) for n in range(count)]


def _timed(url: str, body: bytes) -> tuple[ServerReceipt, float]:
    start = time.perf_counter()
    receipt = send_submission(url, body, tries=5, pause=0.2)
    return receipt, time.perf_counter() - start


def test_fifty_learners_submit_at_once_none_lost_none_doubled(
    assignment_file: Path, tmp_path: Path
) -> None:
    bodies = _bodies(assignment_file, LEARNERS, "Learner")
    server = ClassProcess(assignment_file, tmp_path / "class", NO_TABS).start()
    try:
        with ThreadPoolExecutor(max_workers=LEARNERS) as pool:
            results = list(pool.map(lambda b: _timed(server.submit_url, b), bodies))
        receipts = [r.receipt for r, _ in results]
        times = sorted(t for _, t in results)
        # A retry of the same bytes (an answer lost on the way) is not a second submission.
        with ThreadPoolExecutor(max_workers=10) as pool:
            again = list(pool.map(lambda b: send_submission(server.submit_url, b), bodies[:10]))
        state = server.state()
    finally:
        server.stop()
    assert len(set(receipts)) == LEARNERS
    assert [r.receipt for r in again] == receipts[:10] and all(r.repeated for r in again)
    assert state["submissions"] == LEARNERS
    assert sorted(s["name"] for s in state["students"]) == [f"Learner {n:02d}" for n in range(50)]
    p95 = times[int(0.95 * (len(times) - 1))]
    print(
        f"\n{LEARNERS} concurrent submissions: median {statistics.median(times) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms (receipt round trip)"
    )


def test_a_killed_server_restarts_with_every_receipted_submission(
    assignment_file: Path, tmp_path: Path
) -> None:
    """SIGKILL in the middle of the load: every submission that got a receipt survives."""
    folder = tmp_path / "class"
    bodies = _bodies(assignment_file, 40, "Kill")
    server = ClassProcess(assignment_file, folder, NO_TABS).start()
    receipts: dict[int, str] = {}
    failed: list[int] = []

    def learner(index: int) -> None:
        try:
            receipts[index] = send_submission(server.submit_url, bodies[index], tries=1).receipt
        except SubmitError:
            failed.append(index)

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(learner, i) for i in range(len(bodies))]
        deadline = time.monotonic() + 60
        while len(receipts) < 12 and time.monotonic() < deadline:
            time.sleep(0.01)
        server.kill()
        for future in futures:
            future.result(timeout=60)
    server.stop()
    assert len(receipts) >= 12 and failed, "the kill should land mid-load"
    restarted = ClassProcess(assignment_file, folder, NO_TABS).start()
    try:
        state = restarted.state()
    finally:
        restarted.stop()
    store = ClassStore(folder / "class.sqlite3")
    stored = {row.receipt for row in store.submissions()}
    store.close()
    assert set(receipts.values()) <= stored
    assert state["submissions"] == len(stored)
    print(f"\nkilled after {len(receipts)} receipts; {len(stored)} rows after restart, 0 lost")


def test_ctrl_c_then_restart_keeps_everything(assignment_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "class"
    server = ClassProcess(assignment_file, folder, NO_TABS).start()
    receipt = send_submission(server.submit_url, body_of(make_submission(assignment_file, "Ana")))
    assert server.stop() == 0
    again = ClassProcess(assignment_file, folder, NO_TABS).start()
    try:
        # The same links (tokens) work after a restart (the port here is a fresh free one).
        assert again.submit_url.rsplit("/", 1)[1] == server.submit_url.rsplit("/", 1)[1]
        state = again.state()
    finally:
        again.stop()
    assert state["submissions"] == 1 and "1 submission(s) so far" in again.output
    assert receipt.receipt.startswith("rcpt-")
