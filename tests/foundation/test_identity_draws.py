"""Identities drawn through the cached weighted tables are the ones Faker itself draws."""

from __future__ import annotations

from typing import Any

import pytest
from faker import Faker

from simulator.content import Library
from simulator.conversation import identities


def _all(seeds: range) -> list[dict[str, Any]]:
    """Every built-in scenario's identities for ``seeds`` (every other one with a learner
    name from settings, which changes which colleague names are kept)."""
    library = Library()
    drawn = []
    for ref in sorted(library.files("scenarios")):
        bundle = library.load(ref)
        for seed in seeds:
            learner = "Priya Raman" if seed % 2 else None
            drawn.append(
                identities.generate(bundle.scenario, bundle.persona, seed, learner_name=learner)
            )
    return drawn


def test_every_scenario_gets_the_names_fakers_own_draws_give(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seeds = range(0, 3000, 31)
    cached = _all(seeds)
    plain = Faker("en_US")  # draws with Faker's random_elements, totals rebuilt each time
    monkeypatch.setattr(identities._FAKERS, "fake", plain)
    assert _all(seeds) == cached
    assert identities._seeded_faker(1) is plain  # the comparison really used Faker's draws
    assert "random_elements" not in vars(plain.get_providers()[0])


def test_a_weighted_table_drawn_with_other_arguments_goes_to_faker() -> None:
    fake = identities._seeded_faker(5)
    person = next(p for p in fake.get_providers() if hasattr(p, "last_names"))
    plain = Faker("en_US")
    plain.seed_instance(5)
    reference = next(p for p in plain.get_providers() if hasattr(p, "last_names"))
    for length, unique in ((3, False), (4, True), (None, False)):
        assert person.random_elements(person.last_names, length=length, unique=unique) == (
            reference.random_elements(reference.last_names, length=length, unique=unique)
        )
    assert fake.last_name() == plain.last_name()
