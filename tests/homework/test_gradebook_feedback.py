"""Gradebooks a school can import, feedback pages to send back, and the coach's overrides.

The Canvas and Moodle files are checked by small parsers that apply each system's
documented CSV import rules (Canvas: the five identity columns, a "Points Possible" row,
rows matched by SIS User ID or SIS Login ID, numeric scores; Moodle: an identifier column
such as the email address or ID number, one grade column to map to a grade item, numeric
grades within the item's range).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pytest

from simulator.homework.submission import submissions_folder

from .helpers import cli, edit_json, make_assignment, submit
from .test_html_browser import BROWSER, run_browser

OTHER_PASS = """
outreach:
  subject: A quick question about your move into HR
  body: >-
    Hello, your remarks on the pay transparency panel stayed with me, especially on
    calibration. I coordinate logistics today and am preparing a move into people
    work. Review season must be hectic, so could we talk for 15 minutes by phone at
    some point this month, at a time that suits you? Many thanks.
meeting:
  - Thanks so much for the time. What first drew you to HR work?
  - What fills most of your week at this time of year?
  - Which skills would you build first, coming from logistics?
  - Is there anyone else you would suggest I speak with?
  - I promised to keep this short, so I will stop here. Thank you very much.
thank_you:
  after_hours: 8
  subject: Thanks for your time
  body: >-
    Thank you for talking with me. Your advice on calibration notes was practical,
    and I will reach out to the colleague you mentioned this week.
"""
EVE = """
outreach:
  subject: hello
  body: >-
    Dear sir or madam, I saw that your company posts many jobs every month and I would
    like to know which positions in finance are still open. I have eleven years of
    experience in procurement and could start at once. Please tell me the best way in.
