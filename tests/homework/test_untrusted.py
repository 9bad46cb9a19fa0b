"""Submissions are untrusted: every bad file gets a row with a reason; nothing crashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.homework import load_assignment
from simulator.homework.formats import MAX_SUBMISSION_BYTES
from simulator.homework.html import class_report_html
from simulator.homework.review import collect_files, review
from simulator.homework.safe_json import JsonFileError, parse_json

from .helpers import cli, edit_json, make_assignment, submit

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def good(tmp_path: Path, scripts: dict[str, Path]) -> tuple[Path, Path]:
    assignment = make_assignment(tmp_path)
    return assignment, submit(assignment, "Ana Diaz", scripts["pass"])


def _bad_files(folder: Path, good_file: Path) -> dict[str, str]:
    """Bad submissions, by file name, with the words their row must contain."""
    folder.mkdir()
    text = good_file.read_text(encoding="utf-8")
    expected = {}

    def put(name: str, content: str | bytes, reason: str) -> None:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        expected[name] = reason

    put("truncated.json", text[: len(text) // 2], "not valid JSON")
    put("empty.json", "", "empty file")
    put("binary.json", b"\xff\xfe\x00garbage", "not UTF-8")
    put("list.json", "[1, 2, 3]", "not an object")
    put("other.json", json.dumps({"hello": "world"}), "not a submission file")
    with (folder / "huge.json").open("wb") as handle:
        handle.write(b'{"format": "' + b"x" * (MAX_SUBMISSION_BYTES + 10) + b'"}')
    expected["huge.json"] = "too large"
    put("deep.json", "[" * 50_000 + "]" * 50_000, "nested more than")
    put("nan.json", text.replace('"seed": ', '"seed": NaN, "x": ', 1), "NaN")
    put("bigint.json", text.replace('"attempt": 1', '"attempt": ' + "9" * 5000, 1), "digits")
    put("bigfloat.json", text.replace('"attempt": 1', '"attempt": 1e999', 1), "out of range")
    wrong_type = json.loads(text)
    wrong_type["attempt"] = "one"
    put("wrongtype.json", json.dumps(wrong_type), "attempt")
    absurd = json.loads(text)
    absurd["report"]["score"] = 10**15
    put("absurd.json", json.dumps(absurd), "report.score")
    no_input = json.loads(text)
    for turn in no_input["transcript"]["turns"]:
        turn["data"].pop("input", None)
    no_input["id"] = "sub-noinput"
    put("noinput.json", json.dumps(no_input), "no usable recorded input")
    bad_input = json.loads(text)
    learner = next(t for t in bad_input["transcript"]["turns"] if t["who"] == "learner")
    learner["data"]["input"] = {"action": "os.system", "body": "rm -rf /"}
    bad_input["id"] = "sub-badinput"
    put("badinput.json", json.dumps(bad_input), "unknown action")
    diverging = json.loads(text)
    learner = next(t for t in diverging["transcript"]["turns"] if t["who"] == "learner")
    learner["data"]["input"]["body"] = "Are you hiring? " + learner["data"]["input"]["body"]
    diverging["id"] = "sub-diverging"
    put("diverging.json", json.dumps(diverging), "do not replay")
    edited = json.loads(text)
    last = [t for t in edited["transcript"]["turns"] if t["who"] == "learner"][-1]
    last["data"]["input"]["body"] = f"{SCRIPT} Happy to send my resume. Are you hiring?"
    edited["id"] = "sub-edited"
    put("edited.json", json.dumps(edited), "on re-grading")
    other = json.loads(text)
    other["assignment"]["id"] = "asg-someoneelse"
    other["assignment"]["title"] = SCRIPT
    put("otherassignment.json", json.dumps(other), "made for assignment asg-someoneelse")
    return expected


def test_bad_submissions_are_reported_in_their_rows(
    tmp_path: Path, good: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assignment, good_file = good
    folder = tmp_path / "inbox"
    expected = _bad_files(folder, good_file)
    result = review(load_assignment(assignment), collect_files([folder, good_file]))
    rows = {Path(v.file).name: v for v in result.verdicts}
    assert rows[good_file.name].check == "verified"
    for name, reason in expected.items():
        verdict = rows[name]
        assert verdict.check != "verified", name
        assert reason in verdict.detail, (name, verdict.detail)
        assert "\n" not in verdict.detail
    assert rows["edited.json"].check == "mismatch"
    assert rows["otherassignment.json"].check == "wrong_assignment"
    assert rows["truncated.json"].check == "unreadable"
    # Ana has one verified pass; the edited copy (Are you hiring?) is flagged, not counted.
    (ana,) = [s for s in result.students if s.name == "Ana Diaz"]
    # An edited file is for the coach to look at, whatever else she handed in.
    assert ana.status == "needs review" and ana.flagged >= 1
    assert ana.best_score is not None and ana.best_score >= 70

    capsys.readouterr()
    assert cli("review", assignment, folder, good_file, "--html", tmp_path / "r.html") == 0
    assert "truncated.json" in capsys.readouterr().out


def test_html_escapes_everything_from_submissions(tmp_path: Path, scripts: dict[str, Path]) -> None:
    assignment = make_assignment(tmp_path)
    evil_name = f"{SCRIPT} <img src=x onerror=alert(1)>"
    evil_script = tmp_path / "evil.yaml"
    evil_script.write_text(
        'outreach:\n  subject: x\n  body: "Hi, could I have 15 minutes? </mark><script>'
        'alert(2)</script> I know review season is busy. Thank you."\n',
        encoding="utf-8",
    )
    path = submit(assignment, "Eve Evil", evil_script)
    edit_json(path, lambda d: d.update(student=evil_name))  # its seed is now wrong: flagged
    result = review(load_assignment(assignment), [path])
    page = class_report_html(result)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_terminal_table_drops_control_characters(tmp_path: Path, good: tuple[Path, Path]) -> None:
    from simulator.homework.export import class_table

    assignment, good_file = good
    edit_json(good_file, lambda d: d.update(student="Ana \x1b]0;pwned\x07Diaz"))
    result = review(load_assignment(assignment), [good_file])
    assert "\x1b" not in class_table(result, all_files=True)
    assert "\x07" not in class_table(result, all_files=True)


def test_csv_cells_cannot_become_formulas(tmp_path: Path, good: tuple[Path, Path]) -> None:
    from simulator.homework.export import to_csv

    assignment, good_file = good
    edit_json(good_file, lambda d: d.update(student='=HYPERLINK("http://x")'))
    result = review(load_assignment(assignment), [good_file])
    assert "'=HYPERLINK" in to_csv(result)


def test_bad_assignment_files(tmp_path: Path) -> None:
    from simulator.homework import HomeworkError

    bad = tmp_path / "bad.json"
    for content in ("{", "[]", json.dumps({"format": "interview-simulator/assignment"})):
        bad.write_text(content, encoding="utf-8")
        with pytest.raises(HomeworkError) as caught:
            load_assignment(bad)
        assert str(bad) in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "raw",
    [b"[" * 30 + b"]" * 30, b"-Infinity", b"1" * 41, b'{"a": 1e400}', b"\x00", b"   "],
)
def test_parse_json_refuses(raw: bytes) -> None:
    with pytest.raises(JsonFileError):
        parse_json(raw)


def test_parse_json_ignores_brackets_inside_strings() -> None:
    text = json.dumps({"quote": "[" * 100 + '" \\ {{{'})
    assert parse_json(text.encode())["quote"].startswith("[[[")


def test_review_never_crashes_on_random_bytes(tmp_path: Path, good: tuple[Path, Path]) -> None:
    import random

    assignment, good_file = good
    raw = good_file.read_bytes()
    rng = random.Random(4)
    folder = tmp_path / "fuzz"
    folder.mkdir()
    for index in range(25):
        data = bytearray(raw)
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        (folder / f"f{index}.json").write_bytes(bytes(data))
    result = review(load_assignment(assignment), collect_files([folder]))
    assert len(result.verdicts) == 25
    assert all(v.check in ("verified", "mismatch", "unreadable", "wrong_assignment")
               for v in result.verdicts)  # fmt: skip
    class_report_html(result)


def test_a_submission_keeps_undecodable_learner_text_exactly(tmp_path: Path) -> None:
    """Plain play turns undecodable bytes into lone surrogates; the submission must keep
    them exactly, or the coach's replay would flag an honest learner as a mismatch."""
    from simulator.homework.submission import write_submission

    record = {
        "assignment": {"id": "asg-x"},
        "student": "Ana",
        "scenario": "s",
        "attempt": 1,
        "submitted": "2026-11-28T00:00:00",
        "text": "caf\udce9 ok",
    }
    path = write_submission(record, tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["text"] == "caf\udce9 ok"
