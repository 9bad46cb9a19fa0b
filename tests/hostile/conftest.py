"""Hostile-input tests: bounded hypothesis settings for the suite, a long fuzz on request.

The normal suite runs each property on a small, derandomized set of examples so CI is
stable and fast. ``SIMULATOR_FUZZ=1`` switches to a long, randomized run (examples from
``SIMULATOR_FUZZ_EXAMPLES``, default 2000); ``benchmarks/fuzz.py`` does that for you.
"""

from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, settings

from simulator.content import Bundle, Library, bundle_from_texts

FUZZ = os.environ.get("SIMULATOR_FUZZ") == "1"

settings.register_profile(
    "simulator-ci",
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "simulator-fuzz",
    max_examples=int(os.environ.get("SIMULATOR_FUZZ_EXAMPLES", "2000")),
    deadline=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    print_blob=True,
)
BOUNDED = settings.get_profile("simulator-fuzz" if FUZZ else "simulator-ci")
"""Decorate every property test with this (it never changes other tests' settings)."""


def builtin_texts() -> tuple[str, str]:
    """The main scenario's and its persona's YAML texts."""
    bundle = Library().load("review-season-cold-email")
    return bundle.scenario_text, bundle.persona_text


def hostile_bundle(
    *,
    line: str | None = None,
    brief_extra: str = "",
    phrases: list[str] | None = None,
    scenario_changes: dict | None = None,
) -> Bundle:
    """The main scenario with hostile author text: ``line`` replaces every persona line
    (so whatever the persona says is that text) and ``phrases`` extend the lexicon."""
    scenario_text, persona_text = builtin_texts()
    scenario = yaml.safe_load(scenario_text)
    persona = yaml.safe_load(persona_text)
    if line is not None:
        persona["lines"] = {group: [line] * len(lines) for group, lines in persona["lines"].items()}
    scenario["brief"] = scenario["brief"] + brief_extra
    if phrases:
        scenario["lexicon"] = {"job_pitch": phrases, "acknowledges_busy": phrases}
    scenario.update(scenario_changes or {})
    scenario.pop("checks", None)
    return bundle_from_texts(
        yaml.safe_dump(scenario, allow_unicode=True),
        yaml.safe_dump(persona, allow_unicode=True),
        "hostile-scenario.yaml",
        "hostile-persona.yaml",
    )
