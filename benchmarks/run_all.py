"""Run every benchmark in this folder side by side and print one table.

Each ``bench_<name>.py`` provides ``measure() -> list[dict]`` with the keys ``name``,
``value``, ``unit``, ``goal``, ``ok`` and ``note`` (ratios use the unit ``x``). Missing
benchmarks are simply not listed; one that fails shows up as a failed row, and the rest
still run. Usage::

    python benchmarks/run_all.py                 # everything
    python benchmarks/run_all.py cli session     # only bench_cli.py and bench_session.py
    python benchmarks/run_all.py --json          # machine-readable rows

User data goes to a temporary folder (``SIMULATOR_HOME``), never to your real one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
COLUMNS = ("benchmark", "figure", "value", "goal", "ok", "note")


def row(name: str, value: float, unit: str, goal: str, ok: bool, note: str = "") -> dict[str, Any]:
    """One figure in the shared shape."""
    return {"name": name, "value": value, "unit": unit, "goal": goal, "ok": ok, "note": note}


def discover(only: list[str] | None = None) -> list[Path]:
    """Every ``bench_*.py`` here (or only the named ones), in name order."""
    found = sorted(HERE.glob("bench_*.py"))
    if only:
        wanted = {n.removeprefix("bench_").removesuffix(".py") for n in only}
        found = [p for p in found if p.stem.removeprefix("bench_") in wanted]
    return found


def _load(path: Path) -> ModuleType:
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    spec = importlib.util.spec_from_file_location(f"_bench_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_one(path: Path) -> list[dict[str, Any]]:
    """The rows of one benchmark; an error becomes a single failed row."""
    try:
        rows = list(_load(path).measure())
    except Exception as exc:  # a broken benchmark must not hide the others
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return [row("(error)", float("nan"), "", "runs", False, last)]
    return rows


def _value(r: dict[str, Any]) -> str:
    value, unit = r.get("value"), r.get("unit", "")
    if not isinstance(value, int | float) or value != value:
        return "-"
    if unit == "x":
        return f"{value:.2f}x"
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f} {unit}".strip()
    return f"{value:.3g} {unit}".strip()


def format_table(results: list[tuple[str, list[dict[str, Any]]]]) -> str:
    """A plain-text table (no colour needed: the ok column says yes or NO)."""
    lines = [list(COLUMNS)]
    for bench, rows in results:
        for r in rows:
            ok = "yes" if r.get("ok") else "NO"
            lines.append(
                [bench, str(r.get("name", "")), _value(r), str(r.get("goal", "")), ok,
                 str(r.get("note", ""))]
            )  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS) - 1)]
    out = []
    for i, line in enumerate(lines):
        cells = [cell.ljust(widths[j]) for j, cell in enumerate(line[:-1])]
        out.append("  ".join([*cells, line[-1]]).rstrip())
        if i == 0:
            out.append("  ".join("-" * w for w in widths) + "  ----")
    return "\n".join(out)


def environment() -> str:
    """One line describing where the figures were taken (they depend on it)."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f}, {time.strftime('%Y-%m-%d')}"
    )


def print_table(bench: str, rows: list[dict[str, Any]]) -> None:
    """What each benchmark prints when run on its own."""
    print(environment())
    print(format_table([(bench, rows)]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks side by side.")
    parser.add_argument("only", nargs="*", help="benchmark names (cli, session, ...)")
    parser.add_argument("--json", action="store_true", help="print rows as JSON")
    args = parser.parse_args(argv)
    paths = discover(args.only)
    if not paths:
        print("no benchmarks found", file=sys.stderr)
        return 1
    results = []
    with tempfile.TemporaryDirectory() as home:
        os.environ["SIMULATOR_HOME"] = home
        for path in paths:
            bench = path.stem.removeprefix("bench_")
            if not args.json:
                print(f"running {bench}...", file=sys.stderr, flush=True)
            results.append((bench, run_one(path)))
    if args.json:
        print(json.dumps({"environment": environment(), "results": dict(results)}, indent=2))
    else:
        print(environment())
        print(format_table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
