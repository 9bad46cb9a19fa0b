"""Every built-in scenario's own checks pass, and prove both sides of the grading."""

from __future__ import annotations

import pytest

from simulator.checks import run_checks
from simulator.content import Library
from simulator.reading import PITCH_IDS

SCENARIOS = sorted(Library().files("scenarios"))


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_scenario_checks_pass(library: Library, scenario_id: str) -> None:
    run = run_checks(library.load(scenario_id))
    failed = [
        f"{r.name}: {r.error or '; '.join(r.differences)}" for r in run.results if not r.passed
    ]
    assert not failed, failed
    assert run.results


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_checks_reward_the_good_learner_and_fail_the_pitch(
    library: Library, scenario_id: str
) -> None:
    """At least one check expects a pass, and one expects a fail with named findings."""
    checks = library.load(scenario_id).scenario.checks
    assert any(c.expect.passed is True for c in checks), "no check shows what passing looks like"
    pitch_ids = set(PITCH_IDS)
    assert any(c.expect.passed is False and pitch_ids & set(c.expect.findings) for c in checks), (
        "no check shows a pitch failing, with the pitch named"
    )
