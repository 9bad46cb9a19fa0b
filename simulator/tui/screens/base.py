"""What every screen of the app shares: typed access to the app and the way home."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer

if TYPE_CHECKING:
    from simulator.tui.app import SimulatorApp


class AppScreen(Screen[Any]):
    """A full screen of the simulator."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "home", "Home", tooltip="Back to the scenario library")
    ]

    _debounce_timer: Timer | None = None

    @property
    def sim(self) -> SimulatorApp:
        """The simulator app this screen belongs to."""
        return cast("SimulatorApp", self.app)

    def debounced(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once typing pauses for the app's ``debounce`` seconds.

        With a debounce of 0 (the tests) it runs at once, so nothing waits on a clock.
        """
        if self._debounce_timer is not None:
            self._debounce_timer.stop()
            self._debounce_timer = None
        if self.sim.debounce <= 0:
            callback()
        else:
            self._debounce_timer = self.set_timer(self.sim.debounce, callback)

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
