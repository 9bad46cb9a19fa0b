"""The simulator app: screens for the library, a play-through, the report and history.

``build_app`` is the one factory for the CLI, assignments and tests. The app owns the
current ``Attempt`` and routes between screens by the session's stage; screens only
collect the learner's input and render what the engine returns. Screens are imported
when first shown, so the first frame costs little more than an empty Textual app.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from simulator.tui.reloading import ContentReloading
from simulator.tui.terminal_app import TerminalApp
from simulator.tui.watch import ContentWatcher

if TYPE_CHECKING:
    from simulator.content import Bundle, ContentError
    from simulator.practice import AppOptions, Attempt, FinishHook, Input, Mode, Turn

MIN_WIDTH, MIN_HEIGHT = 60, 18
THEMES = {"dark": "textual-dark", "light": "textual-light", "high-contrast": "ansi-dark"}
"""The user's theme setting (simulator.settings.THEMES) to Textual's theme names."""
WATCH_INTERVAL = 0.5
DEBOUNCE = 0.3
"""Seconds of no typing before live hints and the draft check re-read the text."""


class SimulatorApp(ContentReloading, TerminalApp):
    """Practise an informational-interview request with a busy persona."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/home.tcss"]
    TITLE = "Interview simulator"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", tooltip="Keys and how the simulator works", id="help"),
    ]
    learner_name: str | None = None  # the settings' name, until the learner signs one

    def __init__(
        self,
        bundle: Bundle | None = None,
        *,
        seed: int | None = 1,
        mode: Mode = "practice",
        on_finish: FinishHook | None = None,
        title: str | None = None,
        subtitle: str | None = None,
        watch: str | None = None,
        errors: list[ContentError] | None = None,
        resume: Attempt | None = None,
        hints: bool = True,
        theme: str | None = None,
        homework: Any = None,
        debounce: float | None = None,
    ) -> None:
        super().__init__()
        self.debounce = DEBOUNCE if debounce is None else debounce
        """Seconds of no typing before live analysis runs (0: at once, as in tests)."""
        self.homework = homework
        """A ``HomeworkDesk`` when playing an assignment (see ``simulator.tui.homework``)."""
        self.submitted_ids: set[str] = set()
        self.finish_notes: list[str] = []
        """What finishing the attempt said (submitted, not saved): lines of its report,
        never a toast over it."""
        if mode not in ("practice", "exam"):
            raise ValueError(f"mode must be 'practice' or 'exam', not {mode!r}")
        self.bundle = bundle
        self.seed = seed
        self._next_seed: int | None = None
        self.mode: Mode = mode
        self.on_finish = on_finish
        self.title = title or self.TITLE
        self.sub_title = subtitle or ("Exam" if mode == "exam" else "Practice")
        if homework is not None and not subtitle:
            self.sub_title = f"{self.sub_title} · due {homework.time_left()}"
        self.hints_on = mode == "practice" and hints
        self._theme_name = THEMES.get(theme or "")
        self.attempt: Attempt | None = None
        self.watch_ref = watch
        self.watcher = ContentWatcher()
        self.content_errors: list[ContentError] = list(errors or [])
        self._resume = resume

    # ------------------------------------------------------------------ lifecycle
    def seed_for_next(self) -> int:
        """The seed of the next attempt: pinned (--seed, settings) or fresh for each attempt,
        drawn once so the briefing shows the names the attempt will use."""
        from simulator.settings import attempt_seed

        if self._next_seed is None:
            self._next_seed = attempt_seed(self.seed)
        return self._next_seed

    def get_default_screen(self) -> Screen[Any]:
        """Home, not pushed over an empty screen (~60 ms); unpushed, its CSS is in CSS_PATH."""
        from simulator.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        if self._theme_name:
            self.theme = self._theme_name
        if self._resume is not None:
            self.attempt, self._resume = self._resume, None
            self.listen_for_storage(self.attempt)
            self.bundle = self.attempt.bundle
            self.route()
        elif self.bundle is not None:
            self.open_briefing(self.bundle)
        if self.watch_ref is not None:
            self._rewatch()
            self.set_interval(WATCH_INTERVAL, self._poll_content, name="content-watch")
            if self.content_errors:
                self.show_content_errors(self.content_errors)

    def on_unmount(self) -> None:
        if self.attempt is not None:
            self.attempt.close()

    def on_resize(self, event: events.Resize) -> None:
        from simulator.tui.screens.too_small import TooSmallScreen

        size = event.size  # self.size catches up a little later
        small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen(MIN_WIDTH, MIN_HEIGHT))
        elif not small and showing:
            self.pop_screen()

    # ------------------------------------------------------------------ navigation
    def go_home(self) -> None:
        """Back to the library (the current attempt's finished turns are journalled)."""
        from simulator.tui.screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def show(self, screen: Screen[Any]) -> None:
        """Show a screen in place of the current one, keeping Home underneath."""
        from simulator.tui.screens.home import HomeScreen

        if isinstance(self.screen, HomeScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def open_briefing(self, bundle: Bundle) -> None:
        from simulator.tui.screens.briefing import BriefingScreen

        self.bundle = bundle
        self.show(BriefingScreen(bundle))

    def action_help(self) -> None:
        from simulator.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def open_draft_check(self) -> None:
        from simulator.tui.screens.draft_check import DraftCheckScreen

        self.show(DraftCheckScreen(self.bundle))

    def open_attempts(self) -> None:
        from simulator.tui.screens.attempts import AttemptsScreen

        self.show(AttemptsScreen())

    # ------------------------------------------------------------------ playing
    def start_attempt(self, bundle: Bundle) -> None:
        """A fresh attempt at a scenario, straight to its first stage."""
        from simulator.practice import Attempt
        from simulator.storage import StorageError

        meta: dict[str, Any] | None = None
        if self.homework is not None:
            from simulator.tui.homework import attempt_meta

            meta = attempt_meta(self, bundle.scenario.id)
            if meta is None:
                return
        if self.attempt is not None:
            self.attempt.close()
        try:
            seed, name = self.seed_for_next(), self.learner_name
            self.attempt = Attempt(bundle, seed, mode=self.mode, meta=meta, learner_name=name)
            self._next_seed = None
        except StorageError as exc:
            self.notify(str(exc), title="Cannot start", severity="error", markup=False)
            return
        self.listen_for_storage(self.attempt)
        self.bundle = bundle
        self.route()

    def route(self, draft: dict[str, Any] | None = None, since: int | None = None) -> None:
        """Show the screen for the session's stage (``draft``: text to prefill)."""
        from simulator.practice import Stage

        assert self.attempt is not None
        session = self.attempt.session
        state = session.state
        if state in (Stage.outreach, Stage.thank_you):
            from simulator.tui.screens.composer import ComposerScreen

            kind = "outreach" if state is Stage.outreach else "thank_you"
            self.show(ComposerScreen(self.attempt, kind, draft=draft))
        elif state is Stage.waiting:
            if draft is not None and draft.get("action") == "follow_up":
                from simulator.tui.screens.composer import ComposerScreen

                self.show(ComposerScreen(self.attempt, "follow_up", draft=draft))
            else:
                self.show_inbox(since if since is not None else 0)
        elif state is Stage.meeting:
            from simulator.tui.screens.meeting import MeetingScreen

            text = str(draft.get("text", "")) if draft else ""
            self.show(MeetingScreen(self.attempt, draft=text))
        else:
            self.show_report()

    def leave_attempt(self, *, keep: bool) -> None:
        """Leave the unfinished attempt for Home: kept to resume later, or discarded.

        Discarding marks its journal finished (nothing is deleted) so it is not offered
        for resume again; keeping just closes it, as if the app had been closed.
        """
        from simulator.storage import StorageError

        attempt, self.attempt = self.attempt, None
        if attempt is not None:
            journal = attempt.recorder.journal if attempt.recorder else None
            if not keep and journal is not None and not attempt.session.finished:
                try:
                    journal.finish({"discarded": True})
                except StorageError as exc:
                    self.notify(str(exc), title="Could not discard", severity="error", markup=False)
            attempt.close()
        self.go_home()
        if keep:
            self.notify("Kept: resume it from Home whenever you like.", markup=False)

    def resume_session(self, path: Path) -> None:
        """Continue an interrupted session (from Home or the palette) where it stopped."""
        from simulator.practice import Attempt
        from simulator.recorder import Recorder, ResumeError
        from simulator.storage import StorageError

        try:
            recorder = Recorder.resume(path)
        except (ResumeError, StorageError, OSError) as exc:
            self.notify(str(exc), title="Cannot resume", severity="error", markup=False)
            return
        session = recorder.session
        assert session is not None
        meta = recorder.meta or {}
        if meta.get("assignment"):
            recorder.close()
            self.notify(
                "This session is homework: continue it with `simulator resume --last "
                "--assignment FILE` so it is submitted when you finish.",
                title="Homework",
                severity="warning",
                markup=False,
            )
            return
        if self.attempt is not None:
            self.attempt.close()
        self.attempt = Attempt.resumed(recorder)
        self.bundle = session.bundle
        self.route()

    def show_inbox(self, since: int) -> None:
        from simulator.tui.screens.inbox import InboxScreen

        assert self.attempt is not None
        self.show(InboxScreen(self.attempt, since))

    def send(self, item: Input) -> list[Turn] | None:
        """Send one input through the attempt; None (and a message) if it was refused.

        The turns reach the journal before this returns. When the session is over the
        attempt is graded and saved, and ``on_finish`` is called.
        """
        from simulator.practice import InputError
        from simulator.storage import StorageError

        assert self.attempt is not None
        transcript = self.attempt.session.transcript
        before = len(transcript.turns)
        try:
            turns = self.attempt.send(item)
        except InputError as exc:
            self.notify(str(exc), title="Not sent", severity="warning", markup=False)
            return None
        except StorageError as exc:
            self.notify(
                f"{exc}. The session goes on, but this turn is not on disk.",
                title="Could not save",
                severity="error",
                markup=False,
            )
            turns = transcript.turns[before:]
        if self.attempt.session.finished:
            self.finish_attempt()
        return turns

    def listen_for_storage(self, attempt: Attempt) -> None:
        """Show the attempt's storage problems (an unusable home, a full disk) as they
        happen, as plain mode prints them: the session goes on in memory."""
        attempt.listen(
            lambda notice: self.notify(
                notice, title="Not saved", severity="error", timeout=30, markup=False
            )
        )

    def finish_attempt(self) -> None:
        assert self.attempt is not None
        self.finish_notes = []
        self.attempt.finish(self.on_finish)
        if self.homework is not None:
            from simulator.tui.homework import submit_finished

            submit_finished(self, self.attempt)
        recorder = self.attempt.recorder
        problem = self.attempt.storage_problem or (recorder.problem if recorder else None)
        if problem:
            self.finish_notes.append(
                f"Attempt not saved: {problem}. Press E on the report to save it to another folder."
            )

    def show_report(self) -> None:
        from simulator.tui.screens.report import ReportScreen

        assert self.attempt is not None
        if self.attempt.report is None:
            self.finish_attempt()
        attempt, report = self.attempt, self.attempt.report
        assert report is not None
        notes = tuple(self.finish_notes)
        self.show(ReportScreen(report, attempt.session.transcript, attempt, notes=notes))

    def rewind(self, learner_index: int) -> None:
        """A new attempt replayed up to a learner turn, that turn's text ready to edit."""
        from simulator.practice import InputError
        from simulator.storage import StorageError

        assert self.attempt is not None
        old = self.attempt
        try:
            new, draft = old.rewind(learner_index)
        except (InputError, StorageError, IndexError) as exc:
            self.notify(str(exc), title="Cannot rewind", severity="error", markup=False)
            return
        old.close()
        self.attempt = new
        self.listen_for_storage(new)
        turns = old.learner_turns()
        number = turns[learner_index].n if learner_index < len(turns) else learner_index + 1
        self.notify(f"New attempt from turn {number}; the original is kept.", markup=False)
        self.route(draft=draft)

    def action_toggle_hints(self) -> None:
        if self.mode != "practice":
            return
        self.hints_on = not self.hints_on
        for screen in self.screen_stack:
            refresh = getattr(screen, "hints_changed", None)
            if refresh is not None:
                refresh()
        self.notify("Coaching hints on" if self.hints_on else "Coaching hints off")

    # ------------------------------------------------------------------ palette
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from simulator.tui.palette import simulator_commands

        yield from super().get_system_commands(screen)
        yield from simulator_commands(self, screen)


def build_app(
    bundle: Bundle | None = None,
    *,
    seed: int | None = 1,
    mode: Mode = "practice",
    on_finish: FinishHook | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    watch: str | None = None,
    errors: list[ContentError] | None = None,
    resume: Attempt | None = None,
    hints: bool = True,
    theme: str | None = None,
    homework: Any = None,
    debounce: float | None = None,
) -> SimulatorApp:
    """The app for the CLI, assignments and tests.

    ``bundle`` opens straight into that scenario's briefing; ``mode="exam"`` turns off
    coaching hints, retry and rewind; ``on_finish(session, report)`` is called once when
    the session is graded; ``watch`` (a scenario id or path) reloads it on save;
    ``resume`` (an ``Attempt`` around a resumed session) opens at the session's stage;
    ``hints`` and ``theme`` come from the user's settings; ``homework`` (a
    ``HomeworkDesk``) limits the library to the assignment, shows its rules and submits
    each finished session; ``debounce`` is how long typing must pause before live
    analysis runs (default ``DEBOUNCE``; 0 in tests).
    """
    return SimulatorApp(
        bundle,
        seed=seed,
        mode=mode,
        on_finish=on_finish,
        title=title,
        subtitle=subtitle,
        watch=watch,
        errors=errors,
        resume=resume,
        hints=hints,
        theme=theme,
        homework=homework,
        debounce=debounce,
    )


def make_app(options: AppOptions) -> SimulatorApp:
    """The app from a client's ``AppOptions`` (the ``AppFactory`` commands are given)."""
    app = build_app(
        options.bundle,
        seed=options.seed,
        mode=options.mode,
        on_finish=options.on_finish,
        title=options.title,
        watch=options.watch,
        errors=list(options.errors),
        resume=options.resume,
        hints=options.hints,
        theme=options.theme,
        homework=options.homework,
    )
    app.learner_name = options.learner_name
    return app
