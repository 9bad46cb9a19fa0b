"""Acceptance: the simulator's grade agrees with an HR professional on the whole panel.

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
}
"""Entries still judged differently, each because the reader misreads a phrase (issue 12)."""
SECOND_PACK_FIELDS = {"healthcare", "education", "research", "engineering"}
"""The pack outside HR (issue 14): an HR professional's panel does not judge it; its own
checks and the scripted learners in tests/library/learners.yaml do."""


def test_the_panel_is_large_and_covers_every_builtin_hr_scenario(library: Library) -> None:
    assert len(ENTRIES) >= 80
    builtin = set(library.files("scenarios"))
    outside_hr = {s for s in builtin if library.load(s).scenario.field in SECOND_PACK_FIELDS}
    assert len(outside_hr) == 4  # the second pack is there, and only it is left out
    assert builtin - outside_hr == SCENARIOS_COVERED
    kinds = {e["kind"] for e in ENTRIES}
    assert {"ideal", "pitcher", "time", "gamer", "follow", "subtle"} <= kinds


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_grade_agrees_with_the_panel(entry: dict[str, Any], library: Library) -> None:
    if entry["id"] in KNOWN_DISAGREEMENTS:
        pytest.xfail("a known misreading by the reader (issue 12)")
    judged = play(entry, library)
    assert judged.agrees, judged.describe()
