"""The app in one browser tab: ``python -m simulator.tui.web_tab``, started by textual-serve.

Every tab is its own process (textual-serve starts one per websocket), so it has its
own session and journal. What it needs comes from its environment, set by ``simulator
serve`` / ``simulator classroom`` when the server started (never from a request):

- ``SIMULATOR_TAB_ASSIGNMENT``: open on this assignment; the learner gives their name
  first (checked like ``--student``). If that name has an unfinished session of this
  assignment (a tab closed mid-meeting), it resumes where it stopped;
- ``SIMULATOR_TAB_SUBMIT``: the class server's submission address; a finished session
  is sent there and the learner sees the receipt, or the server's reason for refusing.
  A copy is always written to the tab's own submissions folder first.

Without an assignment the tab is the ordinary app, at the scenario library.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn

from textual.app import App
from textual.binding import Binding, BindingType

from simulator.tui.app import SimulatorApp

if TYPE_CHECKING:
    from simulator.homework import Assignment, AssignmentRun
    from simulator.practice import Report, Session

ENV_ASSIGNMENT = "SIMULATOR_TAB_ASSIGNMENT"
ENV_SUBMIT = "SIMULATOR_TAB_SUBMIT"
HEARTBEAT = 60.0


class ClassroomApp(SimulatorApp):
    """The simulator for one learner in one browser tab."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f7", "send_again", "Send again", show=False, id="send-again"),
    ]

    def __init__(
        self, assignment_path: Path, assignment: Assignment, submit_url: str | None
    ) -> None:
        super().__init__(
            seed=1,
            mode="exam" if assignment.mode == "exam" else "practice",
            title=assignment.title,
            hints=assignment.hints,
        )
        self.assignment_path = assignment_path
        self.assignment = assignment
        self.submit_url = submit_url
        self.tab_id = secrets.token_hex(6)
        self.tab_run: AssignmentRun | None = None
        self.unsent: Path | None = None
        self._resumed: Any | None = None
        """The learner's unfinished session of this assignment, once they gave their name."""
        """The last submission the server did not take (F7 sends it again)."""

    def run(self, **options: Any) -> int | None:
        # textual-serve's web driver talks over pipes: skip the "needs a terminal" check.
        return App.run(self, **options)

    def on_mount(self) -> None:
        # Textual runs SimulatorApp.on_mount too (after this one): ask once Home is up.
        self.call_later(self._ask_name)
        self.set_interval(HEARTBEAT, self._heartbeat, name="class-heartbeat")

    def _ask_name(self) -> None:
        from simulator.tui.screens.student_name import StudentNameScreen

        briefing = [
            f"Assignment: {self.assignment.title}",
            f"Scenario: {self.assignment.scenarios[0].title}",
        ]
        if self.assignment.notes:
            briefing.append(f"Notes from your coach: {self.assignment.notes}")
        self.push_screen(StudentNameScreen(briefing, self._check_name), self._named)

    def on_unmount(self) -> None:
        # SimulatorApp.on_unmount (run by Textual as well) closes the attempt's journal.
        if self.tab_run is not None:
            self._event("left")

    # ------------------------------------------------------------------ name and start
    def _check_name(self, name: str) -> str | None:
        from simulator.homework import HomeworkError, open_assignment

        if not name.strip():
            return "Type your name first."
        from simulator.storage import LockedError

        try:
            self.tab_run = open_assignment(self.assignment_path, name)
            self._resumed = resumed_attempt(self.tab_run)
        except HomeworkError as exc:
            return str(exc)
        except LockedError:
            return (
                "Your session is still open in another tab or window. Close that one, "
                "then press Enter here again."
            )
        return None

    def _named(self, _name: str | None) -> None:
        from simulator.storage import StorageError

        assert self.tab_run is not None
        run = self.tab_run
        self.seed = run.seed
        self.bundle = run.bundle
        try:
            self.attempt = self._resumed or run.start_attempt(client="web")
        except StorageError as exc:
            self.notify(str(exc), title="Cannot start", severity="error", markup=False)
            return
        self._event("joined")
        self.route()

    def route(self, draft: dict[str, Any] | None = None, since: int | None = None) -> None:
        super().route(draft, since)
        if self.tab_run is not None:
            self._event("playing")

    # ------------------------------------------------------------------ submitting
    def finish_attempt(self) -> None:
        assert self.attempt is not None
        self.on_finish = self._submit
        super().finish_attempt()
        self._event("playing")  # the dashboard shows the stage as "finished"

    def _submit(self, session: Session, report: Report) -> None:
        """Submit as every client does (``AssignmentRun.submit`` writes the file here), then
        send that file to the class server when there is one."""
        from simulator.homework import HomeworkError

        run = self.tab_run
        if run is None:
            return
        recorder = self.attempt.recorder if self.attempt is not None else None
        try:  # with its journal: a failure leaves it "finished, not submitted", not lost
            saved = run.submit(session, report, journal=recorder.journal_path if recorder else None)
        except HomeworkError as exc:
            from simulator.homework.pending import KEPT_HINT

            reason = str(exc).replace(KEPT_HINT, "").strip()
            kept = " Your finished session is kept on this server: tell your coach."
            self.notify(
                f"Not submitted: {reason}{kept}", severity="error", timeout=120, markup=False
            )
            return
        if self.submit_url is None:
            self.notify(f"Submitted: {saved}", title="Homework", timeout=30, markup=False)
            return
        self.unsent = saved
        self.run_worker(lambda: self._send(saved), thread=True, name="submit")

    def _send(self, saved: Path) -> None:
        from simulator.classroom.client import SubmitError, send_submission

        assert self.submit_url is not None
        try:
            receipt = send_submission(self.submit_url, saved.read_bytes())
        except (SubmitError, OSError) as exc:
            self.call_from_thread(
                self.notify,
                f"{exc}. Press F7 to send it again.",
                title="Not received by your coach",
                severity="error",
                timeout=120,
                markup=False,
            )
            return
        self.unsent = None
        self.call_from_thread(
            self.notify, receipt.line(), title="Submitted", timeout=120, markup=False
        )

    def action_send_again(self) -> None:
        saved = self.unsent
        if saved is not None and self.submit_url is not None:
            self.run_worker(lambda: self._send(saved), thread=True, name="submit")

    # ------------------------------------------------------------------ presence
    def _heartbeat(self) -> None:
        if self.tab_run is not None:
            self._event("playing")

    def _event(self, kind: str) -> None:
        from simulator.classroom.client import send_event

        if self.submit_url is None or self.tab_run is None:
            return
        stage = ""
        if self.attempt is not None:
            stage = "finished" if self.attempt.session.finished else self.attempt.session.state.name
        url, name, tab = self.submit_url, self.tab_run.student, self.tab_id
        if kind == "left":  # the process is ending: send it now, briefly
            send_event(url, kind, name, tab, stage)
        else:
            self.run_worker(lambda: send_event(url, kind, name, tab, stage), thread=True)


