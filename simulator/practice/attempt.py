"""One played attempt, without a UI: a recorded session, previews, its report, rewinding.

Every client that lets a person play (the app, plain mode, ``play``, ``resume``,
homework) keeps one ``Attempt`` per play-through. Every input goes through the
``Recorder`` (journal fsync'd per turn before anything is shown); ``finish`` grades the
session once, saves it, and calls the finish hook once. Rewinding starts a *new*
attempt that replays the learner's earlier inputs with the same seed and generated
names, so the original attempt is kept untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, Protocol

from simulator.content import Bundle
from simulator.conversation import Input, Session, Turn, parse_input
from simulator.conversation.judgement import Judgement
from simulator.grading import Report
from simulator.practice.scoring import report_on
from simulator.recorder import Recorder
from simulator.storage import StorageError

Mode = Literal["practice", "exam"]
FinishHook = Callable[[Session, Report], None]


class Submitter(Protocol):
    """Where a finished session goes to be marked (an assignment run, for homework)."""

    def submit(self, session: Session, report: Report, *, journal: Path | None = None) -> Path:
        """Write the submission; returns where it went (``journal``: the session's
        journal, marked submitted once the file is written)."""
        ...


class Attempt:
    """A session wrapped in its recorder, with the report once it is over."""

    def __init__(
        self,
        bundle: Bundle,
        seed: int,
        *,
        mode: Mode = "practice",
        client: str = "tui",
        identities: dict[str, Any] | None = None,
        meta: dict[str, Any] | None = None,
        journal_folder: Path | None = None,
        attempts_folder: Path | None = None,
        recorder: Recorder | None = None,
        record: bool = True,
        learner_name: str | None = None,
    ) -> None:
        self.bundle = bundle
        self.seed = seed
        self.mode: Mode = mode
        self.recorder: Recorder | None
        if recorder is not None and recorder.session is not None:
            # A resumed session: its journal is already open and its turns replayed.
            self.recorder = recorder
            self.session: Session = recorder.session
        elif record:
            self.recorder = Recorder(
                bundle,
                seed,
                meta={"client": client, "mode": mode, **(meta or {})},
                journal_folder=journal_folder,
                attempts_folder=attempts_folder,
            )
            self.session = self.recorder.start(identities, learner_name=learner_name)
        else:
            self.recorder = None
            self.session = Session(bundle, seed, identities=identities, learner_name=learner_name)
        self.report: Report | None = None
        self.storage_problem: str | None = None
        """Why the attempt could not be saved (the session itself is kept in memory)."""
        self._hook_called = False

    @classmethod
    def resumed(cls, recorder: Recorder) -> Attempt:
        """The attempt around a session rebuilt from its journal (``Recorder.resume``)."""
        assert recorder.session is not None
        exam = (recorder.meta or {}).get("mode") == "exam"
        return cls(
            recorder.bundle, recorder.seed, mode="exam" if exam else "practice", recorder=recorder
        )

    # ------------------------------------------------------------------ facts
    @property
    def session_id(self) -> str:
        """The id of the journal and saved attempt ("" when not recorded)."""
        return self.recorder.session_id if self.recorder else ""

    @property
    def meta(self) -> dict[str, Any]:
        """What the journal records about how this attempt is played (mode, assignment)."""
        return dict(self.recorder.meta) if self.recorder else {"mode": self.mode}

    @property
    def saved_to(self) -> Path | None:
        """Where the finished attempt was saved, if it was."""
        return self.recorder.saved_to if self.recorder else None

    @property
    def journal_path(self) -> Path | None:
        """The per-turn journal, while one is open."""
        journal = self.recorder.journal if self.recorder else None
        return journal.path if journal else None

    @property
    def finished(self) -> bool:
        """Whether the session is over (its debrief is due)."""
        return self.session.finished

    def learner_turns(self) -> list[Turn]:
        """The turns a rewind can go back to (each learner input, in order)."""
        return self.session.transcript.learner_turns()

    def listen(self, callback: Callable[[str], None]) -> None:
        """Show storage notices through ``callback`` (any waiting ones at once)."""
        if self.recorder is not None:
            self.recorder.listen(callback)

    # ------------------------------------------------------------------ play
    def send(self, item: Input) -> list[Turn]:
        """Send one input; the turns are journalled before this returns.

        Raises ``InputError`` (nothing recorded) or ``StorageError`` (the turns happened and
        are in ``session.transcript``; the journal could not be written).
        """
        return self.session.send(item)

    def preview(
        self,
        text: str,
        action: str,
        attachments: tuple[str, ...] = (),
        *,
        after_days: int | None = None,
        subject: str = "",
    ) -> Judgement:
        """How the persona would read and decide on ``text`` sent now (nothing recorded).

        The live hints call this; the session reads its own turns through the same
        ``judge`` with the same context, so a hint never disagrees with what happens.
        """
        return self.session.judge(text, action, attachments, after_days=after_days, subject=subject)

    def finish(self, on_finish: FinishHook | None = None) -> Report:
        """Grade the finished session once and save it; a failed save keeps the report.

        ``on_finish(session, report)`` is called once, the first time it is given.
        """
        if self.report is None:
            self.report = report_on(self.session)
            if self.recorder is not None:
                self.recorder.finish(self.report)
                if self.recorder.saved_to is None:  # the report stays in memory
                    self.storage_problem = self.recorder.problem or "the attempt was not saved"
        if on_finish is not None and not self._hook_called:
            self._hook_called = True
            on_finish(self.session, self.report)
        return self.report

    def submit(self, to: Submitter) -> Path:
        """Submit the finished session with its report (graded once) to ``to``; its
        journal goes along, so a failure leaves it "finished, not submitted"."""
        journal = self.recorder.journal_path if self.recorder is not None else None
        return to.submit(self.session, self.finish(), journal=journal)

    def save_copy(self, path: Path) -> Path:
        """Write the attempt to ``path`` after a storage problem; raises StorageError."""
        if self.recorder is None:
            raise StorageError("this attempt is not recorded")
        return self.recorder.save_copy(path, self.finish())

    def close(self) -> None:
        """Close the journal (the finished turns are already on disk)."""
        if self.recorder is not None:
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
            journal_folder=self.recorder.journal_folder if self.recorder else None,
            attempts_folder=self.recorder.attempts_folder if self.recorder else None,
            record=self.recorder is not None,
        )
        for raw in inputs[:learner_index]:
            new.send(parse_input(raw))
        return new, dict(inputs[learner_index])
