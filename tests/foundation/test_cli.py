"""The headless command line: list, run (text and JSON), plain play, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_in_process import simulator

from simulator.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOOD_SCRIPT = """\
outreach:
  subject: 15 minutes on moving into HR?
  body: >-
    Hi, I heard you on the pay transparency panel. I'm moving from operations into HR
    and would love to learn how you made a similar move. I know review season is busy:
    could I have 15 minutes by phone in the next few weeks? Thank you.
meeting:
  - How did you get into HR?
  - What skills matter most?
  - I want to respect your time, so I'll wrap up there.
thank_you: {after_hours: 6, body: "Thank you! You mentioned payroll; I am going to learn more."}
"""


def cli(*args: str, stdin: str | None = None, home: Path) -> subprocess.CompletedProcess[str]:
    """``simulator ARGS`` in-process (their output and exit codes are what is tested here);
    ``test_help_lists_commands`` starts a real process."""
    assert os.environ["SIMULATOR_HOME"] == str(home)  # the home fixture set it
    return simulator(*args, stdin=stdin)


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD_SCRIPT)
    return path


def test_list_json_shows_scenarios_with_their_facts(home: Path) -> None:
    result = cli("list", "--json", home=home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    ids = {s["id"]: s for s in data["scenarios"]}
    cold = ids["review-season-cold-email"]
    assert cold["difficulty"] == "hard"
    assert cold["stages"] == ["outreach", "meeting", "thank_you"]
    assert cold["persona"] == "hr-manager-review-season"
    assert any(p["id"] == "hr-manager-review-season" for p in data["personas"])


def test_run_json_is_byte_identical_twice(script: Path, home: Path) -> None:
    first = cli("run", "review-season-cold-email", "--script", str(script), "--json", home=home)
    second = cli("run", "review-season-cold-email", "--script", str(script), "--json", home=home)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert set(data) == {"transcript", "report"}
    report = data["report"]
    assert 0 <= report["score"] <= 100 and report["passed"] is True
    assert {"criteria", "findings"} <= set(report)


def test_run_does_not_depend_on_the_clock(
    script: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["run", "review-season-cold-email", "--script", str(script), "--json", "--seed", "4"]
    assert main(args) == 0
    today = capsys.readouterr().out
    shift = 86_400 * 400.0
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + shift)
    monkeypatch.setattr(time, "time_ns", lambda: int((real_time() + shift) * 1e9))
    assert main(args) == 0
    assert capsys.readouterr().out == today


def test_run_text_shows_transcript_and_report(script: Path, home: Path) -> None:
    result = cli("run", "review-season-cold-email", "--script", str(script), home=home)
    assert result.returncode == 0
    assert "Passed with" in result.stdout
    assert "You wrote" not in result.stdout or "you wrote" in result.stdout


def test_run_with_a_broken_script_says_where(tmp_path: Path, home: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("outreach:\n  subjet: hi\n  body: hello\n")
    result = cli("run", "review-season-cold-email", "--script", str(bad), home=home)
    assert result.returncode == 2
    assert f"{bad}:2:3: unknown field 'subjet'; did you mean 'subject'?" in result.stderr


def test_run_with_an_empty_message_is_a_one_line_error(tmp_path: Path, home: Path) -> None:
    bad = tmp_path / "empty.yaml"
    bad.write_text("outreach: {subject: hi, body: '   '}\n")
    result = cli("run", "review-season-cold-email", "--script", str(bad), home=home)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "empty" in result.stderr


def test_unknown_scenario_is_reported(script: Path, home: Path) -> None:
    result = cli("run", "no-such-thing", "--script", str(script), home=home)
    assert result.returncode == 1  # a content problem: exit 1 in every command
    assert "no scenario with id 'no-such-thing'" in result.stderr


def test_plain_play_runs_a_whole_session_and_saves_it(home: Path) -> None:
    lines = [
        "15 minutes?",
        "Hi, I'm moving from operations into HR and would love to learn how you did it. "
        "I know review season is busy: could I have 15 minutes by phone, whenever suits you?",
        ".",
        "",  # no attachments
        "How did you get into HR?",
        "/wrap",
        "y",
        "6",
        "Thank you! You mentioned payroll; I am going to ask to shadow our team.",
        ".",
    ]
    result = cli("play", "--plain", stdin="\n".join(lines) + "\n", home=home)
    assert result.returncode == 0, result.stderr
    assert "The meeting starts" in result.stdout
    assert "=== Debrief ===" in result.stdout
    attempts = list((home / "attempts").glob("*.json"))
    journals = list((home / "journals").glob("*.jsonl"))
    assert len(attempts) == 1 and len(journals) == 1
    saved = json.loads(attempts[0].read_text())
    assert saved["report"]["score"] == saved["score"]


def test_plain_play_end_of_input_keeps_turns(home: Path) -> None:
    result = cli("play", "--plain", stdin="Subject\nHello, 15 minutes?\n.\n\n", home=home)
    assert result.returncode == 0
    assert "Input ended" in result.stdout
    (journal,) = (home / "journals").glob("*.jsonl")
    kinds = [json.loads(line).get("type") for line in journal.read_text().splitlines()]
    assert kinds[0] == "header" and "turn" in kinds


def test_help_lists_commands(home: Path) -> None:
    # A real process: `python -m simulator` itself starts and exits 0.
    env = {**os.environ, "SIMULATOR_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "--help"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0
    for command in ("list", "run", "play"):
        assert command in result.stdout
