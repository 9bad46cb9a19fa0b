"""Shared set-up for the authoring tests.

``check --explore 200`` is deterministic (seeds 1..200 by default) and two issues' tests
ask for it on the same built-in scenarios: the toolkit's (every scenario) and the second
pack's. ``checked`` runs each command once per test process and hands both tests the same
exit code and output; ``pytest -n`` keeps both tests of one scenario on one worker (the
``explore-<scenario>`` xdist group, with ``--dist loadgroup``), so the 200 playthroughs
are played once there.
"""

from __future__ import annotations

import contextlib
import io

from simulator.cli import main

_RUNS: dict[tuple[str, ...], tuple[int, str]] = {}


def checked(*argv: str) -> tuple[int, str]:
    """``simulator check ...`` run in-process (once per argv); (exit code, stdout)."""
    if argv not in _RUNS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["check", *argv])
        _RUNS[argv] = (code, out.getvalue())
    return _RUNS[argv]
