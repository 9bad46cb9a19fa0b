"""``simulator resume``: listing, picking by part of an id, and clear refusals."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.content import Bundle
from simulator.recorder import Recorder

from .conftest import MEETING, OUTREACH


def _start(bundle: Bundle, session_id: str, turns: int = 1) -> Recorder:
    recorder = Recorder(bundle, 1, session_id=session_id)
    session = recorder.start()
    from simulator.conversation import Input, Say

    items: list[Input] = [OUTREACH, *(Say(line) for line in MEETING)]
    for item in items[:turns]:
        session.send(item)
    recorder.close()
    return recorder


def test_listing_and_json(cold_email: Bundle, capsys: pytest.CaptureFixture) -> None:
    assert main(["resume"]) == 0
    assert "No unfinished sessions" in capsys.readouterr().out
    _start(cold_email, "20260101T000000-a-111111", turns=2)
    assert main(["resume"]) == 0
    out = capsys.readouterr().out
    assert "20260101T000000-a-111111" in out
    assert "Cold email in review season | started" in out and "2 turns so far" in out
    assert main(["resume", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)["unfinished"]
    assert (row["turns"], row["stage"]) == (2, "meeting")


def test_pick_by_part_of_the_id_and_refuse_ambiguity(
    cold_email: Bundle, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    _start(cold_email, "20260101T000000-a-111111")
    _start(cold_email, "20260101T000000-a-222222")
    assert main(["resume", "--plain", "20260101"]) == 1
    assert "matches several sessions" in capsys.readouterr().err
    assert main(["resume", "--plain", "nothing-like-it"]) == 1
    assert "no unfinished session 'nothing-like-it'" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["resume", "--plain", "222222"]) == 0
    out = capsys.readouterr().out
    assert "=== Resuming: Cold email in review season ===" in out
    assert "simulator resume 20260101T000000-a-222222" in out  # input ended: still resumable


def test_without_plain_on_a_pipe_it_says_it_stays_plain(
    cold_email: Bundle, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    _start(cold_email, "20260101T000000-a-333333")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["resume", "--last"]) == 0
    assert "continuing in the plain mode" in capsys.readouterr().err


def test_in_a_terminal_the_resumed_attempt_goes_to_the_injected_app(
    cold_email: Bundle, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulator.commands.resume import _continue
    from simulator.practice import AppOptions, Attempt, Say, Skip, Stage
    from simulator.recorder import unfinished_sessions

    _start(cold_email, "20260101T000000-a-444444", turns=2)
    [info], _ = unfinished_sessions()
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    opened: list[AppOptions] = []

    class FakeApp:
        return_code: int | None = 0

        def __init__(self, options: AppOptions) -> None:
            opened.append(options)
            self.attempt = options.resume

        def run(self) -> None:  # the learner finishes the session in the app
            assert isinstance(self.attempt, Attempt)
            self.attempt.send(Say("I want to respect your time, so I'll wrap up there."))
            while not self.attempt.finished:
                self.attempt.send(Skip())
            self.attempt.finish()

        def notify(self, message: str, **_: object) -> None:
            raise AssertionError(message)

    assert _continue(info, plain=False, factory=FakeApp) == 0
    [options] = opened
    assert options.resume is not None and options.resume.session_id == info.id
    assert len(options.resume.learner_turns()) >= 3  # the two journalled turns came back
    assert options.resume.session.state is Stage.debrief
    assert len(list((home / "attempts").glob("*.json"))) == 1
