"""Generated identities, without a UI: seeded names and companies for one session.

Generated once per session from its seed and then recorded in the transcript, so a
replay never depends on the Faker version installed.
"""

from __future__ import annotations

import math
import re
import threading
from bisect import bisect
from collections import OrderedDict
from itertools import accumulate
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


def generate(
    scenario: Scenario, persona: Persona, seed: int, *, learner_name: str | None = None
) -> dict[str, Any]:
    """Names for the persona, the company, the learner, colleagues and other companies.

    The learner is never given a made-up name: ``learner_name`` (the user's settings) or
    the scenario's ``learner.name``, else none at all (lines then address them without
    one, see ``fill``). A session later switches to the name the learner signs with."""
    fake = _seeded_faker(seed)
    persona_name = persona.name or person_name(fake)
    company = persona.company or fake.company()
    # Drawn and set aside so every other name a seed gives stays what it was before
    # learners stopped getting generated names (recorded checks and panels rely on it).
    person_name(fake)
    learner = " ".join((learner_name or scenario.learner.name or "").split())
    colleagues: list[str] = []
    while len(colleagues) < 3:
        candidate = fake.first_name()
        if (
            candidate not in colleagues
            and candidate not in persona_name
            and (not learner or candidate not in learner)
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
        "learner_name": learner,
        "learner_first": learner.split()[0] if learner else "",
        "colleague": colleagues[0],
        "colleague2": colleagues[1],
        "colleague3": colleagues[2],
        "other_company": others[0],
        "other_company2": others[1],
    }


_FAKERS = threading.local()


def _seeded_faker(seed: int) -> Any:
    """This thread's en_US Faker, reseeded: the same names as a new ``Faker`` given ``seed``.

    Building a Faker loads two dozen providers (about 2 ms, more than the rest of a
    session's start); reseeding replaces its random state whole, so one instance per
    thread serves every session. Per thread: the app reads and starts work in threads."""
    fake = getattr(_FAKERS, "fake", None)
    if fake is None:
        from faker import Faker  # imported lazily: only sessions need it, not --help

        fake = _FAKERS.fake = Faker("en_US")
        for provider in fake.get_providers():
            _draw_weighted_from_cache(provider)
    fake.seed_instance(seed)
    return fake


_CUMULATIVE: dict[int, tuple[Any, tuple[Any, ...], list[float]]] = {}
"""Per weighted table (by identity, the table kept alive): its keys and running totals."""


def _draw_weighted_from_cache(provider: Any) -> None:
    """Make ``provider`` draw one item from a weighted table without rebuilding its totals.

    Faker draws a first or last name from a table of about a thousand weighted names: on
    every draw it copies the weights and adds them up again (``random.choices(weights=)``),
    about 85% of a session's identities (0.6 ms of its start). The running totals of a
    table are kept here and drawn from as ``random.choices`` does (one ``random()``, the
    same bisection), so each seed gives the same names; anything else goes to Faker's own
    ``random_elements``. Faker's tables are module constants, never edited."""
    own = provider.random_elements
    if not getattr(provider, "__use_weighting__", False):
        return

    def random_elements(
        elements: Any = ("a", "b", "c"),
        length: int | None = None,
        unique: bool = False,
        use_weighting: bool | None = None,
    ) -> Any:
        if length != 1 or unique or use_weighting is not None or type(elements) is not OrderedDict:
            return own(elements, length, unique, use_weighting)
        known = _CUMULATIVE.get(id(elements))
        if known is None or known[0] is not elements:
            keys = tuple(elements.keys())
            totals = list(accumulate(elements.values()))
            if len(keys) != len(elements) or not totals or not 0 < totals[-1] < math.inf:
                return own(elements, length, unique, use_weighting)
            known = _CUMULATIVE[id(elements)] = (elements, keys, totals)
        _, keys, totals = known
        total = totals[-1] + 0.0
        return [keys[bisect(totals, provider.generator.random.random() * total, 0, len(keys) - 1)]]

    provider.random_elements = random_elements


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

    A learner with no name is addressed without one: "Hi {learner_first}, thanks" reads
    "Hi, thanks" and "Thanks, {learner_first}." reads "Thanks.".
    Deliberately not ``str.format``: author text must never reach attribute lookups.
    """
    for key in ("learner_first", "learner_name"):
        if key in values and not values[key]:
            template = unnamed(template, key)
    if "{" in template:

        def value(match: re.Match[str]) -> str:
            key = match.group(1)
            if key.replace("_", "").isalnum() and key in values:
                return str(values[key])
            return match.group(0)

        template = _PLACEHOLDER.sub(value, template)
    return _ONE_MINUTE.sub(r"\1 minute", template)


_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
"""A ``{name}`` slot: the text up to the first closing brace, with no brace inside."""


def unnamed(template: str, key: str = "learner_first") -> str:
    """``template`` with the ``{key}`` placeholder taken out, punctuation kept sensible."""
    if "{" + key + "}" not in template:
        return template.strip()
    slot = re.escape("{" + key + "}")
    lead = re.match(r"\s*" + slot + r"[,.!]?\s*", template)
    if lead:  # "{learner_first}, hi. Coffee in hand" -> "Hi. Coffee in hand"
        rest = template[lead.end() :]
        template = rest[:1].upper() + rest[1:]
    template = re.sub(r",\s*" + slot + r"(?=\s*[.!?,;:]|\s*$)", "", template)  # "Thanks, X."
    template = re.sub(r"\s+" + slot + r"(?=[,.!?;:])", "", template)  # "Hi X, thanks"
    template = re.sub(r"\s*" + slot + r"\s*", " ", template)  # anywhere else
    return template.strip()


_ONE_MINUTE = re.compile(r"\b(1|one|One) minutes\b")
"""A filled "{remaining} minutes" must read "1 minute", not "1 minutes"."""
