"""The headless practice layer: an attempt's save, its storage notice, and export formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.content import Bundle
from simulator.practice import (
    FORMATS,
    Attempt,
    Outreach,
    Say,
    Skip,
    render_export,
)

GOOD = (
    "Hi, I heard you on the pay transparency panel. I'm moving from operations into HR and "
    "would love to learn how you made the move. I know review season is busy: could I have "
    "15 minutes by phone in the next few weeks, whenever suits you? Thank you."
)


def finished(bundle: Bundle, **kwargs: object) -> Attempt:
    attempt = Attempt(bundle, 3, client="plain", **kwargs)  # type: ignore[arg-type]
    attempt.send(Outreach(GOOD, "15 minutes?"))
    attempt.send(Say("How did you get started in HR?"))
    attempt.send(Skip())
    attempt.send(Skip())
    assert attempt.finished
    return attempt


def test_a_saved_attempt_reports_no_storage_problem(cold_email: Bundle, home: Path) -> None:
    attempt = finished(cold_email)
    report = attempt.finish()
    assert attempt.saved_to is not None and attempt.storage_problem is None
    saved = json.loads(attempt.saved_to.read_text(encoding="utf-8"))
    assert saved["report"] == report.to_dict() and saved["meta"]["client"] == "plain"


def test_an_unsaved_attempt_says_why_and_can_be_saved_elsewhere(
    cold_email: Bundle, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    attempt = finished(cold_email, attempts_folder=blocker / "attempts")
    report = attempt.finish()
    assert attempt.saved_to is None and attempt.storage_problem
    copy = attempt.save_copy(tmp_path / "rescued.json")
    assert json.loads(copy.read_text(encoding="utf-8"))["report"] == report.to_dict()


def test_an_attempt_played_without_recording_touches_no_disk(
    cold_email: Bundle, home: Path
) -> None:
    attempt = finished(cold_email, record=False)
    attempt.finish()
    assert attempt.saved_to is None and attempt.journal_path is None
    assert not home.exists() or not any(home.rglob("*.json*"))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_export_format_renders_the_report(cold_email: Bundle, fmt: str) -> None:
    attempt = finished(cold_email, record=False)
    report = attempt.finish()
    text = render_export(fmt, report, attempt.session.transcript)
    assert str(report.score) in text and "transparency" in text  # the learner's own words


def test_an_unknown_export_format_is_refused(cold_email: Bundle) -> None:
    attempt = finished(cold_email, record=False)
    with pytest.raises(ValueError, match="no export format 'PDF'"):
        render_export("PDF", attempt.finish(), None)
