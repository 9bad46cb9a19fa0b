"""Other ways through a scenario: silence and a follow-up, giving up, a LinkedIn note."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from simulator.content import Library, bundle_from_texts
from simulator.tui.app import build_app
from simulator.tui.screens.composer import ComposerScreen
from simulator.tui.screens.inbox import InboxScreen
from simulator.tui.screens.report import ReportScreen
from simulator.tui.widgets.conversation_log import ConversationLog
from simulator.tui.widgets.length_counter import LengthCounter

from .conftest import journal_turns, screen_text
from .test_play_through import write_and_send

VAGUE = "Hello, I am exploring a move into HR and wondered if you had any thoughts."
FOLLOW_UP = (
    "Hi again, I know review season is busy. Could I have 15 minutes by phone in the "
    "next few weeks, whenever suits you? I heard your panel on pay transparency."
)


async def open_quick_note(pilot) -> None:
    await pilot.pause()
    await pilot.press("enter")  # briefing -> composer
    await pilot.pause()


async def test_silence_then_one_follow_up_a_week_later(home: Path) -> None:
    app = build_app(Library().load("review-season-quick-note"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quick_note(pilot)
        await write_and_send(pilot, "Hello", VAGUE)
        assert isinstance(app.screen, InboxScreen)
        assert "No reply after 4 days." in app.screen.query_one(ConversationLog).plain
        assert "follow up once" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen) and app.screen.kind == "follow_up"
        assert app.screen.when == 7  # "In a week" is the default
        await write_and_send(pilot, "Re: Hello", FOLLOW_UP)
        assert isinstance(app.screen, InboxScreen)
        reply = next(t for t in journal_turns(home) if t["who"] == "persona")
        assert reply["text"] in app.screen.query_one(ConversationLog).plain
    follow_up = next(t for t in journal_turns(home) if t["kind"] == "follow_up")
    assert follow_up["data"]["input"]["after_days"] == 7
    assert follow_up["text"] == FOLLOW_UP


async def test_giving_up_after_silence_goes_to_the_report(home: Path) -> None:
    app = build_app(Library().load("review-season-quick-note"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quick_note(pilot)
        await write_and_send(pilot, "Hello", VAGUE)
        await pilot.press("enter")  # nothing to continue to while waiting: stays
        await pilot.pause()
        assert isinstance(app.screen, InboxScreen)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert app.attempt.session.finished
    assert journal_turns(home)[-1]["kind"] == "skip"
    assert list((home / "attempts").glob("*.json"))


async def test_linkedin_note_counts_characters_and_has_no_subject(home: Path) -> None:
    library = Library()
    base = library.load("review-season-quick-note")
    text = base.scenario_text.replace(
        "outreach: {channel: email, reply_after_days: 4}",
        "outreach: {channel: linkedin, reply_after_days: 4, max_chars: 300}",
    )
    assert text != base.scenario_text
    bundle = bundle_from_texts(text, base.persona_text)
    app = build_app(bundle)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quick_note(pilot)
        screen = app.screen
        assert not screen.query(Input)  # no subject line on LinkedIn
        screen.query_one("#composer-body", TextArea).text = "x" * 301
        await pilot.pause()
        counter = screen.query_one(LengthCounter)
        assert counter.render().plain == "301/300 chars"
        assert counter.has_class("-over")
        await write_and_send(pilot, None, "x" * 301)
        assert isinstance(app.screen, ComposerScreen)  # refused: over the limit, draft kept
    assert journal_turns(home) == []
