"""The journal: every finished turn on disk before it is shown; torn tails dropped, not fatal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from simulator.content import Bundle
from simulator.conversation import Say
from simulator.plain import PlainPlayer
from simulator.practice import Attempt
from simulator.recorder import Recorder
from simulator.storage import Journal, StorageError, journals

from .conftest import OUTREACH


def _journal_turns(path: Path) -> list[dict]:
    return Journal.read(path).turns


def test_every_turn_is_on_disk_before_the_reply_is_printed(cold_email: Bundle) -> None:
    """Plain play: when a persona line reaches the screen, its turn is already journalled."""
    attempt = Attempt(cold_email, 1, client="plain")
    recorder, session = attempt.recorder, attempt.session
    assert recorder is not None and recorder.journal is not None
    path = recorder.journal.path
    seen: list[str] = []

    class Screen(io.StringIO):
        def write(self, text: str) -> int:
            on_disk = {t["text"] for t in _journal_turns(path) if t["who"] == "persona"}
            for turn in session.transcript.turns:
                if turn.who == "persona" and turn.text and turn.text in text:
                    assert turn.text in on_disk, "reply shown before it was journalled"
                    seen.append(turn.text)
            return super().write(text)

    body = OUTREACH.body.replace("\n", " ")
    stdin = io.StringIO(f"{OUTREACH.subject}\n{body}\n.\n\nHow did you get into HR?\n")
    PlainPlayer(attempt, stdin, Screen()).play()
    attempt.close()
    assert len(seen) >= 3  # the acceptance, the meeting opening, the answer


def test_a_torn_last_line_is_dropped_with_a_notice(cold_email: Bundle, home: Path) -> None:
    recorder = Recorder(cold_email, 1)
    session = recorder.start()
    session.send(OUTREACH)
    recorder.close()
    path = next(journals())
    whole = Journal.read(path)
    with path.open("ab") as handle:
        handle.write(b'{"type": "turn", "n": 99, "text": "half a li')
    torn = Journal.read(path)
    assert torn.turns == whole.turns
    assert torn.notices == [f"{path.name}: dropped a half-written last line"]


def test_every_cut_point_reads_as_a_prefix(cold_email: Bundle, inputs: list) -> None:
    """SIGKILL can stop a write at any byte: each cut reads back as whole turns, in order."""
    recorder = Recorder(cold_email, 1)
    session = recorder.start()
    for item in inputs[:3]:
        session.send(item)
    recorder.close()
    assert recorder.journal is not None
    raw = recorder.journal.path.read_bytes()
    header_end = raw.index(b"\n") + 1
    full = Journal.read(recorder.journal.path).turns
    cut_file = recorder.journal.path.with_name("cut.jsonl")
    for cut in range(header_end, len(raw) + 1, 7):
        cut_file.write_bytes(raw[:cut])
        contents = Journal.read(cut_file)
        assert contents.turns == full[: len(contents.turns)]
        assert bool(contents.notices) == (not raw[:cut].endswith(b"\n"))
        assert contents.valid_bytes <= cut


def test_a_file_without_a_header_is_not_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"type": "turn", "n": 1}\n')
    with pytest.raises(StorageError, match="not a session journal"):
        Journal.read(path)


def test_a_damaged_middle_line_stops_the_read_and_says_so(cold_email: Bundle) -> None:
    recorder = Recorder(cold_email, 1)
    session = recorder.start()
    session.send(OUTREACH)
    recorder.close()
    assert recorder.journal is not None
    path = recorder.journal.path
    lines = path.read_bytes().split(b"\n")
    lines[2] = b"\x00garbage"
    path.write_bytes(b"\n".join(lines))
    contents = Journal.read(path)
    assert len(contents.turns) == 1
    assert "line 3 is damaged" in contents.notices[0]
    assert contents.lost_lines > 0


def test_undecodable_terminal_bytes_are_journalled_exactly(cold_email: Bundle) -> None:
    """A terminal turns bad bytes into lone surrogates; the journal keeps them exactly."""
    recorder = Recorder(cold_email, 1)
    session = recorder.start()
    session.send(OUTREACH)
    odd = "bad bytes \udcff\udcfe here, and \ud800 alone"
    session.send(Say(odd))
    recorder.close()
    assert recorder.journal is not None
    texts = [t["text"] for t in Journal.read(recorder.journal.path).turns]
    assert odd in texts


def test_a_batch_of_turns_is_one_write(cold_email: Bundle, monkeypatch) -> None:
    """One send is one write + one fsync, so a kill cannot split a batch across writes."""
    import os

    recorder = Recorder(cold_email, 1)
    session = recorder.start()
    calls: list[int] = []
    real = os.write

    def counting(fd: int, data: bytes) -> int:
        calls.append(len(data))
        return real(fd, data)

    monkeypatch.setattr(os, "write", counting)
    turns = session.send(OUTREACH)
    recorder.close()
    assert len(turns) > 1
    assert len(calls) == 1