"""
ROSTER = (
    "name,email,id,login,section\n"
    "Ana Diaz,ana@school.edu,S001,adiaz,3B\n"
    "José Núñez,jose@school.edu,S002,jnunez,3B\n"
    "Ben Ode,ben@school.edu,S003,bode,3B\n"
    "Dee Absent,dee@school.edu,S004,dabsent,3B\n"
)


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # strict: a gradebook must be valid UTF-8
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def check_canvas(rows: list[list[str]]) -> dict[str, float | None]:
    """Canvas's gradebook import rules; returns SIS User ID -> score."""
    header = rows[0]
    assert header[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert len(header) >= 6 and len(set(header)) == len(header)
    points_row = rows[1]
    assert points_row[0].strip() == "Points Possible" and points_row[1:5] == ["", "", "", ""]
    possible = [float(cell) for cell in points_row[5:]]
    scores: dict[str, float | None] = {}
    for row in rows[2:]:
        assert len(row) == len(header)
        assert row[0], "every row names its student"
        assert row[2] or row[3], f"{row[0]}: Canvas matches by SIS User ID or SIS Login ID"
        for cell, top in zip(row[5:], possible, strict=True):
            if cell:
                assert 0 <= float(cell) <= top
        scores[row[2]] = float(row[5]) if row[5] else None
    return scores


def check_moodle(rows: list[list[str]], item: str, top: float) -> dict[str, float | None]:
    """Moodle's CSV grade import rules; returns email -> grade."""
    header = rows[0]
    assert len(set(header)) == len(header)
    identifiers = [h for h in header if h in ("Email address", "ID number", "Username")]
    assert identifiers, "an identifier column to map users by"
    column, grade = header.index("Email address"), header.index(item)
    seen = set()
    grades: dict[str, float | None] = {}
    for row in rows[1:]:
        assert len(row) == len(header)
        assert row[column] and row[column] not in seen
        seen.add(row[column])
        if row[grade]:
            assert 0 <= float(row[grade]) <= top
        grades[row[column]] = float(row[grade]) if row[grade] else None
    return grades


@pytest.fixture
def graded(tmp_path: Path, scripts: dict[str, Path]) -> dict[str, Path]:
    assignment = make_assignment(tmp_path, "--pass-mark", "70", "--points", "20")
    other = tmp_path / "other.yaml"
    other.write_text(OTHER_PASS, encoding="utf-8")
    submit(assignment, "Ana Diaz", scripts["pass"])
    submit(assignment, "José Núñez", other)
    submit(assignment, "Ben Ode", scripts["fail"])
    own = tmp_path / "eve.yaml"
    own.write_text(EVE, encoding="utf-8")
    hostile = submit(assignment, "Eve Mallory", own)
    edit_json(hostile, lambda d: d.update(student="Eve\x1b[31m\u202eMallory"))
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert (
        cli("annotate", assignment, "--student", "ben ode", "--comment", "See me <b>Friday</b>.")
        == 0
    )
    code = cli(
        "annotate", assignment, "--student", "Ben Ode", "--grade", "50", "--reason", "illness"
    )
    assert code == 0
    return {"assignment": assignment, "roster": roster, "out": tmp_path / "out"}


def _review(graded: dict[str, Path], *extra: str | Path) -> None:
    args: list[str | Path] = ["review", graded["assignment"], submissions_folder()]
    args += ["--roster", graded["roster"]]
    assert cli(*args, *extra) == 0


def test_canvas_gradebook_follows_the_import_rules(graded: dict[str, Path]) -> None:
    target = graded["out"] / "canvas.csv"
    _review(graded, "--gradebook", target, "--format", "canvas")
    rows = read_csv(target)
    scores = check_canvas(rows)
    assert rows[0][5] == "Week 3" and rows[1][5] == "20"
    assert set(scores) == {"S001", "S002", "S003", "S004"}  # Eve has no id: left out, named
    assert scores["S004"] is None  # nothing submitted: left blank, not 0
    assert scores["S003"] == 10  # the override (50 of 100) on a 20-point scale
    assert scores["S001"] is not None and 14 <= scores["S001"] <= 20
    details = read_csv(target.with_name("canvas.details.csv"))
    header = details[0]
    assert "Respecting their time" in header and "review-season-cold-email: best" in header
    ben = next(r for r in details if r[0] == "Ben Ode")
    assert (
        "50 replaces" in ben[header.index("Override")]
        and "illness" in ben[header.index("Override")]
    )


def test_moodle_gradebook_follows_the_import_rules(graded: dict[str, Path]) -> None:
    target = graded["out"] / "moodle.csv"
    _review(graded, "--gradebook", target, "--format", "moodle")
    rows = read_csv(target)
    assert not target.read_bytes().startswith(b"\xef\xbb\xbf")
    grades = check_moodle(rows, "Week 3", 20)
    assert grades["dee@school.edu"] is None and grades["ben@school.edu"] == 10
    header = rows[0]
    jose = next(r for r in rows if r[1] == "jose@school.edu")
    assert jose[0] == "José Núñez"  # accents kept
    assert jose[header.index("Status")] == "completed"
    feedback = next(r for r in rows if r[1] == "ben@school.edu")[header.index("Feedback")]
    assert "illness" in feedback and "See me" in feedback


def test_generic_gradebook_has_a_bom_and_a_row_per_student(graded: dict[str, Path]) -> None:
    target = graded["out"] / "grades.csv"
    _review(graded, "--gradebook", target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(target)
    names = [r[0] for r in rows[1:]]
    assert names.count("Ana Diaz") == 1 and "Dee Absent" in names
    eve = next(r for r in rows[1:] if r[0].startswith("Eve"))
    assert eve[rows[0].index("Status")] == "needs review"
    assert "control" in eve[rows[0].index("Needs review")]


def test_json_and_csv_carry_findings_and_overrides(graded: dict[str, Path]) -> None:
    out_json, out_csv = graded["out"] / "r.json", graded["out"] / "r.csv"
    _review(graded, "--json", out_json, "--csv", out_csv)
    data = json.loads(out_json.read_text(encoding="utf-8"))
    ben = next(s for s in data["students"] if s["name"] == "Ben Ode")
    assert ben["override"]["grade"] == 50 and ben["best"] == 50 and ben["best_computed"] < 50
    files = [s for s in data["submissions"] if s["student"] == "Ben Ode"]
    assert files[0]["findings"] and files[0]["criteria"]["Not pitching for a job"] is not None
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8-sig")))
    assert any("illness" in r["override"] for r in rows if r["student"] == "Ben Ode")


def test_feedback_files_hold_transcript_findings_trend_and_comment(
    graded: dict[str, Path],
) -> None:
    folder = graded["out"] / "feedback"
    _review(graded, "--feedback", folder)
    names = sorted(p.name for p in folder.iterdir())
    assert "jose-nunez.html" in names and "jose-nunez.md" in names  # accents folded
    assert "dee-absent.html" not in names  # nothing to send back
    ben = (folder / "ben-ode.html").read_text(encoding="utf-8")
    assert "Subject:" in ben and "Attached:" in ben and "resume.pdf" in ben
    assert "day 0" in ben and "See me &lt;b&gt;Friday&lt;/b&gt;." in ben
    assert "replacing" in ben and "illness" in ben and "Your attempts" in ben
    assert "Tip:" in ben and "\u201c" in ben
    ana_md = (folder / "ana-diaz.md").read_text(encoding="utf-8")
    assert "minute" in ana_md and "## Your attempts" in ana_md and "Subject:" in ana_md
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        bad = [ch for ch in text if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cf")]
        assert bad == [], (path.name, bad[:3])


@pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (.ci/setup-homework.sh)")
def test_feedback_pages_render_in_chromium(graded: dict[str, Path], tmp_path: Path) -> None:
    folder = graded["out"] / "feedback"
    _review(graded, "--feedback", folder)
    for page in sorted(folder.glob("*.html")):
        done = run_browser(page, tmp_path / f"profile-{page.stem}", "--dump-dom")
        assert done.returncode == 0, done.stderr[-2000:]
        console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
        assert console == [], (page.name, console)
        assert "<script" not in done.stdout.lower()
        if not page.name.startswith("eve"):  # Eve's only file is not counted: no transcript
            assert "The whole conversation" in done.stdout, page.name
        else:
            assert "will look at your submission" in done.stdout
        assert "\x1b" not in done.stdout and "\u202e" not in done.stdout


def test_class_page_shows_subjects_attachments_times_and_flags(graded: dict[str, Path]) -> None:
    page = graded["out"] / "class.html"
    _review(graded, "--html", page)
    html = page.read_text(encoding="utf-8")
    assert "Subject:</strong> Informational Interview Request" in html
    assert "Attached:</strong> resume.pdf" in html and "day 0" in html
    assert "Needs review:" in html and "Override:" in html and "Best: each scenario" in html
    assert "\x1b" not in html and "\u202e" not in html


def test_annotate_refuses_an_override_without_a_reason(
    graded: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("annotate", graded["assignment"], "--student", "Ana Diaz", "--grade", "90") == 2
    assert "--reason" in capsys.readouterr().err
    sidecar = graded["assignment"].with_name("week3.annotations.json")
    notes = json.loads(sidecar.read_text(encoding="utf-8"))
    assert "ana diaz" not in notes["students"]
