"""The report's actions: rewind to an earlier turn, export to files, and past attempts."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import DataTable, Input

from simulator.content import Library
from simulator.conversation import Outreach, Say, Skip
from simulator.practice import Attempt
from simulator.storage import Journal
from simulator.tui.app import build_app
from simulator.tui.screens.attempts import AttemptsScreen
from simulator.tui.screens.export import ExportScreen
from simulator.tui.screens.meeting import MeetingScreen
from simulator.tui.screens.report import ReportScreen

from .conftest import GOOD_BODY, screen_text, settle

LINES = ["How did you get started in HR?", "Are you hiring for any HR roles right now?"]


async def finish_quickly(app, pilot) -> None:
    """Play a short session through the app's own send path and show its report."""
    await pilot.pause()
    await pilot.press("enter")  # briefing -> composer
    await pilot.pause()
    app.send(Outreach(GOOD_BODY, "15 minutes?"))
    for line in LINES:
        app.send(Say(line))
    if not app.attempt.session.finished:
        app.send(Skip())
    if not app.attempt.session.finished:
        app.send(Skip())
    app.route()
    await pilot.pause()
    assert isinstance(app.screen, ReportScreen)


async def test_rewind_replays_earlier_turns_and_keeps_the_original(home: Path) -> None:
    app = build_app(Library().load("review-season-cold-email"))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_quickly(app, pilot)
        original = app.attempt
        assert original is not None
        original_turns = [t.to_dict() for t in original.session.transcript.turns]
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # the third learner turn: the pitch line
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.attempt is not original
        assert app.screen.query_one("#meeting-input", Input).value == LINES[1]
        assert app.attempt is not None and app.attempt.journal_path is not None
        replayed = [t.to_dict() for t in app.attempt.session.transcript.turns]
        cut = next(
            i
            for i, t in enumerate(original_turns)
            if t["who"] == "learner" and t["text"] == LINES[1]
        )
        assert replayed == original_turns[:cut]
        new_journal = Journal.read(app.attempt.journal_path)
        assert new_journal.header["meta"]["rewound_from"] == original.session_id
        assert [t["text"] for t in new_journal.turns] == [t["text"] for t in replayed]
    assert original.saved_to is not None and original.saved_to.exists()


async def test_export_writes_each_format_and_reports_failures(home: Path, tmp_path: Path) -> None:
    app = build_app(Library().load("review-season-cold-email"))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_quickly(app, pilot)
        assert app.attempt is not None
        report = app.attempt.report
        assert report is not None

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value.endswith(".md")
        target = tmp_path / "out" / "report.md"
        path_input.value = str(target)
        await pilot.click("#export-save")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert target.read_text(encoding="utf-8").startswith(f"# {report.scenario}")

        await pilot.press("e")
        await pilot.pause()
        await pilot.click(app.screen.query("#export-format RadioButton")[1])  # JSON
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value.endswith(".json")
        path_input.value = str(tmp_path / "report.json")
        await pilot.click("#export-save")
        await pilot.pause()
        data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
        assert data["report"]["score"] == report.score
        assert data["transcript"]["turns"][0]["text"] == GOOD_BODY

        await pilot.press("e")
        await pilot.pause()
        await pilot.click(app.screen.query("#export-format RadioButton")[2])  # HTML
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "report.html")
        await pilot.click("#export-save")
        await pilot.pause()
        html = (tmp_path / "report.html").read_text(encoding="utf-8")
        assert "<html" in html.lower() and str(report.score) in html

        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(tmp_path)  # a folder
        await pilot.click("#export-save")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # still open, with the reason
        assert "Not saved" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert app.attempt.report is report


async def test_past_attempts_lists_saved_sessions_and_opens_their_report(home: Path) -> None:
    bundle = Library().load("review-season-cold-email")
    attempt = Attempt(bundle, 1)
    attempt.send(Outreach(GOOD_BODY, "15 minutes?"))
    attempt.send(Say(LINES[0]))
    attempt.send(Skip())
    attempt.send(Skip())
    report = attempt.finish()
    attempt.close()

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, AttemptsScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[1] == bundle.scenario.title and row[2] == str(report.score)
        trends = str(app.screen.query_one("#attempts-trends").render())
        assert f"{bundle.scenario.title}: best {report.score}" in trends
        assert "first attempt" in trends  # the trend comes from simulator.history
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert f"{report.score}/100" in screen_text(app)
        assert [f.signal for f in app.screen.report.findings] == [f.signal for f in report.findings]
