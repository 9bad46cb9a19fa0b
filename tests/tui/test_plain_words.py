"""No internal id reaches a learner: every screen and every output is scanned for
snake_case words ("asks_about_openings", "thank_you", "wrap_up").

One session touches every kind of finding: a pitch in the outreach, a job question in the
meeting (a blocker), a late thank-you. Its report is read as the app shows it, as text,
Markdown and HTML; plain mode and ``analyze`` are read as printed.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from textual.widgets import Input, TextArea

from simulator.content import Library
from simulator.practice import (
    play_script,
    report_markdown,
    report_text,
    transcript_text,
)
from simulator.tui.app import build_app

from .conftest import GOOD_BODY, screen_text, settle

SNAKE = re.compile(r"(?<![\w/.-])[a-z]+(?:_[a-z]+)+(?![\w/.-])")
PITCH = (
    "Hi, I'm very interested in working for your company and have attached my resume. "
    "Could I have 15 minutes by phone next week? Thank you."
)
MEETING = ["How did you get into HR?", "Are there any openings on your team right now?"]
THANKS = "Thank you for your time."


def leaks(text: str) -> list[str]:
    """snake_case words in ``text``, ignoring paths and file names."""
    words = [w for w in text.split() if "/" not in w and ".json" not in w]
    return SNAKE.findall(" ".join(words))


SCRIPTS = {
    # A pitch with a resume: redirected to the careers site (a blocker, no meeting).
    "pitch": {
        "outreach": {"subject": "Openings?", "body": PITCH, "attachments": ["resume.pdf"]},
        "follow_ups": [{"after_days": 2, "body": "Just following up on my email."}],
    },
    # A yes, then a job question in the meeting and a late, vague thank-you.
    "whole": {
        "outreach": {"subject": "15 minutes on moving into HR?", "body": GOOD_BODY},
        "meeting": MEETING,
        "thank_you": {"after_hours": 90, "body": THANKS},
    },
}


def test_reports_in_every_format_use_plain_words() -> None:
    from simulator.content import Script
    from simulator.grading.html import report_html

    bundle = Library().load("review-season-cold-email")
    stages: set[str] = set()
    for script_name, raw in SCRIPTS.items():
        played = play_script(bundle, Script.model_validate(raw), 4)
        report, transcript = played.report, played.session.transcript
        assert report.findings and report.blockers, script_name
        stages.update(f.stage for f in report.findings)
        page = re.sub(r"(?s)<style.*?</style>", "", report_html(report, transcript))
        page = html.unescape(re.sub(r"<[^>]+>", " ", page))
        for name, text in {
            "text": report_text(report),
            "markdown": report_markdown(report, transcript),
            "html": page,
            "transcript": transcript_text(transcript),
        }.items():
            assert not leaks(text), f"{script_name} {name}: {leaks(text)}"
    # Findings from every stage were scanned (the words for "thank_you" included).
    assert stages == {"outreach", "meeting", "thank_you"}, stages


def test_the_run_command_uses_plain_words(tmp_path: Path) -> None:
    import yaml

    env = {**os.environ, "SIMULATOR_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    script = tmp_path / "whole.yaml"
    script.write_text(yaml.safe_dump(SCRIPTS["whole"]), encoding="utf-8")
    command = ["run", "review-season-cold-email", "--script", str(script), "--seed", "4"]
    ran = subprocess.run(
        [sys.executable, "-m", "simulator", *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "Findings:" in ran.stdout, ran.stdout[-2000:] + ran.stderr[-2000:]
    assert "thank-you" in ran.stdout
    assert not leaks(ran.stdout), leaks(ran.stdout)


def test_plain_mode_and_analyze_use_plain_words(tmp_path: Path) -> None:
    env = {**os.environ, "SIMULATOR_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    lines = ["Openings?", PITCH, ".", "resume.pdf", "y", "3", "Following up.", ".", *MEETING]
    lines += ["/wrap", "y", "30", THANKS, ".", ""]
    played = subprocess.run(
        [sys.executable, "-m", "simulator", "play", "--plain", "review-season-cold-email"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "Debrief" in played.stdout, played.stdout[-2000:]
    assert not leaks(played.stdout), leaks(played.stdout)
    draft = tmp_path / "draft.txt"
    draft.write_text(PITCH, encoding="utf-8")
    analysed = subprocess.run(
        [sys.executable, "-m", "simulator", "analyze", str(draft), "--attach", "resume.pdf"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "Problems:" in analysed.stdout
    assert not leaks(analysed.stdout), leaks(analysed.stdout)


async def test_every_screen_uses_plain_words(home: Path) -> None:
    shown: dict[str, str] = {}

    def look(app: Any) -> None:
        text = screen_text(app)
        shown[type(app.screen).__name__ + str(len(shown))] = text
        assert not leaks(text), f"{type(app.screen).__name__}: {leaks(text)}"

    app = build_app(Library().load("review-season-cold-email"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        look(app)  # briefing
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#composer-subject", Input).value = "15 minutes?"
        app.screen.query_one("#composer-body", TextArea).text = PITCH
        await settle(pilot)
        await pilot.pause(0.5)  # the live hints' delay
        look(app)  # composer with hints
        app.screen.query_one("#composer-body", TextArea).text = GOOD_BODY
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        look(app)  # inbox
        await pilot.press("enter")
        await pilot.pause()
        for line in MEETING:
            app.screen.query_one("#meeting-input", Input).value = line
            await pilot.press("enter")
            await pilot.pause()
        look(app)  # meeting
        await pilot.press("f6", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#composer-body", TextArea).text = THANKS
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        if type(app.screen).__name__ == "InboxScreen":
            look(app)
            await pilot.press("enter")
            await settle(pilot)
        look(app)  # report
        report = app.screen
        for finding in report.query("FindingCard"):  # every card, not only the first screenful
            rendered = finding.render()
            text = getattr(rendered, "plain", str(rendered))
            assert not leaks(text), leaks(text)
        await pilot.press("w")
        await pilot.pause()
        look(app)  # rewind
        await pilot.press("escape")
        await pilot.pause()
        app.open_draft_check()
        await pilot.pause()
        app.screen.query_one("#draft-text", TextArea).text = PITCH
        await pilot.press("f2")
        await settle(pilot)
        look(app)  # draft check
    assert len(shown) >= 7
