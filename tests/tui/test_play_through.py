"""A learner plays the main scenario through every screen; the journal and the screens agree."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, TextArea

from simulator.content import Library
from simulator.tui.app import build_app
from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.composer import ComposerScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.inbox import InboxScreen
from simulator.tui.screens.meeting import MeetingScreen
from simulator.tui.screens.report import ReportScreen
from simulator.tui.widgets.conversation_log import ConversationLog
from simulator.tui.widgets.patience_meter import PatienceMeter

from .conftest import GOOD_BODY, GOOD_SUBJECT, THANKS_BODY, journal_turns, screen_text, settle

MEETING_LINES = [
    "How did you get started in HR?",
    "What does a typical week look like for you right now?",
    "What skills matter most for someone coming from operations?",
]


async def write_and_send(pilot, subject: str | None, body: str) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, ComposerScreen)
    if subject is not None:
        screen.query_one("#composer-subject", Input).value = subject
    screen.query_one("#composer-body", TextArea).text = body
    await pilot.press("f2")
    await pilot.pause()
    await pilot.press("enter")  # the confirmation's "Send" button has focus
    await pilot.pause()


async def test_full_scenario_through_every_screen(home: Path) -> None:
    finished = []
    app = build_app(on_finish=lambda session, report: finished.append((session, report)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press(*"cold email")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert "Dana Reyes" in screen_text(app)
        assert "resume.pdf" in screen_text(app)

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        await write_and_send(pilot, GOOD_SUBJECT, GOOD_BODY)

        assert isinstance(app.screen, InboxScreen)
        reply = next(t for t in journal_turns(home) if t["who"] == "persona")
        assert reply["data"]["reply"] == "accept"
        assert reply["text"] in app.screen.query_one(ConversationLog).plain

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        patience_before = app.screen.query_one(PatienceMeter).value
        await pilot.press(*MEETING_LINES[0])  # typed key by key, like a person
        await pilot.press("enter")
        await pilot.pause()
        for line in MEETING_LINES[1:]:
            app.screen.query_one("#meeting-input", Input).value = line
            await pilot.press("enter")
            await pilot.pause()
        log = app.screen.query_one(ConversationLog).plain
        assert all(line in log for line in MEETING_LINES)
        session = app.attempt.session
        assert app.screen.query_one(PatienceMeter).value == session.meters.patience
        assert session.meters.patience != patience_before
        assert f"{session.minute:4.1f} / {session.granted} min" in screen_text(app)

        await pilot.press("f4")  # wrap up politely
        await pilot.pause()
        assert "The meeting is over" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen) and app.screen.kind == "thank_you"
        await pilot.click("RadioButton", offset=(2, 0))  # not the default: "Right away"
        await write_and_send(pilot, "Thank you", THANKS_BODY)
        assert isinstance(app.screen, InboxScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)

        report = app.attempt.report
        assert report is not None
        shown = screen_text(app)
        assert f"{report.score}/100" in shown
        assert ("PASSED" if report.passed else "NOT PASSED") in shown
        for criterion in report.criteria:
            assert criterion.name in shown

    turns = journal_turns(home)
    said = [t["text"] for t in turns if t["who"] == "learner" and t["kind"] == "say"]
    assert said[: len(MEETING_LINES)] == MEETING_LINES
    assert said[-1].startswith("I want to respect your time")
    outreach = next(t for t in turns if t["kind"] == "email" and t["stage"] == "outreach")
    assert outreach["data"]["subject"] == GOOD_SUBJECT
    assert outreach["data"]["attachments"] == []
    thanks = next(t for t in turns if t["stage"] == "thank_you" and t["who"] == "learner")
    assert thanks["data"]["after_hours"] == 1
    saved = list((home / "attempts").glob("*.json"))
    assert len(saved) == 1
    record = json.loads(saved[0].read_text(encoding="utf-8"))
    assert record["score"] == report.score
    assert len(finished) == 1 and finished[0][1] is report


async def test_attaching_the_resume_is_the_learners_choice(home: Path) -> None:
    bundle = Library().load("review-season-cold-email")
    app = build_app(bundle)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#attach-0")
        await write_and_send(pilot, GOOD_SUBJECT, GOOD_BODY)
        assert isinstance(app.screen, InboxScreen)
        assert "careers" in app.screen.query_one(ConversationLog).plain
        assert "report" in screen_text(app)
    outreach = journal_turns(home)[0]
    assert outreach["data"]["attachments"] == ["resume.pdf"]
    reply = next(t for t in journal_turns(home) if t["who"] == "persona")
    assert reply["data"]["reply"] == "redirect"


async def test_a_refused_message_keeps_the_draft(home: Path) -> None:
    bundle = Library().load("review-season-cold-email")
    app = build_app(bundle)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        long_body = "word " * 2500  # over the engine's 10,000-character limit
        await write_and_send(pilot, "Hello", long_body)
        assert isinstance(app.screen, ComposerScreen)
        assert app.screen.query_one("#composer-body", TextArea).text == long_body
    assert journal_turns(home) == []


async def test_home_filters_as_you_type(home: Path) -> None:
    from simulator.tui.widgets.library_list import LibraryList

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(LibraryList)
        kinds = {e.kind for e in listing.shown}
        assert {"scenario", "draft", "attempts", "help"} <= kinds
        await pilot.press(*"quick note")
        await pilot.pause()
        assert [e.key for e in listing.shown] == ["review-season-quick-note"]
        await pilot.press("escape")  # clears the filter
        await pilot.press(*"saved")
        await pilot.pause()
        assert [e.kind for e in listing.shown] == ["attempts"]
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "AttemptsScreen"
