"""One loader: every command refuses what ``validate`` refuses, the same way.

Each broken cross-reference below is a file that parses and fits its schema, so only the
cross-file checks can catch it. Every command must print the same ``path:line:col``
message and exit with the same code (1, documented in docs/authoring.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.cli import main
from simulator.content import Library

SCRIPT = "outreach: {subject: Hi, body: Could I have 15 minutes by phone?}\n"

BREAKS = {
    "line group renamed in the persona": (
        "persona",
        "  comp_committee_ping:",
        "  comp_ping:",
        "the persona has no line group 'comp_committee_ping'",
    ),
    "event names a missing group": (
        "scenario",
        "line_group: comp_committee_ping",
        "line_group: comp_comittee_ping",
        "the persona has no line group 'comp_comittee_ping'",
    ),
    "unknown persona": (
        "scenario",
        "persona: draft-persona",
        "persona: draft-persnoa",
        "no persona 'draft-persnoa'; did you mean 'draft-persona'?",
    ),
    "unknown blocker": (
        "scenario",
        "blockers: [asks_about_openings",
        "blockers: [asks_about_opening",
        "unknown signal 'asks_about_opening'; did you mean 'asks_about_openings'?",
    ),
    "unknown signal in a check": (
        "scenario",
        "findings: [question_career_path",
        "findings: [question_career",
        "unknown signal 'question_career'",
    ),
}


def write_library(home: Path) -> tuple[Path, Path]:
    """A valid scenario and persona in the user's library (ids draft, draft-persona)."""
    source = Library().load("review-season-meeting")
    (home / "scenarios").mkdir(parents=True)
    (home / "personas").mkdir(parents=True)
    persona_id = source.persona.id
    scenario = home / "scenarios" / "draft.yaml"
    text = source.scenario_text.replace(f"id: {source.scenario.id}", "id: draft")
    text = text.replace(f"persona: {persona_id}", "persona: draft-persona")
    scenario.write_text(text, encoding="utf-8")
    persona = home / "personas" / "draft-persona.yaml"
    persona.write_text(
        source.persona_text.replace(f"id: {persona_id}", "id: draft-persona"), encoding="utf-8"
    )
    return scenario, persona


COMMANDS = {
    "run": ["run", "draft", "--script", "{script}"],
    "play": ["play", "--plain", "draft"],
    "check": ["check", "draft"],
    "explore": ["check", "--explore", "3", "draft"],
    "graph": ["graph", "draft"],
    "list": ["list"],
    "validate": ["validate", "draft"],
}


@pytest.fixture
def library_files(home: Path) -> tuple[Path, Path]:
    return write_library(home)


def test_the_unbroken_files_work_in_every_command(
    library_files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "script.yaml"
    script.write_text(SCRIPT, encoding="utf-8")
    for name, args in COMMANDS.items():
        if name == "play":
            continue  # needs stdin; covered by the failures below
        code = main([a.replace("{script}", str(script)) for a in args])
        assert code == 0, (name, capsys.readouterr())
        capsys.readouterr()


@pytest.mark.parametrize("broken", sorted(BREAKS))
def test_every_command_refuses_a_broken_reference_the_same_way(
    broken: str,
    library_files: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scenario, persona = library_files
    which, old, new, message = BREAKS[broken]
    path = scenario if which == "scenario" else persona
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture lost {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    script = tmp_path / "script.yaml"
    script.write_text(SCRIPT, encoding="utf-8")
    seen: dict[str, str] = {}
    for name, args in COMMANDS.items():
        monkeypatch.setattr("sys.stdin", open(script, encoding="utf-8"))  # noqa: SIM115
        code = main([a.replace("{script}", str(script)) for a in args])
        out = capsys.readouterr()
        assert code == 1, (name, out)
        where = out.err if name != "validate" else out.out
        line = next((x for x in where.splitlines() if message in x), None)
        assert line is not None, (name, where)
        assert line.startswith(f"{scenario}:"), (name, line)
        seen[name] = line
        assert "nods and waits" not in out.out
    assert len(set(seen.values())) == 1, seen
