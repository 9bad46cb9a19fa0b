"""Every trait in the persona file either changes behaviour or is documented as display-only.

The table in docs/authoring.md ("Which persona traits change behaviour") must name every
field of a persona; the traits it calls display-only must change nothing in a session or
its grade, and the ones it says feed the paste check must do so.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from simulator.content import Bundle, Library
from simulator.content.models import Persona, Script
from simulator.conversation.judgement import judge
from simulator.conversation.scripted import run_script
from simulator.grading import grade

DOCS = Path(__file__).parents[2] / "docs" / "authoring.md"
LEARNERS: dict[str, Any] = yaml.load(  # libyaml's parser: each xdist worker loads it at collection
    (Path(__file__).parents[1] / "library" / "learners.yaml").read_text(encoding="utf-8"),
    Loader=yaml.CSafeLoader,
)


def traits_table() -> dict[str, str]:
    """Each trait the docs table names, with the effect it gives."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("### Which persona traits change behaviour", 1)[1].split("\n## ", 1)[0]
    table: dict[str, str] = {}
    for row in section.splitlines():
        if not row.startswith("| `"):
            continue
        names, effect = row.strip("|").split("|", 1)
        for name in re.findall(r"`([a-z_]+)`", names):
            table[name] = effect.strip()
    return table


@pytest.fixture(scope="module")
def nurse() -> Bundle:
    return Library().load("nurse-flu-season")


def test_every_persona_field_is_in_the_traits_table() -> None:
    table = traits_table()
    missing = set(Persona.model_fields) - set(table)
    assert not missing, f"persona traits not documented in docs/authoring.md: {missing}"
    assert "display-only" in table["voice"] and "display-only" in table["pet_peeves"]


@pytest.mark.parametrize("which", ["good", "bad"])
def test_display_only_traits_change_nothing_in_a_session_or_its_grade(
    nurse: Bundle, which: str
) -> None:
    display_only = [name for name, effect in traits_table().items() if "display-only" in effect]
    assert set(display_only) == {"voice", "pet_peeves"}
    changed = nurse.persona.model_copy(
        update={"voice": "Loud, slow, and fond of jokes.", "pet_peeves": ["Typos", "Jargon"]}
    )
    script = Script.model_validate(LEARNERS["nurse-flu-season"][which])
    plays = []
    for persona in (nurse.persona, changed):
        bundle = replace(nurse, persona=persona)
        session = run_script(bundle, script, 4).session
        report = grade(session.transcript, nurse.scenario, session.lexicon)
        plays.append(([(t.who, t.text) for t in session.transcript.turns], report.score))
    assert plays[0] == plays[1]


@pytest.mark.parametrize("trait", ["advice", "backstory"])
def test_advice_and_backstory_are_read_by_the_paste_check(nurse: Bundle, trait: str) -> None:
    """Never shown to the learner, but a learner repeating them earns no credit."""
    value = getattr(nurse.persona, trait)
    said = value[0] if isinstance(value, list) else value
    assert said, f"the nurse persona has no {trait}"
    pasted = judge(said, "meeting", nurse.persona, nurse.scenario)
    assert pasted.context.echoes and pasted.reading.has("no_intent")
    without = nurse.persona.model_copy(update={trait: [] if isinstance(value, list) else ""})
    fresh = judge(said, "meeting", without, nurse.scenario)
    assert not fresh.context.echoes
