"""The benchmark runner works (figures themselves are never asserted in tests)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
KEYS = {"name", "value", "unit", "goal", "ok", "note"}


@pytest.fixture
def run_all(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import run_all

    return run_all


def test_a_broken_benchmark_is_a_failed_row_and_the_rest_still_run(
    run_all, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bench_good.py").write_text(
        "def measure():\n"
        "    return [{'name': 'x', 'value': 1.5, 'unit': 'ms', 'goal': '< 2 ms',"
        " 'ok': True, 'note': ''}]\n"
    )
    (tmp_path / "bench_broken.py").write_text("raise ImportError('no such thing')\n")
    monkeypatch.setattr(run_all, "HERE", tmp_path)
    paths = run_all.discover()
    assert [p.name for p in paths] == ["bench_broken.py", "bench_good.py"]
    results = [(p.stem, run_all.run_one(p)) for p in paths]
    broken, good = results[0][1][0], results[1][1][0]
    assert broken["ok"] is False and "no such thing" in broken["note"]
    assert good["value"] == 1.5
    table = run_all.format_table(results)
    assert "NO" in table and "1.5 ms" in table
    assert run_all.discover(["good"]) == [tmp_path / "bench_good.py"]


def test_session_benchmark_rows_have_the_shared_shape(run_all) -> None:
    sys.modules.pop("bench_session", None)
    import bench_session

    rows = bench_session.measure(runs=1)
    assert rows and all(set(r) == KEYS for r in rows)
    assert all(isinstance(r["value"], float) and not math.isnan(r["value"]) for r in rows)
