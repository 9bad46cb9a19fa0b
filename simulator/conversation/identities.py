"""Generated identities, without a UI: seeded names and companies for one session.

Generated once per session from its seed and then recorded in the transcript, so a
replay never depends on the Faker version installed.
"""

from __future__ import annotations

from typing import Any

from simulator.content.models import Persona, Scenario

_LEARNER_FALLBACK = "Alex Morgan"

PLACEHOLDERS = (
    "persona_name",
    "persona_first",
    "company",
    "learner_name",
    "learner_first",
    "colleague",
    "colleague2",
    "colleague3",
    "other_company",
    "other_company2",
    "minutes",
)
"""Values a line or brief may name as ``{name}`` (``remaining`` only in time_warning)."""


def generate(scenario: Scenario, persona: Persona, seed: int) -> dict[str, Any]:
    """Names for the persona, the company, the learner, colleagues and other companies."""
    from faker import Faker  # imported lazily: only sessions need it, not --help

    fake = Faker("en_US")
    fake.seed_instance(seed)
    persona_name = persona.name or fake.name()
    company = persona.company or fake.company()
    learner = scenario.learner.name or fake.name()
    colleagues: list[str] = []
    while len(colleagues) < 3:
        candidate = fake.first_name()
        if (
            candidate not in colleagues
            and candidate not in persona_name
            and candidate not in learner
        ):
            colleagues.append(candidate)
    others: list[str] = []
    while len(others) < 2:
        candidate = fake.company()
        if candidate not in others and candidate != company:
            others.append(candidate)
    first = persona_name.split()[0] if persona_name.split() else persona_name
    return {
        "persona_name": persona_name,
        "persona_first": first,
        "company": company,
        "learner_name": learner or _LEARNER_FALLBACK,
        "learner_first": (learner or _LEARNER_FALLBACK).split()[0],
        "colleague": colleagues[0],
        "colleague2": colleagues[1],
        "colleague3": colleagues[2],
        "other_company": others[0],
        "other_company2": others[1],
    }


def fill(template: str, values: dict[str, Any]) -> str:
    """Replace ``{name}`` placeholders with known values; anything else stays literal.

    Deliberately not ``str.format``: author text must never reach attribute lookups.
    """
    out: list[str] = []
    i = 0
    while i < len(template):
        ch = template[i]
        if ch == "{":
            end = template.find("}", i + 1)
            key = template[i + 1 : end] if end != -1 else ""
            if end != -1 and key.replace("_", "").isalnum() and key in values:
                out.append(str(values[key]))
                i = end + 1
                continue
        out.append(ch)
        i += 1
    return "".join(out)
