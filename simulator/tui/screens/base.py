"""What every screen of the app shares: typed access to the app and the way home."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from simulator.tui.app import SimulatorApp


class AppScreen(Screen[Any]):
    """A full screen of the simulator."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "home", "Home", tooltip="Back to the scenario library")
    ]

    @property
    def sim(self) -> SimulatorApp:
        return cast("SimulatorApp", self.app)

    def action_home(self) -> None:
        self.sim.go_home()


class PlayScreen(AppScreen):
    """A screen inside a play-through: leaving asks whether to keep it for later or discard it."""

    def action_home(self) -> None:
        attempt = self.sim.attempt
        if attempt is None or attempt.session.finished:
            self.sim.go_home()
            return
        from simulator.tui.screens.leave import LeaveScreen

        def leave(choice: str | None) -> None:
            if choice in ("keep", "discard"):
                self.sim.leave_attempt(keep=choice == "keep")

        self.app.push_screen(LeaveScreen(), leave)

    def action_toggle_hints(self) -> None:
        self.sim.action_toggle_hints()

    def hints_changed(self) -> None:
        """Called when coaching hints are turned on or off."""
