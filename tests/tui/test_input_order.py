"""Lines typed or pasted into the meeting arrive whole and in order (no terminal needed).

The tmux tests in test_burst_input.py show the same through a real terminal; these pin
the two parts that make it work: the meeting's entry hands a line over with its Enter,
and pasted escape sequences never leave the paste.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.keys import _character_to_key

from simulator.content import Bundle, bundle_from_texts
from simulator.tui.app import build_app
from simulator.tui.paste_guard import END, START, PasteSafeParser
from simulator.tui.screens.meeting import MeetingScreen
from simulator.tui.widgets.line_entry import LineEntry, clean_paste

from .conftest import journal_turns, workers_done

DATA = Path(__file__).parent / "data"
LINES = [f"What did you learn in your year number {n}?" for n in range(1, 7)]


def burst_bundle() -> Bundle:
    return bundle_from_texts(
        (DATA / "burst-meeting.yaml").read_text(encoding="utf-8"),
        (DATA / "burst-listener.yaml").read_text(encoding="utf-8"),
    )


def learner_lines(home: Path) -> list[str]:
    return [t["text"] for t in journal_turns(home) if t["who"] == "learner"]


async def test_keys_after_enter_are_kept_while_the_turn_is_answered(home: Path) -> None:
    app = build_app(burst_bundle(), seed=3)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        # Every key queued at once, as a terminal delivers a fast typist's burst: the keys
        # after each Enter arrive while that turn is still being answered. (``pilot.press``
        # would wait for the app to go idle after each key, so no key would ever overlap
        # an answer, and 260 keys would take ten seconds of waiting.)
        assert app._driver is not None
        for line in LINES:
            for char in line:
                app._driver.send_message(events.Key(_character_to_key(char), char))
            app._driver.send_message(events.Key("enter", "\r"))
        for _ in range(500):  # until the sixth line is in the journal (or 25 s have passed)
            await pilot.pause(0.05)
            await workers_done(app)
            if len(learner_lines(home)) == len(LINES):
                break
        await pilot.pause()
        assert app.screen.query_one(LineEntry).value == ""
    assert learner_lines(home) == LINES


async def test_a_paste_of_several_lines_is_one_turn_per_line(home: Path) -> None:
    app = build_app(burst_bundle(), seed=3)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        entry = app.screen.query_one(LineEntry)
        entry.post_message(events.Paste("\r\n".join(LINES[:3]) + "\n" + LINES[3]))
        await pilot.pause()
        assert entry.value == LINES[3]  # no newline after it: still being written
        await pilot.press("enter")
        await pilot.pause()
    assert learner_lines(home) == LINES[:4]


def test_pasted_control_characters_are_dropped() -> None:
    assert clean_paste("a\x1b[31mred\x1b[0m\x07 b\r\nc") == "ared b\nc"


def test_escape_sequences_inside_a_paste_never_reach_the_key_parser() -> None:
    parser = PasteSafeParser()
    # The closing bracket split across two reads, as a slow pipe delivers it.
    first = parser.clean(f"x{START}one\x1b[H two\x1b]0;title\x07\x1b[20")
    second = parser.clean("1~\x1b[A")
    assert first + second == f"x{START}one two{END}\x1b[A"  # the arrow key after it stays


async def test_a_long_paste_is_read_in_the_background(home: Path) -> None:
    from textual.widgets import TextArea

    from simulator.content import Library
    from simulator.tui.screens.composer import LONG_DRAFT, ComposerScreen
    from simulator.tui.widgets.coaching_hints import CoachingHints

    app = build_app(Library().load("review-season-cold-email"), debounce=0)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        body = app.screen.query_one("#composer-body", TextArea)
        body.focus()
        pasted = "Are you hiring for any roles on your team right now? " * 4000
        assert len(pasted) > 10 * LONG_DRAFT
        app.post_message(events.Paste(pasted))  # as the terminal delivers it: to the app
        await pilot.pause()
        assert body.text == pasted
        await workers_done(app)
        hints = app.screen.query_one(CoachingHints)
        screen = app.screen
        assert isinstance(screen, ComposerScreen)
        screen.refresh_hints()  # as typing pauses: the answer comes later, from a thread
        assert "Reading 212,000 characters\u2026" in str(hints.render())
        await workers_done(app)
        await pilot.pause()
        shown = str(hints.render())
        assert "Reading" not in shown and "\u201cAre you hiring" in shown


async def test_a_long_paste_in_the_draft_check_is_read_in_the_background() -> None:
    from textual.widgets import Static, TextArea

    from simulator.tui.screens.draft_check import LONG_DRAFT, DraftCheckScreen

    app = build_app(debounce=0)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.open_draft_check()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftCheckScreen)
        pasted = "Are you hiring for any roles on your team right now? " * 4000
        assert len(pasted) > 10 * LONG_DRAFT
        screen.query_one("#draft-text", TextArea).text = pasted
        await pilot.pause(0.1)  # the change is analysed (debounce 0), in a thread
        await workers_done(app)
        verdict = screen.query_one("#draft-verdict", Static)
        screen.action_analyse()  # as typing pauses: the answer comes later, from a thread
        assert "Reading 212,000 characters\u2026" in str(verdict.render())
        await workers_done(app)
        await pilot.pause()
        shown = str(verdict.render())
        assert "Reading" not in shown and "The persona" in shown
