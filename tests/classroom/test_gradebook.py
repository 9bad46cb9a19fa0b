"""The dashboard's gradebook is the review's: the same rows for the same submissions."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from simulator.classroom.store import ClassStore
from simulator.homework import load_assignment
from simulator.homework.export import to_csv
from simulator.homework.review import collect_files, review

from .conftest import CLASS_TOKEN, COACH_TOKEN
from .helpers import InProcess, body_of, make_submission, request

# The receipt time replaces the learner's clock, and files are named by receipt.
SERVER_COLUMNS = ("submitted", "file")


def _rows(text: str) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        for column in SERVER_COLUMNS:
            row.pop(column)
    return sorted(rows, key=lambda r: (r["student"], r["attempt"]))


def test_the_dashboard_gradebook_matches_review_on_the_same_submissions(
    live: tuple[InProcess, ClassStore], assignment_file: Path, tmp_path: Path
) -> None:
    running, store = live
    learners = [("Ana Diaz", True), ("Bo Lee", False), ("Cy Park", True), ("ana diaz", False)]
    for name, good in learners:
        record = make_submission(assignment_file, name, good=good)
        status, body, _ = request(f"{running.url}/submit/{CLASS_TOKEN}", body_of(record))
        assert status == 201, body
    folder = tmp_path / "inbox"
    folder.mkdir()
    for row in store.submissions():
        (folder / f"{row.seq:03d}.json").write_bytes(row.body)
    expected = review(load_assignment(assignment_file), collect_files([folder]))

    status, gradebook, _ = request(f"{running.url}/coach/{COACH_TOKEN}/gradebook.csv")
    assert status == 200
    assert _rows(gradebook.decode()) == _rows(to_csv(expected))
    summary = json.loads(request(f"{running.url}/coach/{COACH_TOKEN}/review.json")[1])
    assert summary["statuses"] == expected.status_counts()
    assert [(s["name"], s["best_score"]) for s in summary["students"]] == [
        (s.name, s.score) for s in expected.students
    ]
    state = json.loads(request(f"{running.url}/coach/{COACH_TOKEN}/state.json")[1])
    assert {s["name"]: s["status"] for s in state["students"]} == {
        s.name: s.status for s in expected.students
    }
    assert state["criteria"] and state["findings"]  # averages and common findings as it goes
    page = request(f"{running.url}/coach/{COACH_TOKEN}/report.html")[1].decode()
    assert "<script" not in page and "Bo Lee" in page
