"""Personas that feel like people: no line twice in a long meeting, and different
openings and answers from one seeded session to the next."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from simulator.content import Bundle, Library
from simulator.content.models import Persona, Scenario, Script
from simulator.conversation.identities import fill
from simulator.conversation.scripted import run_script
from simulator.conversation.session import Session

LONG_MEETING = [
    "How did you get into this line of work?",
    "What does a typical week look like for you?",
    "What advice would you give someone starting out?",
    "How is the field changing?",
    "Which companies would you look at if you were starting out?",
    "Which skills matter most?",
    "Who else would you suggest I talk to?",
    "That's really interesting, thank you.",
    "What led you to your current role?",
    "What do you spend most of your time on?",
    "What do you wish you had known earlier?",
    "What trends are you watching in the industry?",
    "What kinds of organizations do this work well?",
    "What qualities make someone good at this?",
    "Is there anyone else I should speak with?",
    "Do you think remote work helps or hurts?",
    "How did you get started?",
    "What's the hardest part of the job?",
    "If you were in my shoes, what would you do first?",
    "Where is the profession heading?",
    "What types of companies should I research?",
    "Is a certification worth it?",
    "Are there other people I should talk to?",
    "That makes a lot of sense.",
    "What brought you to this field?",
    "What do you enjoy most about the work?",
    "What mistakes should I avoid?",
    "What are the biggest challenges facing the field?",
    "Which courses or training would help most?",
    "Do you still enjoy it after all these years?",
]
SHORT_MEETING = [
    "Thanks so much for making the time.",
    "How did you get into this line of work?",
    "What does a typical week look like for you?",
    "Which skills matter most?",
    "What advice would you give someone starting out?",
    "Who else would you suggest I talk to?",
]


def _personas() -> dict[str, Persona]:
    library = Library()
    bundles = [library.load(sid) for sid in library.files("scenarios")]
    return {b.persona.id: b.persona for b in bundles}


PERSONAS = _personas()


def _long_meeting(persona: Persona) -> Bundle:
    """A 90-minute meeting-only scenario, long enough for 30 turns with this persona."""
    scenario = Scenario.model_validate(
        {
            "id": "long-meeting",
            "title": "A very long meeting",
            "difficulty": "easy",
            "persona": persona.id,
            "summary": "Thirty questions in a row.",
            "brief": "A test of the persona's range.",
            "objectives": ["Ask a lot."],
            "stages": {"meeting": {"minutes": 90}},
        }
    )
    return Bundle(scenario, persona, "", "")


def _template(persona: Persona, group: str, text: str, values: dict[str, Any]) -> int:
    """Which alternative of a group produced a said line."""
    for index, line in enumerate(persona.lines[group]):
        if fill(line, values) == text:
            return index
    raise AssertionError(f"{group}: no template gives {text!r}")


def test_the_long_meeting_script_is_thirty_turns() -> None:
    assert len(LONG_MEETING) == 30


@pytest.mark.parametrize("persona_id", sorted(PERSONAS))
@pytest.mark.parametrize("seed", (1, 2, 3))
def test_no_persona_line_repeats_in_a_thirty_turn_meeting(persona_id: str, seed: int) -> None:
    persona = PERSONAS[persona_id]
    result = run_script(_long_meeting(persona), Script(meeting=LONG_MEETING), seed)
    turns = result.session.transcript.turns
    assert result.unused_meeting_lines == 0, "the meeting ended before thirty turns"
    said = [t.text for t in turns if t.who == "persona"]
    repeated = [text for text, n in Counter(said).items() if n > 1]
    assert not repeated, repeated
    # The persona never ran dry (the engine narrates a nod instead of repeating itself).
    assert not [t for t in turns if t.kind == "narration"]
    learner_turns = [t for t in turns if t.who == "learner" and t.kind == "say"]
    assert len(learner_turns) == 30
    topics = {t.data.get("group") for t in turns if t.who == "persona"}
    for topic in ("career_path", "day_to_day", "advice", "industry", "skills", "contacts"):
        assert f"answer_{topic}" in topics, f"{persona_id}: never answered {topic}"


@pytest.mark.parametrize("persona_id", sorted(PERSONAS))
def test_openings_and_answers_vary_across_fifty_seeds(persona_id: str) -> None:
    persona = PERSONAS[persona_id]
    bundle = _long_meeting(persona)
    by_group: dict[str, set[int]] = {}
    sessions: set[tuple[int, ...]] = set()
    colleagues: set[str] = set()
    for seed in range(1, 51):
        session = run_script(bundle, Script(meeting=SHORT_MEETING), seed).session
        colleagues.add(str(session.identities["colleague"]))
        picked = []
        for turn in session.transcript.turns:
            if turn.who != "persona":
                continue
            group = str(turn.data["group"])
            index = _template(persona, group, turn.text, session.values)
            by_group.setdefault(group, set()).add(index)
            picked.append(index)
        sessions.add(tuple(picked))
    assert len(by_group["meeting_open"]) >= 4
    for group in ("answer_career_path", "answer_day_to_day", "answer_skills", "answer_advice"):
        assert len(by_group[group]) >= 4, f"{persona_id}: {group} {by_group[group]}"
    assert len(sessions) >= 45, "most seeded sessions should say different things"
    assert len(colleagues) >= 20, "generated colleagues should differ from seed to seed"


def test_outreach_replies_vary_across_fifty_seeds(library: Library) -> None:
    bundle = library.load("review-season-cold-email")
    outreach = next(c for c in bundle.scenario.checks if c.expect.passed is True).script.outreach
    replies = set()
    for seed in range(1, 51):
        session = run_script(bundle, Script(outreach=outreach), seed).session
        reply = next(t for t in session.transcript.turns if t.who == "persona")
        assert reply.data["group"] == "accept"
        replies.add(_template(bundle.persona, "accept", reply.text, session.values))
    assert len(replies) >= 4


def test_generated_details_stay_the_same_within_a_session(library: Library) -> None:
    """Every name a persona mentions is one of the session's recorded identities, and a
    replay with those identities says exactly the same lines."""
    bundle = library.load("review-season-cold-email")
    good = next(c for c in bundle.scenario.checks if c.expect.passed is True)
    session = run_script(bundle, good.script, 11).session
    ids = session.transcript.identities
    said = " ".join(t.text for t in session.transcript.turns if t.who == "persona")
    assert ids["colleague"] in said or ids["colleague2"] in said
    again = Session(bundle, 11, identities=dict(ids))
    replayed = run_script(bundle, good.script, 11, identities=dict(ids)).session
    assert [t.text for t in replayed.transcript.turns] == [t.text for t in session.transcript.turns]
    assert again.identities == ids
