"""A call on a phone channel is read as a call (issue 13), not as contact repeated.

On a phone scenario "I'm calling you because..." is the call itself; the engine knows the
channel, so a built-in scenario needs no per-scenario workaround for it. Saying it is
the third call, or that you called twice, is still repeated contact.
"""

from __future__ import annotations

import pytest

from simulator.content import Library
from simulator.content.models import Script
from simulator.conversation.judgement import reading_context
from simulator.conversation.scripted import run_script
from simulator.grading import grade
from simulator.reading import Context, read, scenario_lexicon, standard_lexicon

SINGLE_CALL = [
    "Hello Ms Alvarez, I'm calling you because I'm moving into teaching after years in training.",
    "Hi, I'm calling you today to ask for 15 minutes about how you made the move.",
]
REPEATED = [
    "This is my third call this week.",
    "I have called you twice now about this.",
    "Sorry to call you again, I left a voicemail yesterday.",
]


@pytest.mark.parametrize("text", SINGLE_CALL)
def test_one_call_on_the_phone_is_not_repeated_contact(text: str) -> None:
    phone = read(text, "outreach", Context(channel="phone"), standard_lexicon())
    assert "repeated_contact" not in {s.id for s in phone.signals}
    # the same words in an email still read as a chase (the channel decides, not the words)
    email = read(text, "outreach", Context(channel="email"), standard_lexicon())
    assert "repeated_contact" in {s.id for s in email.signals}


@pytest.mark.parametrize("text", REPEATED)
def test_several_calls_are_still_repeated_contact_on_the_phone(text: str) -> None:
    reading = read(text, "outreach", Context(channel="phone"), standard_lexicon())
    assert "repeated_contact" in {s.id for s in reading.signals}


def test_the_phone_scenario_reads_a_call_without_a_workaround() -> None:
    bundle = Library().load("principal-exam-week")
    settings = bundle.scenario.signals.get("repeated_contact")
    assert settings is None or not settings.drop  # the core knows the channel
    context = reading_context(bundle.persona, bundle.scenario)
    assert context.channel == "phone"
    assert Context.from_dict(context.to_dict()).channel == "phone"  # the grader's replay too
    script = Script.model_validate(
        {
            "outreach": {
                "body": SINGLE_CALL[0] + " Could I have 15 minutes after exams, whenever suits you?"
            }
        }
    )
    session = run_script(bundle, script, 1).session
    report = grade(session.transcript, bundle.scenario, scenario_lexicon(bundle.scenario))
    assert "repeated_contact" not in report.finding_ids()
