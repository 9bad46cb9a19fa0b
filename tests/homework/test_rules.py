"""The assignment's rules as learners and coaches meet them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from simulator.homework import HomeworkError, load_assignment, open_assignment
from simulator.homework.review import collect_files, review
from simulator.homework.submission import submissions_folder

from .helpers import cli, edit_json, make_assignment, submit


def _review(assignment: Path, roster: list[str] | None = None):
    files = collect_files([submissions_folder()])
    return review(load_assignment(assignment), files, roster=roster)


def test_attempt_limit_is_enforced_for_learners(
    tmp_path: Path, scripts: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assignment = make_assignment(tmp_path, "--attempts", "2")
    submit(assignment, "Ana Diaz", scripts["fail"])
    second = submit(assignment, "ana  DIAZ", scripts["pass"])  # same student, other spelling
    assert json.loads(second.read_text())["attempt"] == 2
    capsys.readouterr()
    code = cli("run", "--assignment", assignment, "--student", "Ana Diaz", "--script",
               scripts["pass"])  # fmt: skip
    assert code == 2
    assert "already submitted 2 of 2 allowed attempt(s)" in capsys.readouterr().err
    # Another student is not affected.
    submit(assignment, "Ben Ode", scripts["pass"])


def test_best_of_n_and_over_limit_copies(tmp_path: Path, scripts: dict[str, Path]) -> None:
    assignment = make_assignment(tmp_path, "--attempts", "1")
    first = submit(assignment, "Ana Diaz", scripts["fail"])
    # A learner who copies their file and bumps the attempt number to get around the limit:
    extra = first.with_name("extra.json")
    extra.write_text(first.read_text())
    edit_json(extra, lambda d: d.update(id="sub-another", attempt=2))
    result = _review(assignment)
    marks = {Path(v.file).name: v.marks() for v in result.verdicts}
    assert marks["extra.json"] == ["verified", "over the attempt limit"]
    assert marks[first.name] == ["verified"]
    (row,) = result.students
    assert row.status == "did not pass" and row.set_aside == 1


def test_best_attempt_counts(tmp_path: Path, scripts: dict[str, Path]) -> None:
    assignment = make_assignment(tmp_path, "--attempts", "3")
    submit(assignment, "Ana Diaz", scripts["fail"])
    submit(assignment, "Ana Diaz", scripts["pass"])
    (row,) = _review(assignment).students
    assert row.status == "completed"
    assert row.best["review-season-cold-email"].attempt == 2


def test_duplicate_file_counts_once(tmp_path: Path, scripts: dict[str, Path]) -> None:
    assignment = make_assignment(tmp_path)
    first = submit(assignment, "Ana Diaz", scripts["pass"])
    first.with_name("copy.json").write_text(first.read_text())
    result = _review(assignment)
    assert sorted(v.duplicate for v in result.verdicts) == [False, True]
    assert result.students[0].submissions == 2 and result.students[0].status == "completed"


def test_late_submission_gives_late_status(tmp_path: Path, scripts: dict[str, Path]) -> None:
    assignment = make_assignment(tmp_path, "--due", "2020-01-06")
    submit(assignment, "Ana Diaz", scripts["pass"])
    submit(assignment, "Ben Ode", scripts["fail"])
    result = _review(assignment, roster=["Ana Diaz", "Ben Ode", "Cy Absent"])
    assert [(s.name, s.status) for s in result.students] == [
        ("Ana Diaz", "late"),
        ("Ben Ode", "did not pass"),
        ("Cy Absent", "not started"),
    ]
    assert all(v.late for v in result.verdicts)


def test_pass_mark_override(tmp_path: Path, scripts: dict[str, Path]) -> None:
    assignment = make_assignment(tmp_path, "--pass-mark", "100")
    submit(assignment, "Ana Diaz", scripts["pass"])
    (row,) = _review(assignment).students
    assert row.score is not None and row.score < 100
    assert row.status == "did not pass"


def test_per_student_seed_is_stable_and_personal(tmp_path: Path) -> None:
    a = load_assignment(make_assignment(tmp_path))
    assert a.seed_for("Ana Diaz") == a.seed_for("  ana   diaz ")
    seeds = {a.seed_for(name) for name in ("Ana Diaz", "Ben Ode", "Cy Tamper", "Dee Play")}
    assert len(seeds) == 4
    fixed = load_assignment(make_assignment(tmp_path, "--seed", "7"))
    assert fixed.seed_for("Ana Diaz") == fixed.seed_for("Ben Ode") == 7


def test_copying_a_classmates_file_is_flagged(tmp_path: Path, scripts: dict[str, Path]) -> None:
    assignment = make_assignment(tmp_path)
    original = submit(assignment, "Ana Diaz", scripts["pass"])
    copy = original.with_name("copied.json")
    copy.write_text(original.read_text())
    edit_json(copy, lambda d: d.update(id="sub-copied", student="Ben Ode"))
    result = _review(assignment)
    copied = next(v for v in result.verdicts if v.file.endswith("copied.json"))
    assert copied.check == "mismatch" and "this student's seed is" in copied.detail
    ben = next(s for s in result.students if s.name == "Ben Ode")
    assert ben.status == "needs review" and ben.flagged == 1
    # the source is named, and both learners are told who shares their words
    assert any("copied: copied.json was played with Ana Diaz's seed" in f for f in ben.flags)
    ana = next(s for s in result.students if s.name == "Ana Diaz")
    assert "identical learner text to Ben Ode" in ana.flags


def test_edited_assignment_is_refused(tmp_path: Path) -> None:
    path = make_assignment(tmp_path)
    edit_json(path, lambda d: d["scenarios"][0].update(
        scenario_text=d["scenarios"][0]["scenario_text"].replace("pass_mark: 70", "pass_mark: 5")
    ))  # fmt: skip
    with pytest.raises(HomeworkError, match="do not match their sha256"):
        open_assignment(path, "Ana Diaz")


def test_exam_mode_hides_live_meters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (
        "Hello\nHi, could I have 15 minutes by phone next week? I know review season is "
        "busy. Thank you.\n.\n\nHow did you get into HR?\n/leave\nn\n"
    )
    outputs = {}
    for mode in ("practice", "exam"):
        path = tmp_path / f"{mode}.json"
        assert cli("assign", "review-season-cold-email", "-o", path, "--mode", mode) == 0
        monkeypatch.setattr("sys.stdin", io.StringIO(lines))
        capsys.readouterr()
        assert cli("play", "--assignment", path, "--student", "Ana Diaz", "--plain") == 0
        outputs[mode] = capsys.readouterr().out
    assert "[patience" in outputs["practice"]
    assert "[patience" not in outputs["exam"]
    assert "Exam mode: no live hints" in outputs["exam"]
    assert "Submitted attempt 1" in outputs["exam"]
    result = _review(tmp_path / "exam.json")
    exam_files = [v for v in result.verdicts if v.check == "verified"]
    assert len(exam_files) == 1  # the practice submission belongs to another assignment


def test_unfinished_play_is_not_submitted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_assignment(tmp_path, "--attempts", "1")
    monkeypatch.setattr("sys.stdin", io.StringIO("Hello\nHi there\n"))
    assert cli("play", "--assignment", path, "--student", "Ana Diaz", "--plain") == 1
    assert "Not submitted" in capsys.readouterr().out
    assert not submissions_folder().exists() or not list(submissions_folder().rglob("*.json"))
    # The attempt was not used up: the learner can start again.
    assert open_assignment(path, "Ana Diaz").attempt == 1


def test_learner_errors_are_one_line(
    tmp_path: Path, scripts: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_assignment(tmp_path)
    script = scripts["pass"]
    cases = [
        ("run", "--assignment", path, "--script", script),
        ("run", "--assignment", path, "--student", "A", "--seed", "3", "--script", script),
        ("run", "--assignment", tmp_path / "nope.json", "--student", "A", "--script", script),
        ("run", "other-scenario", "--assignment", path, "--student", "A", "--script", script),
        ("assign", "review-season-cold-email", "-o", path),
        ("assign", "review-season-cold-email", "-o", tmp_path / "x.json", "--due", "next friday"),
    ]  # fmt: skip
    for args in cases:
        capsys.readouterr()
        assert cli(*args) == 2, args
        err = capsys.readouterr().err.strip()
        assert err and "\n" not in err and "Traceback" not in err, (args, err)


def test_several_scenarios_in_one_assignment(
    tmp_path: Path, scripts: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "two.json"
    assert cli("assign", "review-season-cold-email", "review-season-quick-note", "-o", path) == 0
    capsys.readouterr()
    args = ("--assignment", path, "--student", "Ana Diaz", "--script", scripts["pass"])
    assert cli("run", *args) == 2
    assert "pick one of: review-season-cold-email, review-season-quick-note" in (
        capsys.readouterr().err
    )
    assert cli("run", "review-season-cold-email", *args) == 0
    (row,) = _review(path).students
    assert row.status == "in progress"
    assert cli("run", "review-season-quick-note", *args) == 0
    (row,) = _review(path).students
    assert row.status == "completed" and set(row.best) == {
        "review-season-cold-email",
        "review-season-quick-note",
    }


def test_play_hands_the_assignment_to_the_injected_app(
    tmp_path: Path,
    scripts: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    from simulator.cli import build_parser
    from simulator.commands.play import play_assignment_command
    from simulator.content import Script
    from simulator.content.loader import parse_model
    from simulator.practice import AppOptions, play_script

    received: dict[str, object] = {}

    class FakeApp:
        return_code: int | None = 0

        def __init__(self, options: AppOptions) -> None:
            received.update(seed=options.seed, mode=options.mode, title=options.title)
            self.options = options

        def run(self) -> None:
            script = parse_model(Script, scripts["pass"].read_text(), "script")
            desk = self.options.homework  # the app submits through the desk it is given
            assert self.options.bundle is not None and desk is not None
            assert self.options.seed is not None  # an assignment always sets its seed
            played = play_script(self.options.bundle, script, self.options.seed)
            desk.submit(played.session, played.report)

        def notify(
            self,
            message: str,
            *,
            title: str = "",
            timeout: float | None = None,
            markup: bool = True,
        ) -> None:
            received.update(notice=message, notice_title=title, timeout=timeout, markup=markup)

    path = make_assignment(tmp_path, "--mode", "exam")
    capsys.readouterr()
    args = build_parser().parse_args(["play", "--assignment", str(path), "--student", "Ana Diaz"])
    assert play_assignment_command(args, FakeApp) == 0
    assert "Submitted attempt 1" in capsys.readouterr().out
    assert received["seed"] == load_assignment(path).seed_for("Ana Diaz")
    assert received["mode"] == "exam" and received["title"] == load_assignment(path).title
    (row,) = _review(path).students
    assert row.status == "completed"
