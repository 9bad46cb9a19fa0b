"""Text is shown literally, small terminals get a message, and broken content never crashes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from simulator.content import Bundle, Library
from simulator.reading import read
from simulator.tui.app import build_app
from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.content_errors import ContentErrorsScreen
from simulator.tui.screens.draft_check import DraftCheckScreen
from simulator.tui.screens.meeting import MeetingScreen
from simulator.tui.screens.too_small import TooSmallScreen
from simulator.tui.widgets.conversation_log import ConversationLog
from simulator.tui.widgets.highlighted_draft import HighlightedDraft

from .conftest import MARKUP_LINES, PITCH_BODY, journal_turns, screen_text, settle


async def test_markup_in_learner_and_persona_lines_is_shown_as_typed(
    home: Path, markup_bundle: Bundle
) -> None:
    app = build_app(markup_bundle)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "[@click=app.quit]x[/]" in screen_text(app)  # the brief, on the briefing
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        for line in MARKUP_LINES:
            await pilot.press(*line)
            await pilot.press("enter")
            await pilot.pause()
        log = app.screen.query_one(ConversationLog)
        shown = log.plain
        assert app.attempt is not None
        name = app.attempt.session.values["persona_name"]
        for line in MARKUP_LINES:
            assert f"You  {line}" in shown
            assert f"{name}  {line}" in shown
        # Clicking where the persona's "hint" is drawn must not run app.quit.
        await pilot.click(log, offset=(20, 3))
        await pilot.click(log, offset=(20, 5))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, MeetingScreen)
    said = [t["text"] for t in journal_turns(home) if t["who"] == "learner"]
    assert said == list(MARKUP_LINES)
    persona = [t["text"] for t in journal_turns(home) if t["who"] == "persona"]
    assert set(persona) <= set(MARKUP_LINES) and persona


async def test_too_small_terminal_says_so_and_recovers(home: Path) -> None:
    app = build_app()
    async with app.run_test(size=(50, 14)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        assert "at least 60x18" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not isinstance(app.screen, TooSmallScreen)


async def test_draft_check_highlights_the_problem_phrases(home: Path) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, DraftCheckScreen)
        app.screen.query_one("#draft-text", TextArea).text = PITCH_BODY
        await pilot.press("f2")
        await pilot.pause()
        shown = screen_text(app)
        assert "careers site" in shown  # what the persona would do (judgement.decide)
        rendered = app.screen.query_one(HighlightedDraft).visual
        text = getattr(rendered, "plain", "")
        assert text == PITCH_BODY
        bundle = Library().load("review-season-cold-email")
        lexicon = bundle.scenario.lexicon
        from simulator.reading import standard_lexicon

        reading = read(PITCH_BODY, "outreach", None, standard_lexicon().extended(lexicon))
        problems = [s for s in reading.negatives() if s.end > s.start]
        assert problems
        spans = {(span.start, span.end) for span in getattr(rendered, "spans", [])}
        for signal in problems:
            assert (signal.start, signal.end) in spans
            assert lexicon_rule(signal.id) in shown


def lexicon_rule(signal_id: str) -> str:
    from simulator.reading import standard_lexicon

    return standard_lexicon().specs[signal_id].rule


def copy_scenario(tmp: Path) -> Path:
    """A scenario and its persona in a folder of their own, as an author would have them."""
    source = Library().load("review-season-quick-note")
    (tmp / "scenarios").mkdir()
    (tmp / "personas").mkdir()
    path = tmp / "scenarios" / "draft-scenario.yaml"
    path.write_text(
        source.scenario_text.replace("id: review-season-quick-note", "id: draft-scenario"),
        encoding="utf-8",
    )
    (tmp / "personas" / "hr-manager-review-season.yaml").write_text(
        source.persona_text, encoding="utf-8"
    )
    return path


async def test_hot_reload_shows_errors_then_restarts_on_a_fix(home: Path, tmp_path: Path) -> None:
    path = copy_scenario(tmp_path)
    good = path.read_text(encoding="utf-8")
    app = build_app(Library().load(str(path)), watch=str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("enter")  # start playing; a reload restarts the session
        await pilot.pause()
        assert app.attempt is not None

        path.write_text(good.replace("difficulty: medium", "difficulty: impossible"), "utf-8")
        app._poll_content()
        await pilot.pause()
        assert isinstance(app.screen, ContentErrorsScreen)
        shown = screen_text(app)
        line = next(i for i, text in enumerate(good.splitlines(), 1) if "difficulty" in text)
        assert f"{path}:{line}:" in shown
        assert app.is_running

        path.write_text(good.replace("One short email", "One short, edited email"), "utf-8")
        app._poll_content()
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert "One short, edited email" in screen_text(app)
        assert app.attempt is None


async def test_watch_starts_with_errors_on_screen_when_the_file_is_broken(
    home: Path, tmp_path: Path
) -> None:
    from simulator.content import ContentLoadError

    path = copy_scenario(tmp_path)
    path.write_text("id: [unclosed\n", encoding="utf-8")
    try:
        Library().load(str(path))
    except ContentLoadError as exc:
        errors = exc.errors
    app = build_app(None, watch=str(path), errors=errors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ContentErrorsScreen)
        assert str(path) in screen_text(app)


async def test_a_crash_report_does_not_print_the_learners_words(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulator.tui.screens.composer import ComposerScreen

    def broken_send(self: ComposerScreen) -> None:
        draft = self.body  # a local variable holding the learner's words
        raise RuntimeError(f"boom after {len(draft)} characters")

    monkeypatch.setattr(ComposerScreen, "action_send", broken_send)
    app = build_app(Library().load("review-season-cold-email"))
    with pytest.raises(RuntimeError, match="boom"):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            app.screen.query_one("#composer-body", TextArea).text = "my private draft text"
            await pilot.press("f2")
            await pilot.pause()
    report = capsys.readouterr().err  # the crash report Textual prints on the way out
    assert "RuntimeError" in report and "boom after" in report
    assert "my private draft text" not in report


async def test_a_pasted_escape_sequence_never_reaches_the_draft(home: Path) -> None:
    """Bracketed paste delivers raw bytes; the app drops the sequences before any widget."""
    from textual import events
    from textual.widgets import TextArea

    app = build_app(Library().load("review-season-quick-note"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        body = app.screen.query_one("#composer-body", TextArea)
        body.focus()
        await pilot.pause()
        app.post_message(events.Paste("Hi\x1b]0;OWNED\x07 there,\r\nthanks\u202e!"))
        await pilot.pause()
        assert body.text == "Hi there,\nthanks!"
