"""Generated identities, without a UI: seeded names and companies for one session.

Generated once per session from its seed and then recorded in the transcript, so a
replay never depends on the Faker version installed.
"""

from __future__ import annotations

import re
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
    persona_name = persona.name or person_name(fake)
    company = persona.company or fake.company()
    learner = scenario.learner.name or person_name(fake)
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
    start_weekday = fake.random_int(0, 4)
    return {
        "start_weekday": str(start_weekday),  # identities are strings in a transcript
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


_HONORIFICS = ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "rev")
_SUFFIXES = ("md", "dds", "phd", "jr", "sr", "ii", "iii", "iv", "v", "dvm", "esq")
TITLES = frozenset((*_HONORIFICS, *_SUFFIXES))
"""Honorifics and suffixes Faker may put around a name: never part of a person's name here."""


def is_clean_name(name: str) -> bool:
    """Whether ``name`` is a first and a last name only: no title, no suffix."""
    parts = name.split()
    return len(parts) == 2 and not any(p.strip(".,").lower() in TITLES for p in parts)


def person_name(fake: Any) -> str:
    """A first and last name from the seeded Faker: never a title ("Mr.") or suffix ("MD")."""
    for _ in range(20):
        name = f"{fake.first_name()} {fake.last_name()}"
        if is_clean_name(name):
            return name
    return _LEARNER_FALLBACK


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
    return _ONE_MINUTE.sub(r"\1 minute", "".join(out))


_ONE_MINUTE = re.compile(r"\b(1|one|One) minutes\b")
"""A filled "{remaining} minutes" must read "1 minute", not "1 minutes"."""
