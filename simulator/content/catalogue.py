"""The library's contents at a glance: scenarios and personas with their key facts.

``simulator list`` prints this and the app's home screen shows it; broken files are
listed as problems instead of stopping the listing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from simulator.content.errors import ContentLoadError
from simulator.content.library import Library
from simulator.content.loader import load_persona_file, load_scenario_file
from simulator.content.models import Scenario

LoadScenario = Callable[[Path, Library], Scenario]
"""How to load one scenario file; a client passes the checked loader (``authoring.load``),
so the listing refuses what ``validate`` refuses."""


def collect(load: LoadScenario | None = None) -> dict[str, Any]:
    """Scenarios and personas with their key facts; broken files listed as problems."""
    library = Library()
    scenarios, personas, problems = [], [], []
    for persona_id, path in library.files("personas").items():
        try:
            persona, _ = load_persona_file(path)
        except ContentLoadError as exc:
            problems += [str(e) for e in exc.errors]
            continue
        personas.append(
            {
                "id": persona_id,
                "name": persona.name or "(generated)",
                "role": persona.role,
                "archetype": persona.archetype,
                "origin": "built-in" if library.is_builtin(path) else "user",
            }
        )
    for scenario_id, path in library.files("scenarios").items():
        try:
            scenario = load(path, library) if load else load_scenario_file(path)[0]
        except ContentLoadError as exc:
            problems += [str(e) for e in exc.errors]
            continue
        meeting = scenario.stages.meeting
        scenarios.append(
            {
                "id": scenario_id,
                "title": scenario.title,
                "difficulty": scenario.difficulty,
                "field": scenario.field,
                "persona": scenario.persona,
                "stages": scenario.stage_names(),
                "minutes": meeting.minutes if meeting else None,
                "summary": scenario.summary,
                "origin": "built-in" if library.is_builtin(path) else "user",
            }
        )
    order = {"easy": 0, "medium": 1, "hard": 2}
    scenarios.sort(key=lambda s: (order[str(s["difficulty"])], str(s["id"])))
    return {"scenarios": scenarios, "personas": personas, "problems": problems}
