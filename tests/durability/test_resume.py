"""Resuming: a session rebuilt from its journal continues exactly as if never interrupted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.content import Bundle
from simulator.conversation import Input, replay
from simulator.grading import grade
from simulator.practice import report_on
from simulator.recorder import Recorder, ResumeError, unfinished_sessions
from simulator.storage import Journal, journals


def _play(bundle: Bundle, items: list[Input], seed: int = 3) -> Recorder:
    recorder = Recorder(bundle, seed)
    session = recorder.start()
    for item in items:
        session.send(item)
    recorder.close()
    return recorder


@pytest.mark.parametrize("stop", [1, 2, 4, 5])
def test_resume_continues_to_the_same_report(cold_email: Bundle, inputs: list, stop: int) -> None:
    """Stopped after any turn, resumed, finished: the same transcript and report."""
    straight = replay(cold_email, 3, inputs)
    expected = grade(straight.transcript, cold_email.scenario, straight.lexicon)

    first = _play(cold_email, inputs[:stop])
    resumed = Recorder.resume(first.journal.path)  # type: ignore[union-attr]
    session = resumed.session
    assert session is not None
    assert session.minute == pytest.approx(straight.minute) or stop < len(inputs)
    for item in inputs[stop:]:
        session.send(item)
    report = resumed.finish(report_on(session))
    assert session.transcript.to_dict() == straight.transcript.to_dict()
    assert report.to_dict() == expected.to_dict()
    saved = json.loads(resumed.saved_to.read_text())  # type: ignore[union-attr]
    assert saved["id"] == first.session_id
    # The journal now tells the whole story and no longer counts as unfinished.
    contents = Journal.read(first.journal.path)  # type: ignore[union-attr]
    assert contents.finished and contents.resumed == 1
    assert [t["n"] for t in contents.turns] == [t.n for t in session.transcript.turns]
    assert unfinished_sessions()[0] == []


def test_resume_restores_clock_meters_and_names(cold_email: Bundle, inputs: list) -> None:
    first = _play(cold_email, inputs[:3])
    live = first.session
    resumed = Recorder.resume(first.journal.path).session  # type: ignore[union-attr]
    assert live is not None and resumed is not None
    assert resumed.state is live.state
    assert resumed.minute == live.minute
    assert resumed.meters == live.meters
    assert resumed.identities == live.identities
    assert resumed.rng.getstate() == live.rng.getstate()


def test_a_reply_lost_in_the_kill_is_replayed_and_journalled(
    cold_email: Bundle, inputs: list
) -> None:
    """Killed after the learner's turn reached the disk but before the reply did."""
    first = _play(cold_email, inputs[:2])
    path = first.journal.path  # type: ignore[union-attr]
    lines = path.read_bytes().splitlines(keepends=True)
    learner_at = max(i for i, line in enumerate(lines) if json.loads(line).get("who") == "learner")
    path.write_bytes(b"".join(lines[: learner_at + 1]) + lines[learner_at + 1][:20])
    resumed = Recorder.resume(path)
    assert resumed.notices == [f"{path.name}: dropped a half-written last line"]
    live = first.session
    assert resumed.session is not None and live is not None
    assert resumed.session.transcript.to_dict() == live.transcript.to_dict()
    assert len(Journal.read(path).turns) == len(live.transcript.turns)


def test_a_tampered_journal_is_refused_with_the_turn(cold_email: Bundle, inputs: list) -> None:
    first = _play(cold_email, inputs[:2])
    path = first.journal.path  # type: ignore[union-attr]
    records = [json.loads(line) for line in path.read_text().splitlines()]
    for record in records:
        if record.get("who") == "persona":
            record["text"] = "Something the persona never said."
            break
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    with pytest.raises(ResumeError, match=r"turn \d+ replays differently \(text\)"):
        Recorder.resume(path)


def test_a_finished_session_is_not_resumed(cold_email: Bundle, inputs: list) -> None:
    recorder = Recorder(cold_email, 3)
    session = recorder.start()
    for item in inputs:
        session.send(item)
    recorder.finish(report_on(session))
    assert recorder.problem is None
    with pytest.raises(ResumeError, match="is finished"):
        Recorder.resume(next(journals()))


def test_a_damaged_journal_is_kept_aside_before_it_is_cut(cold_email: Bundle, inputs: list):
    first = _play(cold_email, inputs[:3])
    path = first.journal.path  # type: ignore[union-attr]
    original = path.read_bytes()
    lines = original.split(b"\n")
    lines[4] = b"{not json"
    path.write_bytes(b"\n".join(lines))
    resumed = Recorder.resume(path)
    assert "is damaged" in resumed.notices[0]
    backup = path.with_name(path.name + ".damaged")
    assert backup.read_bytes() == b"\n".join(lines)
    # The learner's inputs on the cut lines are gone, but the prefix replays cleanly.
    assert resumed.session is not None


def test_listing_shows_scenario_start_and_turns(cold_email: Bundle, inputs: list) -> None:
    _play(cold_email, inputs[:3])
    sessions, problems = unfinished_sessions()
    assert problems == []
    [info] = sessions
    assert info.scenario == "review-season-cold-email"
    assert info.title == cold_email.scenario.title
    assert info.turns == 3
    assert info.stage == "meeting"
    assert info.started[:2] == "20"


def test_unreadable_journals_are_reported_not_fatal(home: Path) -> None:
    folder = home / "journals"
    folder.mkdir(parents=True)
    (folder / "junk.jsonl").write_bytes(b"\xff\xfe not a journal\n")
    sessions, problems = unfinished_sessions()
    assert sessions == []
    assert problems and "junk.jsonl" in problems[0]
