"""Assign, three learners submit (pass, fail, edited score), the coach reviews."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from simulator.homework.submission import submissions_folder

from .helpers import cli, edit_json, make_assignment, submit


def test_assign_submit_review(
    tmp_path: Path, scripts: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assignment = make_assignment(tmp_path, "--attempts", "2", "--mode", "exam")
    passing = submit(assignment, "Ana Diaz", scripts["pass"])
    failing = submit(assignment, "Ben Ode", scripts["fail"])
    tampered = submit(assignment, "Cy Tamper", scripts["fail"])
    original_score = json.loads(tampered.read_text())["report"]["score"]

    def boost(data: dict) -> None:
        data["report"]["score"] = 99
        data["report"]["passed"] = True

    edit_json(tampered, boost)
    roster = tmp_path / "roster.txt"
    roster.write_text("# class 3B\nAna Diaz\nben  ode\nCy Tamper\nDee Absent\n", encoding="utf-8")
    out_csv, out_json = tmp_path / "class.csv", tmp_path / "class.json"
    capsys.readouterr()
    code = cli(
        "review", assignment, submissions_folder(), "--roster", roster,
        "--csv", out_csv, "--json", out_json,
    )  # fmt: skip
    assert code == 0
    table = capsys.readouterr().out
    assert (
        "score mismatch" in table and f"score 99 claimed, {original_score} on re-grading" in table
    )

    data = json.loads(out_json.read_text())
    checks = {Path(s["file"]).name: s["check"] for s in data["submissions"]}
    assert checks == {
        passing.name: "verified",
        failing.name: "verified",
        tampered.name: "mismatch",
    }
    statuses = {s["name"]: s["status"] for s in data["students"]}
    assert statuses == {
        "Ana Diaz": "completed",
        "ben ode": "needs review",  # roster spelling wins; the same words as Cy Tamper's
        "Cy Tamper": "needs review",  # an edited score, and Ben's words
        "Dee Absent": "not started",
    }
    assert data["statuses"] == {
        "completed": 1, "late": 0, "needs review": 2, "did not pass": 0, "in progress": 0,
        "not started": 1,
    }  # fmt: skip
    flags = {s["name"]: " ".join(s["needs_review"]) for s in data["students"]}
    assert "identical learner text to Cy Tamper" in flags["ben ode"]
    assert "identical learner text to ben ode" in flags["Cy Tamper"]
    assert "edited:" in flags["Cy Tamper"] and "edited" not in flags["ben ode"]

    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel's UTF-8 mark
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8-sig")))
    by_student = {r["student"]: r for r in rows}
    assert len(rows) == 4  # three submissions and the roster student with none
    assert by_student["Ana Diaz"]["check"] == "verified"
    assert by_student["Ana Diaz"]["passed"] == "yes"
    assert by_student["Cy Tamper"]["check"] == "score mismatch"
    assert by_student["Cy Tamper"]["claimed_score"] == "99"
    assert by_student["Cy Tamper"]["score"] == str(original_score)
    assert by_student["Cy Tamper"]["counted"] == "no"
    assert by_student["Dee Absent"]["status"] == "not started"
    assert by_student["Dee Absent"]["file"] == ""
    assert by_student["Ana Diaz"]["Respecting their time"].isdigit()  # criteria in plain words
    assert "lost: A resume was attached" in by_student["ben ode"]["findings"]  # subject read first


def test_learner_lists_submissions(
    tmp_path: Path, scripts: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assignment = make_assignment(tmp_path)
    saved = submit(assignment, "Ana Diaz", scripts["pass"])
    assert f"Saved to {saved}" in capsys.readouterr().err
    assert cli("submissions", "--json") == 0
    listed = json.loads(capsys.readouterr().out)["submissions"]
    assert [(s["student"], s["attempt"], s["file"]) for s in listed] == [
        ("Ana Diaz", 1, str(saved))
    ]
    assert cli("submissions") == 0
    assert "Week 3" in capsys.readouterr().out
