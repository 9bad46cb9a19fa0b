"""The built-in library as a learner first meets it: enough scenarios, distinct personas,
every line group the engine asks for, and lines whose placeholders always fill in."""

from __future__ import annotations

import re

import pytest

from simulator.commands.list import collect
from simulator.content import Library
from simulator.content.loader import load_persona_file
from simulator.content.models import Persona
from simulator.conversation.identities import PLACEHOLDERS, fill, generate
from simulator.conversation.lines import STANDARD_GROUPS

ENGINE_GROUPS = (*STANDARD_GROUPS, "follow_up_accept", "follow_up_redirect", "small_talk")
"""Every group the session asks for by name (events add their own)."""
TOPICS = ("career_path", "day_to_day", "advice", "industry", "companies", "skills", "contacts")
PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)\}")
KNOWN = {*PLACEHOLDERS, "remaining"}
# Groups said before any time has been granted cannot name the minutes.
BEFORE_MINUTES = {"redirect", "follow_up_redirect", "thank_you_reply_warm", "thank_you_reply_cool"}


def _personas(library: Library) -> dict[str, Persona]:
    return {pid: load_persona_file(path)[0] for pid, path in library.files("personas").items()}


@pytest.fixture(scope="module")
def personas() -> dict[str, Persona]:
    return _personas(Library())


def test_list_shows_six_scenarios_across_difficulties_and_three_personas() -> None:
    data = collect()
    assert not data["problems"]
    assert len(data["scenarios"]) >= 6
    assert len(data["personas"]) >= 3
    assert {s["difficulty"] for s in data["scenarios"]} == {"easy", "medium", "hard"}
    used = {s["persona"] for s in data["scenarios"]}
    assert used == {p["id"] for p in data["personas"]}, "every persona is practised somewhere"


def test_scenarios_cover_every_stage_shape(library: Library) -> None:
    """Cold email, LinkedIn note, follow-up, meeting alone, thank-you alone all exist."""
    bundles = [library.load(sid) for sid in library.files("scenarios")]
    stages = [b.scenario.stages for b in bundles]
    assert any(
        s.outreach and s.outreach.channel == "linkedin" and s.outreach.max_chars == 300
        for s in stages
    )
    assert any(s.outreach and s.outreach.previous for s in stages)
    assert any(s.meeting and not s.outreach and s.meeting.events for s in stages)
    assert any(s.thank_you and s.thank_you.recap and not s.meeting for s in stages)
    assert any(s.outreach and s.meeting and s.thank_you for s in stages)
    assert library.load("review-season-cold-email").scenario.difficulty == "hard"


def test_every_persona_has_every_engine_group(personas: dict[str, Persona]) -> None:
    for pid, persona in personas.items():
        missing = [g for g in ENGINE_GROUPS if not persona.lines.get(g)]
        assert not missing, f"{pid} lacks {missing}"


def test_every_topic_has_at_least_four_alternative_answers(
    personas: dict[str, Persona],
) -> None:
    for pid, persona in personas.items():
        for topic in TOPICS:
            assert len(persona.lines[f"answer_{topic}"]) >= 4, f"{pid}: answer_{topic}"
        for group in ("meeting_open", "accept", "deflect_job", "deflect_salary", "time_warning"):
            assert len(persona.lines[group]) >= 4, f"{pid}: {group}"


def test_scenario_events_exist_in_their_persona(library: Library) -> None:
    for sid in library.files("scenarios"):
        bundle = library.load(sid)
        meeting = bundle.scenario.stages.meeting
        for event in meeting.events if meeting else []:
            assert bundle.persona.lines.get(event.line_group), f"{sid}: {event.line_group}"


def test_personas_are_distinct_people(personas: dict[str, Persona]) -> None:
    """Different voices, backstories and temperaments; no persona repeats a line of its own
    or borrows a sentence from another (a bare "Got it." may be anyone's)."""
    seen: dict[str, str] = {}
    for pid, persona in personas.items():
        assert persona.voice and persona.backstory and persona.pet_peeves and persona.never_says
        own: set[str] = set()
        for group, lines in persona.lines.items():
            for line in lines:
                key = line.strip().lower()
                assert key not in own, f"{pid}/{group} says {line!r} twice"
                own.add(key)
                if len(key.split()) < 6:
                    continue
                assert key not in seen, f"{pid}/{group} repeats {seen.get(key)}: {line!r}"
                seen[key] = f"{pid}/{group}"
    temperaments = {p.temperament.model_dump_json() for p in personas.values()}
    assert len(temperaments) == len(personas)
    assert {p.temperament.on_pitch for p in personas.values()} == {"redirect", "silence"}


def test_every_placeholder_is_known_and_said_when_it_has_a_value(
    personas: dict[str, Persona],
) -> None:
    for pid, persona in personas.items():
        for group, lines in persona.lines.items():
            for line in lines:
                names = set(PLACEHOLDER.findall(line))
                assert names <= KNOWN, f"{pid}/{group}: unknown {names - KNOWN} in {line!r}"
                if "remaining" in names:
                    assert group == "time_warning", f"{pid}/{group}: {{remaining}}"
                if "minutes" in names:
                    assert group not in BEFORE_MINUTES, f"{pid}/{group}: {{minutes}}"


def test_lines_fill_completely_with_generated_identities(library: Library) -> None:
    for sid in library.files("scenarios"):
        bundle = library.load(sid)
        for seed in (1, 2, 3):
            values = {**generate(bundle.scenario, bundle.persona, seed), "minutes": 15}
            values["remaining"] = 4
            for group, lines in bundle.persona.lines.items():
                for line in lines:
                    filled = fill(line, values)
                    assert "{" not in filled and "}" not in filled, f"{group}: {filled}"
            for text in (bundle.scenario.brief, *bundle.scenario.objectives):
                assert "{" not in fill(text, values), f"{sid}: {text}"
            if bundle.scenario.stages.thank_you:
                assert "{" not in fill(bundle.scenario.stages.thank_you.recap, values)


def test_generated_personas_are_written_about_as_they(personas: dict[str, Persona]) -> None:
    """Generated names can be any gender: no he/she/his/her about the persona or colleagues."""
    gendered = re.compile(r"\b(he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)
    for pid, persona in personas.items():
        texts = [persona.archetype, persona.season, persona.backstory, persona.voice]
        texts += [line for lines in persona.lines.values() for line in lines]
        for text in texts:
            assert not gendered.search(text), f"{pid}: {text!r}"
