"""One loader: every command refuses what ``validate`` refuses, the same way.

Each broken cross-reference below is a file that parses and fits its schema, so only the
cross-file checks can catch it. Every command must print the same ``path:line:col``
message and exit with the same code (1, documented in docs/authoring.md); ``play --watch``
shows the same message in the app instead, where saving a fix reloads the scenario.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

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
    "play --watch": ["play", "--watch", "draft"],
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
        if name.startswith("play"):
            continue  # needs a terminal or stdin; covered by the failures below
        code = main([a.replace("{script}", str(script)) for a in args])
        assert code == 0, (name, capsys.readouterr())
        capsys.readouterr()


class WatchedApp:
    """The real app, opened by ``play --watch`` and driven headless: what it shows first."""

    def __init__(self, options: Any) -> None:
        from simulator.tui import make_app

        self.app: Any = make_app(options)
        self.return_code: int | None = None
        self.shown = ""
        self.screen = ""

    def run(self) -> None:
        asyncio.run(self._drive())

    async def _drive(self) -> None:
        async with self.app.run_test(size=(220, 50)) as pilot:
            await pilot.pause()
            self.screen = type(self.app.screen).__name__
            parts = [str(getattr(w.render(), "plain", "")) for w in self.app.screen.query("Static")]
            self.shown = "\n".join(parts)
        self.return_code = self.app.return_code


def _play_watch(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> tuple[int, WatchedApp]:
    """``simulator play --watch`` as in a terminal, with the app run headless."""
    opened: list[WatchedApp] = []

    def factory(options: Any) -> WatchedApp:
        opened.append(WatchedApp(options))
        return opened[0]

    tty = SimpleNamespace(isatty=lambda: True)
    monkeypatch.setattr(
        "simulator.commands.play.sys", SimpleNamespace(stdin=tty, stdout=tty, stderr=sys.stderr)
    )
    monkeypatch.setattr("simulator.commands.play.default_app_factory", lambda: factory)
    code = main(args)
    assert opened, "the app never opened"
    return code, opened[0]


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("broken", sorted(BREAKS))
def test_every_command_refuses_a_broken_reference_the_same_way(
    broken: str,
    command: str,
    library_files: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The seven commands (and validate) print validate's own ``path:line:col`` line;
    ``play --watch`` shows it in the app, where saving a fix reloads the scenario."""
    scenario, persona = library_files
    which, old, new, message = BREAKS[broken]
    path = scenario if which == "scenario" else persona
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture lost {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    script = tmp_path / "script.yaml"
    script.write_text(SCRIPT, encoding="utf-8")

    assert main(["validate", "draft"]) == 1
    said = capsys.readouterr().out.splitlines()
    expected = next((x for x in said if message in x), None)
    assert expected is not None and expected.startswith(f"{scenario}:"), said

    args = [a.replace("{script}", str(script)) for a in COMMANDS[command]]
    if command == "play --watch":
        code, watched = _play_watch(monkeypatch, args)
        out = capsys.readouterr()
        assert watched.screen == "ContentErrorsScreen", watched.screen
        assert expected in watched.shown.splitlines(), watched.shown
        assert code == 0  # the app stays open on the errors until the author quits
        assert "nods and waits" not in watched.shown + out.out
        return
    monkeypatch.setattr("sys.stdin", open(script, encoding="utf-8"))  # noqa: SIM115
    code = main(args)
    out = capsys.readouterr()
    assert code == 1, (command, out)
    where = out.err if command != "validate" else out.out
    assert expected in where.splitlines(), (command, where)
    assert "nods and waits" not in out.out
