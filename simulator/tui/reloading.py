"""What the app does besides routing: hot reload of watched content, and NO_COLOR key marks.

A mixin of ``SimulatorApp`` (kept apart so the app module keeps one reason to change):
``simulator play --watch`` reloads a scenario when its files are saved and shows its
content errors instead of a crash; under ``NO_COLOR`` a footer key that cannot be used now
is crossed out, since greying it out is lost without colour.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding

if TYPE_CHECKING:
    from simulator.content import Bundle, ContentError
    from simulator.practice import Attempt
    from simulator.tui.watch import ContentWatcher


class ContentReloading(App[Any]):
    """Hot reload and key display for the simulator app (the state lives on the app)."""

    watch_ref: str | None
    watcher: ContentWatcher
    content_errors: list[ContentError]
    bundle: Bundle | None
    attempt: Attempt | None

    def go_home(self) -> None:
        """Back to the library (the app's own)."""
        raise NotImplementedError

    def open_briefing(self, bundle: Bundle) -> None:
        """Show a scenario's briefing (the app's own)."""
        raise NotImplementedError

    def _rewatch(self) -> None:
        from simulator.content import Library

        assert self.watch_ref is not None
        paths: set[Path] = set()
        with contextlib.suppress(Exception):
            paths.add(Library().scenario_path(self.watch_ref))
        if self.bundle is not None:
            paths.update(Path(p) for p in (self.bundle.scenario_source, self.bundle.persona_source))
        for error in self.content_errors:
            if Path(error.path).is_file():
                paths.add(Path(error.path))
        self.watcher.watch(paths)

    def _poll_content(self) -> None:
        if self.watcher.changed():
            self.reload_content()

    def reload_content(self) -> None:
        """Load the watched scenario again; show its errors or restart the session."""
        from simulator.authoring.load import load_checked
        from simulator.content import ContentLoadError, Library

        assert self.watch_ref is not None
        try:
            bundle = load_checked(self.watch_ref, Library())
        except ContentLoadError as exc:
            self.content_errors = list(exc.errors)
            self._rewatch()
            self.show_content_errors(self.content_errors)
            return
        self.content_errors = []
        self.bundle = bundle
        self._rewatch()
        self._dismiss_content_errors()
        if self.attempt is not None:
            self.attempt.close()
            self.attempt = None
        self.go_home()
        self.open_briefing(bundle)
        self.notify("Reloaded; the session starts again.", title="Content changed")

    def show_content_errors(self, errors: list[ContentError]) -> None:
        from simulator.tui.screens.content_errors import ContentErrorsScreen

        self._dismiss_content_errors()
        self.push_screen(ContentErrorsScreen(errors))

    def _dismiss_content_errors(self) -> None:
        from simulator.tui.screens.content_errors import ContentErrorsScreen

        if isinstance(self.screen, ContentErrorsScreen):
            self.pop_screen()

    def get_key_display(self, binding: Binding) -> str:
        """The key as the footer shows it; under NO_COLOR a key that cannot be used right now
        is marked with a cross (greying it out would be the only sign, and it is lost)."""
        shown = super().get_key_display(binding)
        if not self.no_color:
            return shown
        try:
            active = self.screen.active_bindings.get(binding.key)
        except Exception:  # no screen yet
            return shown
        if active is not None and active.binding is binding and not active.enabled:
            return f"\u2717{shown}"
        return shown
