"""Learner text of any kind: nothing crashes, hangs or corrupts a journal.

Any Unicode (emoji, right-to-left, combining marks, control characters, NUL, undecodable
bytes as a terminal delivers them), empty and whitespace-only text, pastes far over the
limit, and thousands of turns.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.content import Bundle, Library
from simulator.conversation import InputError, Outreach, Say, Session, Stage
from simulator.conversation.inputs import MAX_INPUT_CHARS
from simulator.grading import grade, report_markdown, report_text, transcript_text
from simulator.recorder import Recorder
from simulator.storage import Journal
from simulator.textsafe import printable

from .conftest import BOUNDED

OPENING = Outreach(
    "Could I have 15 minutes of your time to hear about your career path? "
    "I know review season is busy.",
    "15 minutes?",
)
SPECIAL = [
    "",
    " ",
    "\n\t \u00a0\u2003",
    "\x00",
    "ok\x00then",
    "👩🏽‍💼 how did you 🚀 get into HR? 🙏",
    "مرحبا، كيف بدأت في الموارد البشرية؟",
    "\u202eevil right-to-left override\u202c",
    "e\u0301\u0301\u0301 combining marks" + "\u0301" * 500,
    "\x1b[2J\x1b]52;c;ZXZpbA==\x07 terminal escapes",
    "line one\r\nline two\u2028line three",
    "bad bytes \udcff\udcfe",
    "\ud800 lone surrogate",
    "\ufeff\ufffe\uffff",
]
ANY_TEXT = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=300),
    st.text(st.characters(exclude_categories=()), max_size=300),
    st.text(st.sampled_from(" \n\t\x00aé😀\u0301\u200d\u202e"), max_size=50),
)
BUNDLE: Bundle = Library().load("review-season-cold-email")
IDENTITIES = Session(BUNDLE, 1).identities
"""Generated once: each example then skips Faker, which is slow to start."""


def _meeting(folder: Path) -> Recorder:
    recorder = Recorder(BUNDLE, 1, journal_folder=folder, attempts_folder=folder)
    session = recorder.start(IDENTITIES)
    session.send(OPENING)
    assert session.state is Stage.meeting
    return recorder


def _snapshot(session: Session) -> tuple:
    return (
        session.state,
        session.minute,
        session.meters,
        len(session.transcript.turns),
        session.rng.getstate(),
        frozenset(session.picker.used),
    )


@BOUNDED
@given(texts=st.lists(ANY_TEXT, min_size=1, max_size=3))
def test_any_text_is_answered_or_refused_and_the_journal_replays(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        recorder = _meeting(Path(tmp))
        session = recorder.session
        assert session is not None
        for text in texts:
            before = _snapshot(session)
            try:
                turns = session.send(Say(text))
            except InputError as exc:
                assert "\n" not in str(exc)
                assert _snapshot(session) == before  # refused: nothing changed
                continue
            assert turns[0].who == "learner" and turns[0].text == text
        recorder.close()
        assert recorder.problem is None
        assert recorder.journal is not None
        contents = Journal.read(recorder.journal.path)
        assert contents.notices == []
        resumed = Recorder.resume(recorder.journal.path)
        assert resumed.session is not None
        assert resumed.session.transcript.to_dict() == session.transcript.to_dict()
        resumed.close()
        report = grade(session.transcript, session.scenario, session.lexicon)
        for rendered in (
            report_text(report),
            report_markdown(report, session.transcript),
            transcript_text(session.transcript),
        ):
            shown = printable(rendered)
            assert not any(ord(c) < 32 and c not in "\n\t" for c in shown)
            shown.encode("utf-8")  # never raises: nothing unprintable reaches a terminal


@BOUNDED
@given(extra=st.integers(min_value=-2, max_value=2))
def test_the_input_limit_is_exact(extra: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        recorder = _meeting(Path(tmp))
        session = recorder.session
        assert session is not None
        text = "word " * ((MAX_INPUT_CHARS + extra) // 5) + "x" * ((MAX_INPUT_CHARS + extra) % 5)
        assert len(text) == MAX_INPUT_CHARS + extra
        if extra > 0:
            with pytest.raises(InputError, match="Your draft is kept"):
                session.send(Say(text))
        else:
            session.send(Say(text))
        recorder.close()


def test_a_one_megabyte_paste_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    recorder = _meeting(tmp_path)
    session = recorder.session
    assert session is not None and recorder.journal is not None
    journal_before = recorder.journal.path.read_bytes()
    state_before = _snapshot(session)
    paste = ("I would love to hear how you got into HR. " * 25_000)[: 1024 * 1024]
    draft = Say(paste)
    with pytest.raises(InputError) as caught:
        session.send(draft)
    message = str(caught.value)
    assert f"{len(paste):,} characters; the limit is {MAX_INPUT_CHARS:,}" in message
    assert "Your draft is kept" in message
    assert draft.text == paste  # the caller still has every character
    assert _snapshot(session) == state_before
    assert recorder.journal.path.read_bytes() == journal_before
    fresh = Session(BUNDLE, 1)
    with pytest.raises(InputError, match="the limit is"):
        fresh.send(Outreach(paste, "subject"))
    assert fresh.state is Stage.outreach and fresh.transcript.turns == []
    recorder.close()


def test_thousands_of_turns_end_cleanly_and_the_journal_holds(tmp_path: Path) -> None:
    """A learner who keeps typing: the persona ends the meeting; later sends are refused."""
    recorder = _meeting(tmp_path)
    session = recorder.session
    assert session is not None and recorder.journal is not None
    refused = 0
    for i in range(3000):
        try:
            session.send(Say(f"And another thing, number {i}? " + "really " * (i % 7)))
        except InputError:
            refused += 1
            assert session.state is not Stage.meeting
    assert session.state is Stage.thank_you
    assert refused > 2900
    recorder.close()
    contents = Journal.read(recorder.journal.path)
    assert len(contents.turns) == len(session.transcript.turns)


def test_a_journal_of_thousands_of_lines_reads_back(tmp_path: Path) -> None:
    recorder = _meeting(tmp_path)
    session = recorder.session
    assert session is not None and recorder.journal is not None
    turns = session.transcript.turns
    for _ in range(300):
        recorder.journal.append_turns(turns)
    recorder.close()
    contents = Journal.read(recorder.journal.path)
    assert len(contents.turns) == len(turns) * 301
    assert contents.notices == []
