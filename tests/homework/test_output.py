"""What the coach and the learner read: the progress bar in a real terminal, the summary for
large classes, file names that keep accents, and instructions that work."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.homework.submission import submissions_folder

from .helpers import cli, make_assignment, submit


def _run_in_pty(args: list[str], env: dict[str, str]) -> str:
    """Run the CLI with stdin/stdout/stderr on a pseudo-terminal; all it wrote."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "simulator", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        elif process.poll() is not None:
            break
    process.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_redraws_in_place_in_a_real_terminal(
    tmp_path: Path, scripts: dict[str, Path], home: Path
) -> None:
    assignment = make_assignment(tmp_path)
    first = submit(assignment, "Ana Diaz", scripts["pass"])
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(24):  # from 20 files the bar is shown
        shutil.copy(first, inbox / f"copy{n:02d}.json")
    env = {**os.environ, "SIMULATOR_HOME": str(home), "TERM": "xterm"}
    out = _run_in_pty(["review", str(assignment), str(inbox)], env)
    assert "Verifying [" in out
    assert "\u240d" not in out  # the carriage return itself, not a picture of one
    assert out.count("\rVerifying [") >= 2  # redrawn on the same line
    assert "24/24" in out and "Students:" in out


def test_summary_prints_counts_without_a_line_per_student(
    tmp_path: Path, scripts: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assignment = make_assignment(tmp_path)
    submit(assignment, "Ana Diaz", scripts["pass"])
    submit(assignment, "Ben Ode", scripts["fail"])
    capsys.readouterr()
    assert cli("review", assignment, submissions_folder(), "--summary") == 0
    out = capsys.readouterr().out
    assert "Students: completed 1" in out and "did not pass 1" in out
    assert "Ana Diaz" not in out and "Student " not in out
    assert cli("review", assignment, submissions_folder()) == 0
    full = capsys.readouterr().out
    assert "Ana Diaz" in full and "Files" in full.splitlines()[2] and "Best:" in full


def test_accents_are_folded_not_dropped_in_file_names(
    tmp_path: Path, scripts: dict[str, Path]
) -> None:
    assignment = make_assignment(tmp_path)
    saved = submit(assignment, "José Núñez", scripts["pass"])
    assert saved.name.startswith("jose-nunez-review-season-cold-email-attempt1-")


def test_assign_prints_commands_that_work_for_several_scenarios(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "two scenarios.json"
    code = cli("assign", "review-season-cold-email", "review-season-quick-note", "-o", target)
    assert code == 0
    printed = [line.strip() for line in capsys.readouterr().out.splitlines()]
    plain = [line for line in printed if line.startswith("simulator play ") and "--plain" in line]
    assert len(plain) == 2
    import io
    import shlex

    for line in plain:
        words = shlex.split(line.replace("'Their Name'", "'Ana Diaz'"))
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # nothing typed: not submitted
        code = cli(*words[1:])
        err = capsys.readouterr().err
        assert "pick one of" not in err and "no such" not in err.lower(), err
        assert code == 1  # it started and stopped for want of input


def test_every_export_names_columns_and_criteria_alike(
    tmp_path: Path, scripts: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The terminal table and the HTML page share their column names and the one
    definition of "Best"; every export names the criteria in plain words, never by id."""
    import csv
    import html
    import json

    from simulator.homework.review import BEST_MEANS
    from simulator.practice import CRITERION_NAMES

    assignment = make_assignment(tmp_path)
    submit(assignment, "Ana Diaz", scripts["pass"])
    out = {k: tmp_path / f"review.{k}" for k in ("csv", "json", "html")}
    book = tmp_path / "grades.csv"
    capsys.readouterr()
    assert (
        cli(
            "review", assignment, submissions_folder(), "--csv", out["csv"], "--json",
            out["json"], "--html", out["html"], "--gradebook", book, "--format", "generic",
        )
        == 0
    )  # fmt: skip
    terminal = capsys.readouterr().out
    page = out["html"].read_text(encoding="utf-8")
    header = next(line for line in terminal.splitlines() if line.startswith("Student"))
    for column in ("Student", "Status", "Best", "Files"):
        assert column in header.split() and f">{column}</th>" in page
    assert BEST_MEANS in terminal and html.escape(BEST_MEANS) in page
    names = list(CRITERION_NAMES.values())
    with out["csv"].open(encoding="utf-8-sig", newline="") as handle:
        files_header = next(csv.reader(handle))
    with book.open(encoding="utf-8-sig", newline="") as handle:
        book_header = next(csv.reader(handle))
    data = json.loads(out["json"].read_text(encoding="utf-8"))
    (submission,) = data["submissions"]
    for name in names:
        assert name in files_header and any(h.startswith(name) for h in book_header)
        assert html.escape(name) in page and name in submission["criteria"]
    for ident in CRITERION_NAMES:  # no bare ids as headers
        assert ident not in files_header and ident not in book_header
