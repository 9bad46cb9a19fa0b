"""Taking in submissions: verified with review's code, stored once, refused with a reason."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from simulator.classroom.intake import Intake, Refused
from simulator.classroom.store import ClassStore
from simulator.homework import load_assignment

from .helpers import body_of, make_assignment, make_submission


def intake_for(assignment: Path, folder: Path, **store_options: int) -> Intake:
    return Intake(
        load_assignment(assignment), ClassStore(folder / "class.sqlite3", **store_options)
    )


def test_a_genuine_submission_gets_a_receipt_and_is_stored(
    assignment_file: Path, tmp_path: Path
) -> None:
    intake = intake_for(assignment_file, tmp_path)
    record = make_submission(assignment_file, "Ana Diaz")
    receipt = intake.accept(body_of(record), "127.0.0.1")
    assert receipt.receipt.startswith("rcpt-") and receipt.score == record["report"]["score"]
    (row,) = intake.store.submissions()
    assert row.receipt == receipt.receipt and row.body == body_of(record)
    assert row.received == receipt.received  # the server's clock, not the learner's


def test_sending_the_same_submission_again_returns_the_first_receipt(
    assignment_file: Path, tmp_path: Path
) -> None:
    intake = intake_for(assignment_file, tmp_path)
    body = body_of(make_submission(assignment_file, "Ana Diaz"))
    first = intake.accept(body)
    again = intake.accept(body)
    assert again.receipt == first.receipt and again.repeated
    assert len(intake.store.submissions()) == 1


def test_an_edited_score_is_refused_with_reviews_reason(
    assignment_file: Path, tmp_path: Path
) -> None:
    intake = intake_for(assignment_file, tmp_path)
    record = make_submission(assignment_file, "Ana Diaz", good=False)
    record["report"]["score"] = 100
    with pytest.raises(Refused) as caught:
        intake.accept(body_of(record))
    assert caught.value.status == 422
    assert "score mismatch" in caught.value.reason and "100 claimed" in caught.value.reason
    assert intake.store.submissions() == []
    assert intake.store.events()[-1]["kind"] == "refused"


def test_another_assignment_and_garbage_are_refused(assignment_file: Path, tmp_path: Path) -> None:
    intake = intake_for(assignment_file, tmp_path)
    (tmp_path / "other").mkdir()
    other = make_assignment(tmp_path / "other")
    with pytest.raises(Refused, match="wrong assignment"):
        intake.accept(body_of(make_submission(other, "Ana Diaz")))
    for junk in (b"", b"{", b"[1,2]", b"\xff\xfe", json.dumps({"format": "x"}).encode()):
        with pytest.raises(Refused) as caught:
            intake.accept(junk)
        assert caught.value.status == 400 and caught.value.reason
    assert intake.store.submissions() == []


def test_the_attempt_limit_counts_in_the_order_received(tmp_path: Path) -> None:
    assignment = make_assignment(tmp_path, "review-season-quick-note", "--attempts", "1")
    intake = intake_for(assignment, tmp_path)
    intake.accept(body_of(make_submission(assignment, "Ana Diaz")))
    second = make_submission(assignment, "ana  DIAZ")  # the same student, spelled loosely
    with pytest.raises(Refused) as caught:
        intake.accept(body_of(second))
    assert caught.value.status == 409 and "1 of 1 allowed" in caught.value.reason


def test_a_full_disk_refuses_the_submission_and_stores_nothing(
    assignment_file: Path, tmp_path: Path
) -> None:
    """The database may not grow (as when the disk is full): the learner is told why and
    no row, not even part of one, is stored."""
    intake = intake_for(assignment_file, tmp_path)
    intake.accept(body_of(make_submission(assignment_file, "Ana Diaz")))
    intake.store.close()
    pages = sqlite3.connect(tmp_path / "class.sqlite3").execute("PRAGMA page_count").fetchone()[0]
    full = intake_for(assignment_file, tmp_path, max_pages=pages)
    big = make_submission(assignment_file, "Bo Lee")
    with pytest.raises(Refused) as caught:
        full.accept(body_of(big))
    assert caught.value.status == 507 and "disk is full" in caught.value.reason
    assert [row.student for row in full.store.submissions()] == ["Ana Diaz"]
    full.store.close()
    check = sqlite3.connect(tmp_path / "class.sqlite3")
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 1


def test_the_database_is_sqlite_in_wal_mode_with_synchronous_commits(tmp_path: Path) -> None:
    store = ClassStore(tmp_path / "class.sqlite3")
    try:
        assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        store.close()
    db = sqlite3.connect(tmp_path / "class.sqlite3")  # what is kept in the file itself
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")} - {
            "sqlite_sequence"
        }
    finally:
        db.close()
    assert tables == {"submissions", "events"}
