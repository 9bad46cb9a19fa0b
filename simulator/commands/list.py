"""``simulator list``: the scenarios and personas in the library."""

from __future__ import annotations

import argparse
import sys

TYPE_CHECKING = False  # not ``typing.TYPE_CHECKING``: importing typing slows ``--help``
if TYPE_CHECKING:
    from typing import Any

NAME = "list"
HELP = "list the scenarios and personas you can practise with"
ORDER = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--field", help="only scenarios of this field (hr, healthcare, ...)")


def collect() -> dict[str, Any]:
    """Scenarios and personas with their key facts; broken files listed as problems."""
    from simulator.content import ContentLoadError, Library
    from simulator.content.loader import load_persona_file

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
    from simulator.authoring.load import load_checked

    for scenario_id, path in library.files("scenarios").items():
        try:
            scenario = load_checked(str(path), library).scenario
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


def run(args: argparse.Namespace) -> int:
    from simulator.commands._common import jsonable, write_stdout

    data = collect()
    if args.field:
        data["scenarios"] = [s for s in data["scenarios"] if s["field"] == args.field]
    failed = 1 if data["problems"] else 0  # EXIT_CONTENT, as every command (authoring.load)
    if args.json:
        write_stdout(jsonable(data))
        return failed
    lines = ["Scenarios:"]
    for s in data["scenarios"]:
        minutes = f"{s['minutes']} min" if s["minutes"] else "no meeting"
        lines.append(f"  {s['id']:<34} {s['difficulty']:<7} {minutes:<11} {s['title']}")
        lines.append(
            f"  {'':<34} {' -> '.join(s['stages'])}; persona {s['persona']}; field {s['field']}"
        )
    lines += ["", "Personas:"]
    for p in data["personas"]:
        lines.append(f"  {p['id']:<34} {p['role']}: {p['archetype']}")
    write_stdout("\n".join(lines))
    for problem in data["problems"]:
        print(problem, file=sys.stderr)
    return failed
