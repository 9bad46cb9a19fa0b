"""The simulator's entries in the command palette (Ctrl+P): places, toggles and scenarios."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand

from simulator.tui.literal import safe

if TYPE_CHECKING:
    from textual.screen import Screen

    from simulator.tui.app import SimulatorApp


def screen_commands(app: SimulatorApp, screen: Screen[Any]) -> Iterator[SystemCommand]:
    """The screen's own keys, as shown in its footer: every one of them can be found by name."""
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.show or not binding.description or not active.enabled:
            continue
        shown = app.get_key_display(binding)
        help_text = f"{active.tooltip or binding.tooltip or binding.description} (key {shown})"
        yield SystemCommand(
            binding.description,
            help_text,
            functools.partial(app.run_action, binding.action, active.node),
        )


def simulator_commands(app: SimulatorApp, screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Every place and action, searchable by name: the screen's keys first, then the places,
    then one entry per interrupted session and per loaded scenario."""
    from simulator.tui.screens.home import HomeScreen

    seen: set[str] = set()
    for command in screen_commands(app, screen):
        if command.title not in seen:
            seen.add(command.title)
            yield command
    for command in _places(app):
        if command.title not in seen:
            seen.add(command.title)
            yield command

    home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)
    if home is not None:
        for entry in home.resume_entries():
            yield SystemCommand(
                safe(entry.title),
                f"Continue where you stopped: {safe(entry.detail)}",
                functools.partial(app.resume_session, Path(entry.key)),
            )
        for entry in home.scenario_entries():
            yield SystemCommand(
                f"Play: {safe(entry.title)}",
                "Open this scenario's briefing",
                functools.partial(home.open_scenario, entry.key),
            )


def _places(app: SimulatorApp) -> Iterator[SystemCommand]:
    yield SystemCommand("Home", "Back to the scenario library", app.go_home)
    yield SystemCommand(
        "Check a draft", "Paste a real email and see how it reads", app.open_draft_check
    )
    yield SystemCommand("Past attempts", "Your saved attempts and reports", app.open_attempts)
    yield SystemCommand("Help", "Keys and how the simulator works", app.action_help)
    if app.mode == "practice":
        yield SystemCommand("Coaching hints", "Turn live hints on or off", app.action_toggle_hints)
    yield SystemCommand(
        "Settings",
        "Your saved settings and how to change them",
        functools.partial(show_settings, app),
    )


def show_settings(app: SimulatorApp) -> None:
    """The user's saved settings, in words, with the way to change each."""
    from simulator.settings import load_settings

    settings, _ = load_settings()
    app.notify(
        f"Seed {settings.default_seed}; coaching hints {'on' if settings.hints else 'off'}; "
        f"theme {settings.theme}; default scenario {settings.default_scenario}.\n"
        "Here: 'Coaching hints' and 'Theme' in this palette. "
        "For good: `simulator settings KEY VALUE` in a terminal.",
        title="Settings",
        timeout=12,
        markup=False,
    )
