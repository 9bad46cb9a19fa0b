"""`simulator resume` in the app: an interrupted session opens where it stopped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input

from simulator.content import Bundle
from simulator.conversation import Outreach, Say
from simulator.practice import Attempt
from simulator.recorder import Recorder
from simulator.tui.app import build_app
from simulator.tui.screens.meeting import MeetingScreen
from simulator.tui.widgets.conversation_log import ConversationLog

from .conftest import journal_turns

ASK = (
    "Hi, I heard you on the pay transparency panel. I'm moving from operations into HR and "
    "would love to learn how you made the move. I know review season is busy: could I have "
    "15 minutes by phone in the next few weeks? Thank you."
)
FIRST = "How did you get into HR?"
SECOND = "What does a typical week look like for you right now?"


async def test_resumed_session_continues_in_the_app(
    cold_email: Bundle, home: Path, fixed_names: dict[str, Any]
) -> None:
    interrupted = Recorder(cold_email, 3)
    session = interrupted.start()
    session.send(Outreach(ASK, "15 minutes?"))
    session.send(Say(FIRST))
    interrupted.close()  # the process died here: no finish, journal left unfinished
    path = interrupted.journal.path if interrupted.journal else None
    assert path is not None

    recorder = Recorder.resume(path)
    resumed = recorder.session
    assert resumed is not None and resumed.transcript.to_dict() == session.transcript.to_dict()
    attempt = Attempt(resumed.bundle, resumed.seed, recorder=recorder)
    app = build_app(seed=resumed.seed, resume=attempt)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert FIRST in app.screen.query_one(ConversationLog).plain
        app.screen.query_one("#meeting-input", Input).value = SECOND
        await pilot.press("enter")
        await pilot.pause()
        assert SECOND in app.screen.query_one(ConversationLog).plain
        await pilot.press("f4")
        await pilot.pause()
    said = [t["text"] for t in journal_turns(home) if t["who"] == "learner"]
    assert said.count(FIRST) == 1 and SECOND in said  # one journal, continued, not a copy
