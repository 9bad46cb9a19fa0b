"""The app's draft check shows what ``simulator analyze`` says, on the cases that drifted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from simulator.cli import main
from simulator.content import Library
from simulator.tui.app import build_app
from simulator.tui.screens.draft_check import REPLY_WORDS, DraftCheckScreen

# On the follow-up scenario this outreach is read as a follow-up (+1): 3 points, a yes.
# The old draft check read it as a first email: "silence, 2 pts".
FOLLOW_UP_TEXT = (
    "Hi Irene, I'm a teacher considering HR. Would you be willing to talk for ~20m about "
    "what drew you to the field?"
)
# Longer than the LinkedIn note's 300 characters: the old draft check missed long_message.
LINKEDIN_TEXT = (
    "Hi, I'm moving from operations into talent acquisition and I would really value your "
    "view on how recruiters spend their week, what tools matter, and what you wish newcomers "
    "knew before their first req. I know you're busy, so a 15 minute call whenever suits you "
    "would be wonderful. Thank you so much for considering it."
)


def analyze_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, scenario: str
) -> dict[str, object]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["analyze", str(draft), "--scenario", scenario, "--json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


@pytest.mark.parametrize(
    ("scenario", "text", "expected_reply", "expected_signal"),
    [
        ("review-season-follow-up", FOLLOW_UP_TEXT, "accept", None),
        ("recruiter-linkedin-note", LINKEDIN_TEXT, None, "long_message"),
    ],
)
async def test_the_draft_check_shows_what_analyze_says(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    scenario: str,
    text: str,
    expected_reply: str | None,
    expected_signal: str | None,
) -> None:
    analyzed = analyze_json(tmp_path, capsys, text, scenario)
    verdict = analyzed["verdict"]
    assert isinstance(verdict, dict)
    signals = {str(s["id"]) for s in analyzed["signals"]}  # type: ignore[attr-defined]
    if expected_reply:
        assert verdict["reply"] == expected_reply
    if expected_signal:
        assert expected_signal in signals
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.open_draft_check()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftCheckScreen)
        screen.bundle = Library().load(scenario)
        screen.query_one("#draft-text", TextArea).text = text
        await pilot.pause()
        shown = str(screen.query_one("#draft-verdict", Static).render())
        assert screen.decision is not None and screen.reading is not None
        assert screen.decision.reply == verdict["reply"]
        assert list(screen.decision.reasons) == verdict["reasons"]
        assert {s.id for s in screen.reading.signals} == signals
        assert REPLY_WORDS[str(verdict["reply"])] in shown
