"""A learner who asks "can you hear me?" in the meeting screen gets a short answer about the
call, not an answer about the persona's week, and the line earns no question credit."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from simulator.content import Library
from simulator.tui.app import build_app
from simulator.tui.screens.meeting import MeetingScreen
from simulator.tui.widgets.conversation_log import ConversationLog

from .conftest import GOOD_BODY, GOOD_SUBJECT, journal_turns, settle
from .test_play_through import write_and_send


async def test_asking_whether_they_can_hear_you_gets_a_call_answer(home: Path) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"cold email")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await write_and_send(pilot, GOOD_SUBJECT, GOOD_BODY)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        app.screen.query_one("#meeting-input", Input).value = "Sorry, can you hear me okay?"
        await pilot.press("enter")
        await pilot.pause()
        said = [t for t in journal_turns(home) if t["who"] == "persona" and t["kind"] == "line"]
        reply = said[-1]
        assert reply["data"]["group"] == "call_check", reply["data"]
        persona = Library().load("review-season-cold-email").persona
        assert reply["text"] in persona.lines["call_check"]
        assert reply["text"] in app.screen.query_one(ConversationLog).plain
        assert app.attempt is not None
        session = app.attempt.session
        credited = [
            s
            for t in session.transcript.turns
            if t.who == "learner"
            for s in session.judge(t.text, "meeting").reading.signals
            if t.kind == "say" and s.id.startswith("question_")
        ]
        assert not credited
