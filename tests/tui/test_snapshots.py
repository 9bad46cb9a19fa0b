"""One SVG snapshot per screen at 80x24, one at a larger size; names fixed, no cursor blink.

Update with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and look at every
changed SVG before committing it: a snapshot that shows the wrong thing still passes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TextArea

from simulator.content import ContentError, Library
from simulator.conversation import Outreach, Say, Skip, ThankYou
from simulator.tui.app import build_app

from .conftest import DATA, GOOD_BODY, PITCH_BODY, THANKS_BODY, no_blink, settle

COLD = "snapshot-cold-email"
"""Snapshot content lives in tests/tui/data, so library edits never move a snapshot."""
LINES = ["How did you get started in HR?", "What does a typical week look like right now?"]


@pytest.fixture(autouse=True)
def snapshot_content(home: Path) -> None:
    """The test scenario and persona as the user's own content (SIMULATOR_HOME)."""
    for kind, name in (("scenarios", "snapshot-scenario"), ("personas", "snapshot-persona")):
        folder = home / kind
        folder.mkdir(parents=True, exist_ok=True)
        text = (DATA / f"{name}.yaml").read_text(encoding="utf-8")
        stem = COLD if kind == "scenarios" else "snapshot-hr-lead"
        (folder / f"{stem}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture(autouse=True)
def cursor_never_blinks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A focused text area always shows its cursor: a widget recomposed after ``ready``
    under load would otherwise start blinking again and miss the picture's cursor."""
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


async def ready(pilot: Any) -> None:
    """Workers done, toasts gone, cursors still: the same picture every time."""
    await settle(pilot)
    pilot.app.clear_notifications()
    no_blink(pilot.app)
    await pilot.pause()


def cold_app(**options: Any) -> Any:
    return build_app(Library().load(COLD), **options)


async def to_composer(pilot: Any) -> None:
    await pilot.pause()
    await pilot.press("enter")


async def to_meeting(pilot: Any) -> None:
    await to_composer(pilot)
    app = pilot.app
    app.send(Outreach(GOOD_BODY, "15 minutes on moving into HR?"))
    app.route()
    await pilot.pause()
    for line in LINES:
        app.screen.query_one("#meeting-input").value = line
        await pilot.press("enter")
        await pilot.pause()
    await ready(pilot)


class TestScreens:
    """Each screen at the smallest size the app is designed for (80x24)."""

    def test_home(self, snap_compare: Any) -> None:
        """The library filtered as you type; the filter field has focus."""

        async def run_before(pilot: Any) -> None:
            await ready(pilot)
            await pilot.press(*"snapshot cold")
            await ready(pilot)

        assert snap_compare(build_app(), run_before=run_before)

    def test_briefing(self, snap_compare: Any) -> None:
        """Situation, objectives, stages, files on the left; the persona card on the right."""
        assert snap_compare(cold_app(), run_before=ready)

    def test_composer_with_hints(self, snap_compare: Any) -> None:
        """A pitchy draft: the word count and the coaching hints quote the problem."""

        async def run_before(pilot: Any) -> None:
            await to_composer(pilot)
            screen = pilot.app.screen
            screen.query_one("#composer-subject").value = "Quick question"
            screen.query_one("#composer-body", TextArea).text = PITCH_BODY
            screen.refresh_hints()
            await ready(pilot)

        assert snap_compare(cold_app(), run_before=run_before)

    def test_inbox(self, snap_compare: Any) -> None:
        """The email as sent, the days passing, the persona's yes and what to do next."""

        async def run_before(pilot: Any) -> None:
            await to_composer(pilot)
            pilot.app.send(Outreach(GOOD_BODY, "15 minutes on moving into HR?"))
            pilot.app.show_inbox(0)
            await ready(pilot)

        assert snap_compare(cold_app(), run_before=run_before)

    def test_meeting(self, snap_compare: Any) -> None:
        """Clock, patience and rapport (with their last change), the log and the input."""
        assert snap_compare(cold_app(), run_before=to_meeting)

    def test_report(self, snap_compare: Any) -> None:
        """Score, pass or fail, what happened, a bar per criterion."""

        async def run_before(pilot: Any) -> None:
            await to_meeting(pilot)
            app = pilot.app
            app.send(Say("I want to respect your time, so I'll wrap up there. Thank you."))
            app.send(ThankYou(THANKS_BODY, 20, "Thank you"))
            app.route()
            await ready(pilot)

        assert snap_compare(cold_app(), run_before=run_before)

    def test_draft_check(self, snap_compare: Any) -> None:
        """A pasted pitch: what the persona would do, the phrases highlighted, the rules."""

        async def run_before(pilot: Any) -> None:
            await ready(pilot)
            pilot.app.open_draft_check()
            await pilot.pause()
            draft = pilot.app.screen.query_one("#draft-text", TextArea)
            draft.text = PITCH_BODY
            await pilot.press("f2")
            draft.focus()  # the cursor sits in the draft in every run, however the suite is split
            draft.move_cursor((0, 0))
            await ready(pilot)

        assert snap_compare(cold_app(), run_before=run_before)

    def test_past_attempts(self, snap_compare: Any, home: Path) -> None:
        """Saved attempts, newest first, with score and result."""
        for index, (score, passed) in enumerate(((82, True), (41, False))):
            record = {
                "id": f"attempt-{index}",
                "finished": f"2025-10-1{index}T09:30:00+00:00",
                "scenario": COLD,
                "title": "Snapshot cold email",
                "score": score,
                "passed": passed,
                "meta": {"mode": "practice"},
                "transcript": {},
                "report": {},
            }
            folder = home / "attempts"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"attempt-{index}.json").write_text(json.dumps(record), encoding="utf-8")

        async def run_before(pilot: Any) -> None:
            await ready(pilot)
            await pilot.press("f3")
            await ready(pilot)

        assert snap_compare(build_app(), run_before=run_before)

    def test_help(self, snap_compare: Any) -> None:
        """How it works and the keys."""

        async def run_before(pilot: Any) -> None:
            await ready(pilot)
            await pilot.press("f1")
            await ready(pilot)

        assert snap_compare(build_app(), run_before=run_before)

    def test_content_errors(self, snap_compare: Any) -> None:
        """A broken scenario while watching: path:line:col, the line, a caret."""
        errors = [
            ContentError(
                "scenarios/draft.yaml",
                4,
                13,
                "difficulty must be one of easy, medium, hard (got 'impossible')",
                source_line="difficulty: impossible",
            )
        ]
        app = build_app(watch="scenarios/draft.yaml", errors=errors)
        assert snap_compare(app, run_before=ready)

    def test_too_small(self, snap_compare: Any) -> None:
        """Below 60x18 the app says what it needs."""
        assert snap_compare(build_app(), terminal_size=(50, 14), run_before=ready)


class TestLarger:
    """The meeting on a roomier terminal (120x36): wider bars, more of the log."""

    @pytest.mark.parametrize("size", [(120, 36)])
    def test_meeting_large(self, snap_compare: Any, size: tuple[int, int]) -> None:
        """The same meeting as at 80x24, wider."""

        async def run_before(pilot: Any) -> None:
            await to_meeting(pilot)
            pilot.app.screen.say(Skip())  # leave: the log ends with the goodbye
            await ready(pilot)

        assert snap_compare(cold_app(), terminal_size=size, run_before=run_before)
