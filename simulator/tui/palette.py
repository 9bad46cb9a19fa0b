"""The simulator's entries in the command palette (Ctrl+P): places, toggles and scenarios."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from simulator.tui.app import SimulatorApp


def simulator_commands(app: SimulatorApp) -> Iterator[SystemCommand]:
    """Every place and action, searchable by name; one entry per loaded scenario."""
    from simulator.tui.screens.home import HomeScreen

    yield SystemCommand("Home", "Back to the scenario library", app.go_home)
    yield SystemCommand(
        "Check a draft", "Paste a real email and see how it reads", app.open_draft_check
    )
    yield SystemCommand("Past attempts", "Your saved attempts and reports", app.open_attempts)
    yield SystemCommand("Help", "Keys and how the simulator works", app.action_help)
    if app.mode == "practice":
        yield SystemCommand("Coaching hints", "Turn live hints on or off", app.action_toggle_hints)
    home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)
    if home is not None:
        for entry in home.resume_entries():
            yield SystemCommand(
                entry.title,
                f"Continue where you stopped: {entry.detail}",
                functools.partial(app.resume_session, Path(entry.key)),
            )
        for entry in home.scenario_entries():
            yield SystemCommand(
                f"Play: {entry.title}",
                "Open this scenario's briefing",
                functools.partial(home.open_scenario, entry.key),
            )
