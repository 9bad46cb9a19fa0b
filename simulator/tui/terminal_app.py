"""TerminalApp: a Textual app that leaves the terminal as it found it, whatever happens.

- Closing the terminal (SIGHUP) or a SIGTERM exits through Textual, which restores the
  terminal; without handlers the process dies in raw mode on the alternate screen.
- Without a terminal (a pipe, a closed stdin) it refuses at once instead of spinning.
- Titles, notifications and pastes pass through the one terminal sanitiser (``textsafe``).
- A crash report keeps the traceback but not each frame's local variables, which would
  print the learner's drafts and transcript.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from typing import Any

from textual import events
from textual.app import App
from textual.content import Content
from textual.notifications import SeverityLevel

from simulator.textsafe import printable
from simulator.tui import css_cache

NO_TERMINAL = (
    "simulator: the app needs a terminal; use `simulator play --plain` for pipes and screen readers"
)
SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

css_cache.install()  # every app shares parsed CSS (see simulator/tui/css_cache.py)


class TerminalApp(App[int]):
    """Base of the simulator app: signal handling, a terminal check, quiet crash reports."""

    def __init__(self) -> None:
        super().__init__()
        self._signal_loop: asyncio.AbstractEventLoop | None = None

    def run(self, *, headless: bool = False, **options: Any) -> int | None:
        """Run in the terminal; exit 2 with a message when there is no terminal to draw on."""
        if not headless and not (sys.stdin.isatty() and sys.stdout.isatty()):
            print(NO_TERMINAL, file=sys.stderr)
            raise SystemExit(2)
        if not headless:
            from simulator.tui import paste_guard

            paste_guard.install()
        return super().run(headless=headless, **options)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title: an assignment or scenario title may come from anyone."""
        return super().format_title(printable(title), printable(sub_title))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast whose text (often a path or an error about a user's file) is inert."""
        super().notify(
            printable(message),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    async def on_event(self, event: events.Event) -> None:
        """A paste (bracketed, so it may hold raw escape sequences) is made inert before
        any widget sees it: the learner's own text is drawn back to the terminal. Terminals
        (and tmux) send a pasted line break as a carriage return: it stays a line break."""
        if isinstance(event, events.Paste) and not event.is_forwarded:
            text = event.text.replace("\r\n", "\n").replace("\r", "\n")
            event.text = printable(text)
        await super().on_event(event)

    def _fatal_error(self) -> None:
        # Overrides Textual's crash report (pinned 8.2.8), which shows show_locals=True.
        import rich
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        traceback = Traceback(show_locals=False, width=None, suppress=[rich])
        self._exit_renderables.append(
            Segments(self.console.render(traceback, self.console.options))
        )
        self._close_messages_no_wait()

    def on_mount(self) -> None:
        # Not under tests (headless): handlers would outlive the app in the test process.
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for signum in SIGNALS:
            loop.add_signal_handler(signum, self._on_signal, signum)
        self._signal_loop = loop

    def on_unmount(self) -> None:
        if self._signal_loop is not None:
            for signum in SIGNALS:
                with contextlib.suppress(Exception):
                    self._signal_loop.remove_signal_handler(signum)
            self._signal_loop = None

    def _on_signal(self, signum: int) -> None:
        self.exit(return_code=128 + signum)
