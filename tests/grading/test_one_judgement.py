"""One judgement, one place: ``simulator analyze`` and a live session agree on a text."""

from __future__ import annotations

import pytest

from simulator.content import Bundle, Library
from simulator.conversation import inputs as inp
from simulator.conversation.judgement import judge
from simulator.conversation.session import Session

OUTREACH_TEXTS = [
    "Hi, are you hiring? I'd love to chat.",
    "I'm very interested in working for your company. I've attached my resume.",
    "Could we grab coffee sometime so I can pick your brain?",
    "Hi Noor, I heard you on the pay transparency panel. I'm moving from operations into HR "
    "and would love to learn how you made the move. I know review season is busy: could I "
    "have 15 minutes by phone in the next few weeks, whenever suits you? Thank you.",
    "Hello. I'm not looking for a job; I'd like 20 minutes to hear how you got into HR.",
    "Hi, I left you a couple voicemails. Could we meet for an hour next week?",
    "Hello, I'd like to learn about HR.",
]


@pytest.fixture
def quick_note(library: Library) -> Bundle:
    return library.load("review-season-quick-note")


@pytest.mark.parametrize("text", OUTREACH_TEXTS)
@pytest.mark.parametrize("attachments", [(), ("resume.pdf",)])
def test_session_and_analyze_agree_on_an_outreach(
    quick_note: Bundle, text: str, attachments: tuple[str, ...]
) -> None:
    session = Session(quick_note, seed=3)
    session.send(inp.Outreach(text, "Hello", attachments))
    replies = [t.data["reply"] for t in session.transcript.turns if t.data.get("reply")]
    checked = judge(
        text, "outreach", quick_note.persona, quick_note.scenario, attachments=attachments
    )
    assert replies == [checked.decision.reply]
    assert session.last_decision == checked.decision


MEETING_LINES = [
    "How did you get into HR?",
    "Are you hiring at the moment?",
    "How much do you make?",
    "What does your company do?",
    "Is there anyone else I should talk to?",
    "That's really helpful.",
]


@pytest.mark.parametrize("line", MEETING_LINES)
def test_session_and_analyze_agree_on_a_meeting_line(cold_email: Bundle, line: str) -> None:
    session = Session(cold_email, seed=5)
    opener = (
        "Hi, I read your panel notes. Could I have 15 minutes by phone to learn how you moved "
        "into HR? I know it's review season. Thank you."
    )
    session.send(inp.Outreach(opener, "15 minutes?"))
    turns = session.send(inp.Say(line))
    groups = [t.data.get("group") for t in turns if t.who == "persona"]
    checked = judge(line, "meeting", cold_email.persona, cold_email.scenario)
    deflections = {"deflect_job", "deflect_salary", "googleable"}
    deflected = bool(groups) and groups[0] in deflections
    assert deflected == (checked.decision.reply == "redirect"), (groups, checked.decision)
