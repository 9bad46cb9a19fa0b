"""One played attempt, without Textual: a recorded session, its report, and rewinding it.

The app keeps exactly one ``Attempt`` per play-through. Every input goes through the
``Recorder`` (journal fsync'd per turn before anything is shown); finishing saves the
attempt. Rewinding starts a *new* attempt that replays the learner's earlier inputs with
the same seed and generated names, so the original attempt is kept untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from simulator.content import Bundle
from simulator.conversation import Input, Session, Turn, parse_input
from simulator.grading import Report, grade
from simulator.recorder import Recorder
from simulator.storage import StorageError

FinishHook = Callable[[Session, Report], None]


class Attempt:
    """A session wrapped in its recorder, with the report once it is over."""

    def __init__(
        self,
        bundle: Bundle,
        seed: int,
        *,
        mode: str = "practice",
        identities: dict[str, Any] | None = None,
        meta: dict[str, Any] | None = None,
        journal_folder: Path | None = None,
        attempts_folder: Path | None = None,
        recorder: Recorder | None = None,
    ) -> None:
        self.bundle = bundle
        self.seed = seed
        self.mode = mode
        if recorder is not None and recorder.session is not None:
            # A resumed session: its journal is already open and its turns replayed.
            self.recorder = recorder
            self.session: Session = recorder.session
        else:
            self.recorder = Recorder(
                bundle,
                seed,
                meta={"client": "tui", "mode": mode, **(meta or {})},
                journal_folder=journal_folder,
                attempts_folder=attempts_folder,
            )
            self.session = self.recorder.start(identities)
        self.report: Report | None = None
        self.storage_problem: str | None = None
        """Why the attempt could not be saved (the session itself is kept in memory)."""

    # ------------------------------------------------------------------ facts
    @property
    def session_id(self) -> str:
        return self.recorder.session_id

    @property
    def saved_to(self) -> Path | None:
        return self.recorder.saved_to

    @property
    def journal_path(self) -> Path | None:
        journal = self.recorder.journal
        return journal.path if journal else None

    def learner_turns(self) -> list[Turn]:
        """The turns a rewind can go back to (each learner input, in order)."""
        return self.session.transcript.learner_turns()

    # ------------------------------------------------------------------ play
    def send(self, item: Input) -> list[Turn]:
        """Send one input; the turns are journalled before this returns.

        Raises ``InputError`` (nothing recorded) or ``StorageError`` (the turns happened and
        are in ``session.transcript``; the journal could not be written).
        """
        return self.session.send(item)

    def finish(self, on_finish: FinishHook | None = None) -> Report:
        """Grade and save the finished session (once); a failed save keeps the report."""
        if self.report is not None:
            return self.report
        try:
            self.report = self.recorder.finish()
        except StorageError as exc:
            self.storage_problem = str(exc)
            session = self.session
            self.report = grade(session.transcript, session.scenario, session.lexicon)
        if on_finish is not None:
            on_finish(self.session, self.report)
        return self.report

    def close(self) -> None:
        self.recorder.close()

    # ------------------------------------------------------------------ rewind
    def rewind(self, learner_index: int) -> tuple[Attempt, dict[str, Any]]:
        """A new attempt replaying the inputs before learner turn ``learner_index``.

        Returns the new attempt and the original input at that index (the draft to edit).
        """
        inputs = self.session.transcript.inputs()
        if not 0 <= learner_index < len(inputs):
            raise IndexError(f"no learner turn {learner_index + 1}")
        new = Attempt(
            self.bundle,
            self.seed,
            mode=self.mode,
            identities=dict(self.session.identities),
            meta={"rewound_from": self.session_id, "rewound_at": learner_index + 1},
            journal_folder=self.recorder.journal_folder,
            attempts_folder=self.recorder.attempts_folder,
        )
        for raw in inputs[:learner_index]:
            new.send(parse_input(raw))
        return new, dict(inputs[learner_index])
