"""Textual's pilot waits for the app to go idle in 5 ms steps instead of 20 ms ones.

``pilot.press`` waits twice after every key, and ``pilot.pause()`` once, in Textual's
``wait_for_idle``: it sleeps 20 ms at a time and calls the app idle once a sleep passes in
which the process used under 5% of a CPU (1 ms). Nearly every wait in the app tests ends
after its first sleep, so a key costs at least 40 ms of wall time whatever the app does:
the app tests spent about three quarters of their wall time asleep (``test_play_through``
5.8 s of wall for 1.3 s of CPU), and on two cores four workers then often left a core idle.

Here a sleep lasts 5 ms, and the app is idle when, after it:

- the process used under 5% of a CPU in this sleep and the one before (two, because a
  process the machine did not run for a whole 5 ms sleep also looks quiet; when it runs
  again, asyncio runs the work already queued before it wakes the sleeper, so pending work
  shows up as CPU in the next sleep), and
- no timer of the event loop is due in the next 20 ms. Textual defers some work to timers
  (a screen draws its updates on a 1/60 s timer; a pushed screen mounts after a refresh):
  the process sits quiet until they fire. Textual's 20 ms sleep covered one frame by its
  length; here the frame is waited for by name. Timers further off (a cursor's blink)
  are not waited for, as before.

``min_sleep`` and ``max_sleep`` keep their meaning. Textual's other waits
(``_wait_for_screen``: every widget has handled its messages) are unchanged.
"""

from __future__ import annotations

from asyncio import AbstractEventLoop, get_running_loop, sleep
from time import monotonic, process_time

import pytest

STEP = 1 / 200
"""Seconds per sleep (Textual's own: 1/50)."""
QUIET = STEP / 20
"""CPU seconds under which a sleep counts as quiet (5% of it, as in Textual)."""
QUIET_IN_A_ROW = 2
"""Quiet sleeps in a row that make the app idle."""
HORIZON = 1 / 50
"""A timer due within this many seconds is work still to come (Textual's own sleep)."""


def _timer_due_soon(loop: AbstractEventLoop) -> bool:
    """Whether a callback is scheduled on ``loop`` within ``HORIZON`` seconds."""
    scheduled = getattr(loop, "_scheduled", None)  # asyncio's heap of timer handles
    if scheduled is None:
        return True  # cannot tell: treat as busy (Textual's max_sleep still bounds it)
    horizon = loop.time() + HORIZON
    return any(not timer.cancelled() and timer.when() <= horizon for timer in scheduled)


async def wait_for_idle(min_sleep: float = 1 / 50, max_sleep: float = 1) -> None:
    """Wait until the process has used under 5% of a CPU for two 5 ms sleeps in a row and
    no timer is due within 20 ms (and ``min_sleep`` has passed: Textual's default kept)."""
    loop = get_running_loop()
    start = monotonic()
    quiet = 0
    while True:
        cpu = process_time()
        await sleep(STEP)
        quiet = quiet + 1 if process_time() - cpu < QUIET else 0
        elapsed = monotonic() - start
        if elapsed >= max_sleep:
            break
        if elapsed > min_sleep and quiet >= QUIET_IN_A_ROW and not _timer_due_soon(loop):
            break


def pytest_configure(config: pytest.Config) -> None:
    """Put this wait in Textual's place in each process that runs tests (not in the
    ``-n`` controller, which runs none and need not import Textual)."""
    if not hasattr(config, "workerinput") and config.getoption("numprocesses", None):
        return
    import textual._wait
    import textual.app
    import textual.pilot

    for module in (textual._wait, textual.app, textual.pilot):
        module.wait_for_idle = wait_for_idle  # type: ignore[attr-defined]
