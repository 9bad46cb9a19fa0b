"""The app's pieces that need no event loop: attempts, saved reports, the content watcher."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from simulator.content import Library
from simulator.conversation import Outreach, Say, Skip, replay
from simulator.grading import Report, grade
from simulator.practice import Attempt
from simulator.tui.saved import load_saved
from simulator.tui.watch import ContentWatcher

from .conftest import GOOD_BODY, journal_turns


def played(home: Path) -> Attempt:
    attempt = Attempt(Library().load("review-season-cold-email"), 3)
    attempt.send(Outreach(GOOD_BODY, "15 minutes?"))
    attempt.send(Say("How did you get started in HR?"))
    attempt.send(Say("What would you tell someone starting out?"))
    attempt.send(Skip())
    attempt.send(Skip())
    return attempt


def test_every_turn_is_journalled_as_it_happens(home: Path) -> None:
    attempt = played(home)
    assert [t["n"] for t in journal_turns(home)] == [t.n for t in attempt.session.transcript.turns]
    attempt.close()


def test_finishing_saves_once_and_calls_back_once(home: Path) -> None:
    attempt = played(home)
    calls = []
    report = attempt.finish(lambda session, rep: calls.append(rep))
    assert attempt.finish(lambda session, rep: calls.append(rep)) is report
    assert calls == [report]
    [saved] = load_saved()
    assert saved.score == report.score and saved.mode == "practice"


def test_a_saved_report_reads_back_unchanged(home: Path) -> None:
    attempt = played(home)
    report = attempt.finish()
    [saved] = load_saved()
    assert Report.from_dict(report.to_dict()) == report
    assert saved.report() == report
    transcript = saved.transcript()
    assert transcript is not None
    assert grade(transcript, attempt.session.scenario) == report


def test_rewind_matches_a_plain_replay_of_the_same_inputs(home: Path) -> None:
    attempt = played(home)
    inputs = attempt.session.transcript.inputs()
    new, draft = attempt.rewind(2)
    assert draft == inputs[2]
    from simulator.conversation import parse_input

    same = replay(
        attempt.bundle,
        attempt.seed,
        [parse_input(i) for i in inputs[:2]],
        identities=attempt.session.identities,
    )
    assert new.session.transcript.to_dict()["turns"] == same.transcript.to_dict()["turns"]
    assert new.session_id != attempt.session_id


def test_watcher_notices_a_save_and_a_deletion(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    watcher = ContentWatcher([path])
    assert watcher.changed() == []
    path.write_text("a: 22\n", encoding="utf-8")
    assert watcher.changed() == [path]
    assert watcher.changed() == []
    os.unlink(path)
    assert watcher.changed() == [path]


def test_help_and_headless_commands_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from simulator.cli import build_parser\n"
        "import simulator.commands.play, simulator.tui\n"
        "build_parser()\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


async def test_toggles_read_without_colour() -> None:
    """Ticked and unticked differ by their mark, not only by colour (NO_COLOR terminals)."""
    from textual.app import App, ComposeResult

    from simulator.tui.widgets.attachments_row import AttachmentsRow
    from simulator.tui.widgets.marked_toggles import MarkedCheckbox, MarkedRadioButton
    from simulator.tui.widgets.send_time_picker import SendTimePicker

    class Harness(App[None]):
        def compose(self) -> ComposeResult:
            yield AttachmentsRow(["resume.pdf"])
            yield SendTimePicker("Send:", [("Now", 0), ("Tonight", 6), ("Tomorrow", 24)], 6)

    async with Harness().run_test() as pilot:
        box = pilot.app.query_one(MarkedCheckbox)
        assert box._button.plain == "▐ ▌"
        box.value = True
        await pilot.pause()
        assert box._button.plain == "▐X▌"
        assert pilot.app.query_one(AttachmentsRow).selected() == ("resume.pdf",)
        marks = [b._button.plain for b in pilot.app.query(MarkedRadioButton)]
        assert marks.count("▐●▌") == 1 and marks.count("▐ ▌") == len(marks) - 1
