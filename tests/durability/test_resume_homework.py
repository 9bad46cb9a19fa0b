"""Resuming interrupted homework: it can still be submitted, and never silently is not."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from simulator.cli import main

OPENING = [
    "15 minutes on moving into HR?",
    "Hi, I heard you on the pay transparency panel. I'm moving from operations into HR and "
    "would love to learn how you made the move. I know review season is busy: could I have "
    "15 minutes by phone in the next few weeks, whenever suits you? Thank you.",
    ".",
    "",  # no attachment
    "How did you get into HR?",
]
REST = ["/wrap", "y", "6", "Thank you! You mentioned payroll; I am going to shadow our team.", "."]


def feed(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))


def test_interrupted_homework_is_submitted_after_resume(
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assignment = tmp_path / "a.json"
    assert main(["assign", "review-season-cold-email", "-o", str(assignment)]) == 0
    feed(monkeypatch, OPENING)  # input ends mid-meeting: nothing is submitted yet
    main(["play", "--assignment", str(assignment), "--student", "Ana Diaz", "--plain"])
    assert not list((home / "submissions").rglob("*.json"))
    capsys.readouterr()

    assignment.rename(tmp_path / "moved.json")  # the file it was started from is gone
    feed(monkeypatch, REST)
    assert main(["resume", "--last", "--plain"]) == 0  # without the file: a clear note
    assert "--assignment FILE to submit" in capsys.readouterr().err
    assert not list((home / "submissions").rglob("*.json"))


def test_resume_finds_the_assignment_it_was_started_from(
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assignment = tmp_path / "a.json"
    assert main(["assign", "review-season-cold-email", "-o", str(assignment)]) == 0
    feed(monkeypatch, OPENING)
    main(["play", "--assignment", str(assignment), "--student", "Ana Diaz", "--plain"])
    capsys.readouterr()
    feed(monkeypatch, REST)
    assert main(["resume", "--last", "--plain"]) == 0
    assert "Submitted attempt 1" in capsys.readouterr().out
    assert len(list((home / "submissions").rglob("*.json"))) == 1


def test_resume_with_the_assignment_submits(
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assignment = tmp_path / "a.json"
    cmd = ["assign", "review-season-cold-email", "-o", str(assignment), "--mode", "exam"]
    assert main(cmd) == 0
    feed(monkeypatch, OPENING)
    main(["play", "--assignment", str(assignment), "--student", "Ana Diaz", "--plain"])
    capsys.readouterr()

    feed(monkeypatch, REST)
    assert main(["resume", "--last", "--plain", "--assignment", str(assignment)]) == 0
    out = capsys.readouterr().out
    assert "Submitted attempt 1" in out
    assert "[patience" not in out  # exam mode: the resumed session hides the meters too
    (submission,) = (home / "submissions").rglob("*.json")
    assert main(["review", str(assignment), str(submission.parent)]) == 0
    assert "verified 1" in capsys.readouterr().out


def test_resume_refuses_another_assignment(
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, other = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["assign", "review-season-cold-email", "-o", str(first)]) == 0
    assert main(["assign", "review-season-cold-email", "-o", str(other)]) == 0
    feed(monkeypatch, OPENING)
    main(["play", "--assignment", str(first), "--student", "Ana Diaz", "--plain"])
    capsys.readouterr()
    assert main(["resume", "--last", "--plain", "--assignment", str(other)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not" in err


def _count_gradings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every grading of a session (``practice.scoring`` is the one place it happens)."""
    from simulator.grading import grade
    from simulator.practice import scoring

    calls: list[str] = []
    real = grade

    def counting(transcript, scenario, lexicon=None):
        calls.append(transcript.scenario)
        return real(transcript, scenario, lexicon)

    monkeypatch.setattr(scoring, "grade", counting)
    return calls


def test_play_and_resume_grade_a_finished_homework_session_once(
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assignment = tmp_path / "a.json"
    assert (
        main(["assign", "review-season-cold-email", "-o", str(assignment), "--attempts", "3"]) == 0
    )
    calls = _count_gradings(monkeypatch)
    feed(monkeypatch, OPENING + REST)
    assert main(["play", "--assignment", str(assignment), "--student", "Ana Diaz", "--plain"]) == 0
    assert "Submitted attempt 1" in capsys.readouterr().out
    assert len(calls) == 1, "play graded the finished session more than once"

    calls.clear()
    feed(monkeypatch, OPENING)  # interrupted, then resumed to the end
    main(["play", "--assignment", str(assignment), "--student", "Ana Diaz", "--plain"])
    assert calls == []
    feed(monkeypatch, REST)
    assert main(["resume", "--last", "--plain", "--assignment", str(assignment)]) == 0
    assert "Submitted attempt 2" in capsys.readouterr().out
    assert len(calls) == 1, "resume graded the finished session more than once"
