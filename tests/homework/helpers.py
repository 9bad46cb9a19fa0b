"""Helpers for homework tests: learner scripts, an assignment, and the CLI in-process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from simulator.cli import main

PASSING = """
outreach:
  subject: 15 minutes on moving from operations into HR?
  body: >-
    Hi, I heard you on the pay transparency panel last month and have been thinking
    about it since. I'm moving from operations into HR and would love to learn how
    you made a similar move. I know review season is busy: could I have 15 minutes
    by phone in the next few weeks, whenever suits you? Thank you either way.
meeting:
  - Thank you for making the time. How did you get started in HR?
  - What does a typical week look like for you during review season?
  - What skills matter most for someone moving in from operations?
  - Who else would you suggest I talk to?
  - I want to respect your time, so I'll wrap up there. Thank you so much.
thank_you:
  after_hours: 10
  subject: Thank you
  body: >-
    Thank you for the conversation yesterday. Your point about calibration meetings
    was eye-opening, and I will follow up with the two people you suggested.
"""

FAILING = """
outreach:
  subject: Informational Interview Request
  body: >-
    Hi, I found your info on the company website and wanted to reach out because
    I'm very interested in working for your company. I left you a couple voicemails
    and figured I'd email as well. I've attached my resume for your review and would
    love to set up some time to chat when you have a moment.
  attachments: [resume.pdf]
"""


def cli(*args: str | Path) -> int:
    return main([str(a) for a in args])


def make_assignment(tmp_path: Path, *extra: str) -> Path:
    path = tmp_path / "week3.json"
    if path.exists():
        path.unlink()
    assert cli("assign", "review-season-cold-email", "-o", path, "--title", "Week 3", *extra) == 0
    return path


def submit(assignment: Path, student: str, script: Path) -> Path:
    """A headless learner run; returns the submission file it wrote."""
    from simulator.homework.submission import submissions_folder

    before = set(submissions_folder().rglob("*.json")) if submissions_folder().exists() else set()
    assert cli("run", "--assignment", assignment, "--student", student, "--script", script) == 0
    (created,) = set(submissions_folder().rglob("*.json")) - before
    return created


def edit_json(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
