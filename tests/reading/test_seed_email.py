"""The seed's failed email, reworded so that none of its phrases survive, still gets each
of its lessons as a finding (issue 12). Only this rewording is in the repository."""

from __future__ import annotations

from simulator.content import Library
from simulator.conversation.judgement import judge
from simulator.reading import read

REWORDED = (
    "Hello Rita,\n\n"
    "Your name came up when I browsed the staff page of your firm, and I'm writing because "
    "joining your organisation is a goal I've set for myself. I rang your office and got "
    "your voicemail on two Mondays in a row, so I thought an email should follow the calls. "
    "My CV is enclosed so you can look it over, and I'd be glad to meet up whenever you're "
    "free. A bit about me: four years in the sector so far, and Priya and Tomas in Finance "
    "are people I know well. Hoping to hear from you soon.\n\n"
    "Aaron"
)


def quotes(signal_ids: tuple[str, ...]) -> list[str]:
    reading = read(REWORDED, "outreach")
    return [s.quote for s in reading.signals if s.id in signal_ids]


def test_the_resume_is_found() -> None:
    assert any("CV" in q for q in quotes(("resume_attached", "resume_offered")))


def test_the_wish_to_work_there_is_found() -> None:
    found = quotes(("job_pitch", "asks_about_openings"))
    assert any("joining your organisation" in q for q in found), found


def test_the_open_ended_ask_is_found() -> None:
    assert any("meet up" in q for q in quotes(("open_ended_time_ask",)))


def test_the_repeated_calls_are_found() -> None:
    assert any("rang your office" in q for q in quotes(("repeated_contact",)))


def test_the_name_drops_are_found() -> None:
    assert any("Priya and Tomas" in q for q in quotes(("name_drop",)))


def test_the_persona_does_not_accept_it() -> None:
    persona, _, _ = Library().load_persona("hr-manager-review-season")
    assert judge(REWORDED, "outreach", persona).decision.reply != "accept"
