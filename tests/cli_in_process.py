"""``simulator ARGS`` run in the test's own process, as a finished process would report it.

For tests of what a command prints and returns (not of the process itself: signals,
terminals, exit on a crash, packaging), the CLI's own ``main()`` is called with stdin
given as text and stdout/stderr captured. A ``python -m simulator`` process costs
0.3-0.5 s of CPU, mostly imports the test process has already made; a suite of tests
that each start one spends seconds of CPU on nothing they test.
"""

from __future__ import annotations

import io
import subprocess
import sys

from simulator.cli import main


def simulator(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``simulator ARGS`` in-process: (args, exit code, stdout, stderr), like
    ``subprocess.run(..., capture_output=True, text=True)``. The command reads ``stdin``
    (empty if None: as from /dev/null) and uses SIMULATOR_HOME from the environment (the
    ``home`` fixture sets it). An exception escaping ``main`` fails the test, traceback
    and all, where a process would have printed it."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin or ""), out, err
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's --help and usage errors
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return subprocess.CompletedProcess(["simulator", *args], code, out.getvalue(), err.getvalue())
