"""Integrity across a class: each case is "needs review", never a plain "did not pass",
and the finding names the people involved."""

from __future__ import annotations

import json
from pathlib import Path

from simulator.homework import load_assignment
from simulator.homework.review import ClassReview, StudentRow, collect_files, review
from simulator.homework.submission import submissions_folder

from .helpers import PASSING, edit_json, make_assignment, submit

NEAR_COPY = PASSING.replace("last month", "in October").replace("Thank you either way.", "")


def _review(assignment: Path) -> ClassReview:
    return review(load_assignment(assignment), collect_files([submissions_folder()]))


def _row(result: ClassReview, name: str) -> StudentRow:
    row = result.student(name)
    assert row is not None, name
    return row


def test_near_identical_answers_name_each_other(tmp_path: Path, scripts: dict[str, Path]) -> None:
    assignment = make_assignment(tmp_path)
    near = tmp_path / "near.yaml"
    near.write_text(NEAR_COPY, encoding="utf-8")
    submit(assignment, "Ana Diaz", scripts["pass"])
    submit(assignment, "Ben Ode", near)
    submit(assignment, "Cy Solo", scripts["fail"])
    result = _review(assignment)
    assert all(v.check == "verified" for v in result.verdicts)  # each played their own
    ana, ben = _row(result, "Ana Diaz"), _row(result, "Ben Ode")
    assert ana.status == ben.status == "needs review"
    assert any("near-identical learner text" in f and "Ben Ode" in f for f in ana.flags)
    assert any("Ana Diaz" in f for f in ben.flags)
    assert _row(result, "Cy Solo").status == "did not pass"  # a fail, not a suspicion


def test_two_files_claiming_the_same_attempt_are_flagged(
    tmp_path: Path, scripts: dict[str, Path]
) -> None:
    assignment = make_assignment(tmp_path)
    submit(assignment, "Ana Diaz", scripts["fail"])
    second = submit(assignment, "Ana Diaz", scripts["pass"])
    edit_json(second, lambda d: d.update(attempt=1))
    result = _review(assignment)
    ana = _row(result, "Ana Diaz")
    assert ana.status == "needs review"
    assert any("2 different files claim attempt 1" in f for f in ana.flags)


def test_an_edited_submitted_time_is_flagged(tmp_path: Path, scripts: dict[str, Path]) -> None:
    assignment = make_assignment(tmp_path, "--due", "2020-01-01")
    late = submit(assignment, "Ana Diaz", scripts["pass"])
    edit_json(late, lambda d: d.update(submitted="2019-12-31T12:00:00+00:00"))
    result = _review(assignment)
    (verdict,) = result.verdicts
    assert not verdict.late  # the file now claims on time ...
    ana = _row(result, "Ana Diaz")
    assert ana.status == "needs review"  # ... and the edit shows
    assert any("submitted time was changed" in f for f in ana.flags)
    assert any("before it began" in f for f in ana.flags)


def test_duplicate_json_keys_are_refused_and_traced_to_the_student(
    tmp_path: Path, scripts: dict[str, Path]
) -> None:
    assignment = make_assignment(tmp_path)
    good = submit(assignment, "Ana Diaz", scripts["pass"])
    text = good.read_text(encoding="utf-8")
    twice = good.with_name(good.name.replace("attempt1", "attempt2"))
    twice.write_text(text.replace('"attempt": 1,', '"attempt": 2, "attempt": 1,', 1), "utf-8")
    result = _review(assignment)
    bad = next(v for v in result.verdicts if v.file == str(twice))
    assert bad.check == "unreadable" and "appears twice" in bad.detail
    ana = _row(result, "Ana Diaz")
    assert ana.status == "needs review" and ana.unreadable == 1


def test_names_with_control_or_bidi_characters_need_review(
    tmp_path: Path, scripts: dict[str, Path]
) -> None:
    assignment = make_assignment(tmp_path, "--seed", "7")  # one seed: the rename replays
    path = submit(assignment, "Ana Diaz", scripts["pass"])
    edit_json(path, lambda d: d.update(student="Ana \u202eziaD"))
    result = _review(assignment)
    (verdict,) = result.verdicts
    assert verdict.check == "verified"
    (row,) = result.students
    assert row.status == "needs review"
    assert any("control or direction characters" in f for f in row.flags)


def test_corrupt_files_are_not_not_started(tmp_path: Path, scripts: dict[str, Path]) -> None:
    assignment = make_assignment(tmp_path)
    roster = tmp_path / "roster.txt"
    roster.write_text("José Núñez\n", encoding="utf-8")
    folder = submissions_folder() / "x"
    folder.mkdir(parents=True)
    for n in (1, 2):
        name = f"jose-nunez-review-season-cold-email-attempt{n}-20250101T000000.json"
        (folder / name).write_text('{"format": "interview-simulator/submission", ', "utf-8")
    result = review(
        load_assignment(assignment), collect_files([submissions_folder()]), roster=["José Núñez"]
    )
    (row,) = result.students
    assert row.status == "needs review" and row.unreadable == 2
    assert json.dumps(row.flags).count("unreadable") == 2