def resumed_attempt(run: AssignmentRun, *, wait: float = 3.0) -> Any | None:
    """This student's newest unfinished session of this assignment, resumed; else None.

    A journal still locked by another process (the tab just closed is still exiting) is
    tried again for ``wait`` seconds; then LockedError: it is open in another tab.
    """
    from simulator.homework.assignment import student_key
    from simulator.practice import Attempt
    from simulator.recorder import Recorder, ResumeError
    from simulator.storage import Journal, LockedError, StorageError, journals

    key = student_key(run.student)
    for path in sorted(journals(), reverse=True):
        try:
            contents = Journal.read(path)
        except StorageError:
            continue
        meta = contents.header.get("meta")
        if contents.finished or not isinstance(meta, dict):
            continue
        if meta.get("assignment") != run.assignment.id:
            continue
        if contents.header.get("scenario") != run.entry.id:
            continue
        if student_key(str(meta.get("student", ""))) != key:
            continue
        deadline = time.monotonic() + wait
        while True:
            try:
                return Attempt.resumed(Recorder.resume(path))
            except LockedError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.2)
            except (ResumeError, StorageError):
                break
    return None


def main() -> int:
    """Open the tab's app (an assignment from the environment, or the library)."""
    path = os.environ.get(ENV_ASSIGNMENT)
    submit = os.environ.get(ENV_SUBMIT) or None
    if not path:
        app: SimulatorApp = SimulatorApp()
        App.run(app)
        return int(app.return_code or 0)
    from simulator.homework import load_assignment

    assignment = load_assignment(Path(path))
    classroom = ClassroomApp(Path(path), assignment, submit)
    classroom.run()
    return int(classroom.return_code or 0)


def exit_now(code: int) -> NoReturn:
    """Flush the tab's output and end the process at once, skipping interpreter shutdown.

    The web driver's reader thread may still be parked reading standard input when the
    app returns; shutdown would then close that stream under it, and CPython aborts the
    process (SIGABRT, "could not acquire lock ... at interpreter shutdown") after a clean
    close. Every turn is already on disk (journals are written and closed by the app)."""
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    try:
        exit_code = main()
    except SystemExit as exc:
        exit_code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
        exit_code = 1
    exit_now(exit_code)
