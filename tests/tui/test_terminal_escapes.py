"""Hostile text from every source, played in a real terminal (tmux): nothing takes it over.

Each source of text that reaches the screen (content, an assignment, the learner's own
history, submissions) carries an OSC title change, a screen clear, a cursor jump and a
bidi override. tmux honours all of them (the first check proves it), so if any got
through, the pane title would read OWNED or the text around the sequence would be torn
apart on the screen.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.content import Bundle
from simulator.conversation import Outreach, Say
from simulator.recorder import Recorder

from .test_terminal import BODY, SUBJECT, WAIT, Terminal
from .test_terminal import terminal as terminal  # the fixture: a tmux of our own

pytestmark = pytest.mark.tmux

ATTACK = "\x1b]0;OWNED\x07\x1b]2;OWNED\x1b\\\x1b[2J\x1b[H\x1b[5;5H\x9d2;OWNED\x9c\u202e"
"""Retitle (OSC 0 with BEL, OSC 2 with ST, 8-bit OSC), clear, home, jump, then reverse."""


def hostile(left: str, right: str) -> str:
    return f"{left}{ATTACK}{right}"


def untouched(term: Terminal, title: str, *visible: str) -> None:
    """The pane title is what it was, and each text shows whole on the screen."""
    for text in visible:
        term.wait_for(text)
    assert term.flag("pane_title") == title, "an escape sequence retitled the terminal"
    assert "OWNED" not in term.screen(), "an escape sequence's payload reached the screen"


def start(term: Terminal) -> str:
    """Prove tmux would obey a title change, then reset it; returns the title to keep."""
    term.keys("printf '\\033]2;probe\\007'; printf '\\033]2;clean\\007'", literal=True)
    term.keys("Enter")
    deadline = time.monotonic() + WAIT
    while term.flag("pane_title") != "clean":
        assert time.monotonic() < deadline, (
            "tmux does not take title changes: the test proves nothing"
        )
        time.sleep(0.1)
    term.keys("clear", "Enter")
    return "clean"


def run(term: Terminal, command: str) -> None:
    term.keys(command, literal=True)
    term.keys("Enter")


def quit_app(term: Terminal) -> None:
    term.keys("C-q")
    deadline = time.monotonic() + WAIT
    while term.flag("alternate_on") != "0":
        assert time.monotonic() < deadline, "the app did not quit"
        time.sleep(0.1)


def test_hostile_content_title_and_persona_lines(
    terminal: Terminal, home: Path, tmp_path: Path
) -> None:
    """Issue 14's hostile persona: the lines pass the loader only because the launcher
    plants them after loading (validate refuses them), as a tampered install would."""
    launcher = tmp_path / "launch.py"
    launcher.write_text(
        "import dataclasses, json, sys\n"
        "from simulator.content import Library\n"
        "from simulator.tui.app import build_app\n"
        "attack = json.loads(sys.argv[1])\n"
        "b = Library().load('review-season-quick-note')\n"
        "lines = {k: [attack['line']] * len(v) for k, v in b.persona.lines.items()}\n"
        "plate = [attack['plate']]\n"
        "persona = b.persona.model_copy(update={'lines': lines, 'on_their_plate': plate})\n"
        "scenario = b.scenario.model_copy(update={'title': attack['title']})\n"
        "app = build_app(dataclasses.replace(b, persona=persona, scenario=scenario), seed=1)\n"
        "app.run()\n",
        encoding="utf-8",
    )
    attack = {
        "title": hostile("Scenario", "Title"),
        "plate": hostile("Plate", "Item"),
        "line": hostile("Persona", "Line: happy to talk."),
    }
    title = start(terminal)
    run(terminal, f"{sys.executable} {launcher} '{json.dumps(attack)}'")
    terminal.wait_for("Enter start")
    untouched(terminal, title, "ScenarioTitle", "PlateItem")
    terminal.keys("Enter")
    terminal.wait_for("Write your email to")
    terminal.keys(SUBJECT, literal=True)
    terminal.wait_for(SUBJECT)
    terminal.tab_to_body()
    terminal.keys(BODY, literal=True)
    terminal.wait_for("whenever suits you?")
    terminal.keys("F2")
    terminal.wait_for("Send this to")
    terminal.keys("Enter")
    terminal.wait_for("Inbox")
    untouched(terminal, title, "PersonaLine: happy to talk.")
    assert terminal.flag("alternate_on") == "1"
    quit_app(terminal)


def test_hostile_assignment_title_and_notes(terminal: Terminal, home: Path, tmp_path: Path) -> None:
    assignment = tmp_path / "week.json"
    assert (
        main(
            [
                "assign",
                "review-season-cold-email",
                "-o",
                str(assignment),
                "--title",
                hostile("Week", "Three"),
                "--notes",
                hostile("Coach", "Note"),
            ]
        )
        == 0
    )
    assert "\x1b" in json.loads(assignment.read_text(encoding="utf-8"))["title"]
    title = start(terminal)
    # Plain mode prints the briefing (title and notes); end of input stops the session.
    run(
        terminal,
        f"{sys.executable} -m simulator play --plain --assignment {assignment} --student Ann"
        " < /dev/null",
    )
    untouched(terminal, title, "Assignment: WeekThree", "Notes from your coach: CoachNote")
    run(terminal, "clear")
    # The app shows the assignment's title in its header.
    run(terminal, f"{sys.executable} -m simulator play --assignment {assignment} --student Ann")
    terminal.wait_for("Enter start")
    untouched(terminal, title, "WeekThree")
    quit_app(terminal)


def test_hostile_learner_history_resumed_in_the_app(
    terminal: Terminal, home: Path, cold_email: Bundle
) -> None:
    """The learner's own earlier text comes back from the journal when resuming."""
    recorder = Recorder(cold_email, 1, meta={"client": "tui", "mode": "practice"})
    session = recorder.start()
    # The subject stays plain: its attack payload (OWNED) would read as shouting, and the
    # persona would not reply; the body and the meeting line carry the attack instead.
    session.send(Outreach(subject=SUBJECT, body=hostile("Earlier", "Text") + " " + BODY))
    session.send(Say(hostile("How did you", " get started in HR?")))
    recorder.close()
    title = start(terminal)
    run(terminal, f"{sys.executable} -m simulator resume --last")
    untouched(terminal, title, "How did you get started in HR?")
    quit_app(terminal)
    run(terminal, "clear")
    run(terminal, f"{sys.executable} -m simulator resume")  # the list of unfinished sessions
    untouched(terminal, title, "Continue one with")


def test_hostile_submissions_in_the_coach_views(
    terminal: Terminal, home: Path, tmp_path: Path
) -> None:
    from simulator.homework.submission import submissions_folder

    assignment = tmp_path / "week.json"
    assert (
        main(
            [
                "assign",
                "review-season-cold-email",
                "-o",
                str(assignment),
                "--title",
                hostile("Sub", "Title"),
            ]
        )
        == 0
    )
    script = tmp_path / "pass.yaml"
    script.write_text(
        json.dumps({"outreach": {"subject": SUBJECT, "body": BODY}}), encoding="utf-8"
    )
    argv = ["run", "--assignment", str(assignment), "--student", "Ann", "--script", str(script)]
    assert main(argv) == 0
    [made] = submissions_folder().rglob("*.json")
    data = json.loads(made.read_text(encoding="utf-8"))
    assert "\x1b" in data["assignment"]["title"]
    title = start(terminal)
    run(terminal, f"{sys.executable} -m simulator submissions")
    untouched(terminal, title, "SubTitle")
    run(terminal, "clear")
    run(terminal, f"{sys.executable} -m simulator review {assignment} {made.parent}")
    untouched(terminal, title, "Ann")
