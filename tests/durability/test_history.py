"""History: past attempts per scenario, scores in order, a trend, and a chart without colour."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.history import attempt_history, sparkline
from simulator.storage import save_attempt


def _save(n: int, scenario: str, score: int, *, title: str = "Cold email") -> None:
    save_attempt(
        f"2026010{n}-{scenario}",
        {
            "scenario": scenario,
            "title": title,
            "score": score,
            "passed": score >= 70,
            "finished": f"2026-01-0{n}T10:00:00+00:00",
        },
    )


def test_attempts_grouped_by_scenario_oldest_first_with_trend() -> None:
    _save(3, "cold", 80)
    _save(1, "cold", 40)
    _save(2, "cold", 75)
    _save(2, "quick", 60, title="Quick note")
    history = attempt_history()
    assert [h.scenario for h in history.scenarios] == ["quick", "cold"]  # latest practice last
    cold = history.scenarios[1]
    assert cold.scores == [40, 75, 80]
    assert (cold.best, cold.latest, cold.change, cold.change_last) == (80, 80, 40, 5)
    assert cold.trend() == "up 40 since your first attempt (+5 on the last)"
    assert history.scenarios[0].trend() == "first attempt"
    assert [h.scenario for h in attempt_history(scenario="quick").scenarios] == ["quick"]


def test_broken_attempt_files_are_skipped_and_counted(home: Path) -> None:
    _save(1, "cold", 50)
    folder = home / "attempts"
    (folder / "garbage.json").write_bytes(b"\x00\xff{")
    (folder / "list.json").write_text("[1, 2]")
    (folder / "no-score.json").write_text(json.dumps({"scenario": "cold", "score": "99"}))
    (folder / "too-high.json").write_text(json.dumps({"scenario": "cold", "score": 1e9}))
    (folder / "bool.json").write_text(json.dumps({"scenario": "cold", "score": True}))
    history = attempt_history()
    assert history.scenarios[0].scores == [50]
    assert sorted(history.skipped) == ["bool", "no-score", "too-high"]


def test_sparkline_uses_a_fixed_scale_and_has_an_ascii_fallback() -> None:
    assert sparkline([0, 50, 100]) == "▁▅█"
    assert sparkline([0, 50, 100], ascii_only=True) == "_+@"


def test_history_command_prints_scores_trend_and_chart(capsys: pytest.CaptureFixture) -> None:
    _save(1, "cold", 40)
    _save(2, "cold", 90)
    assert main(["history", "--ascii"]) == 0
    out = capsys.readouterr().out
    assert "Cold email (cold): 2 attempts" in out
    assert "scores =#  best 90, latest 90; up 50 since your first attempt (+50 on the last)" in out
    assert " 40/100  not passed" in out and " 90/100  passed" in out


def test_history_command_json_and_empty(capsys: pytest.CaptureFixture) -> None:
    assert main(["history"]) == 0
    assert "No finished attempts yet" in capsys.readouterr().out
    _save(1, "cold", 70)
    assert main(["history", "--json", "cold"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scenarios"][0]["attempts"][0]["score"] == 70


def test_titles_from_files_are_printed_inertly(capsys: pytest.CaptureFixture) -> None:
    _save(1, "cold", 70, title="\x1b]52;c;ZXZpbA==\x07[@click=app.quit]x[/]")
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "ZXZpbA" not in out  # the whole clipboard-writing sequence is gone
    assert "[@click=app.quit]x[/] (cold)" in out  # markup stays literal text
