"""Recording sessions, without a UI: a journal per session, a saved attempt, and resuming.

Every client that lets a person play (plain terminal, TUI) wraps its Session in a
``Recorder`` so each finished turn reaches the fsync'd journal before it is shown, and a
finished session lands in the attempts folder (history, export, resume all read these).
The journal header embeds the scenario and persona texts, so a session can be resumed
exactly even if the files change afterwards.

Storage problems never end a session: the recorder reports them once through its
notice callback, keeps the session in memory, and ``save_copy`` writes it elsewhere.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator import __version__
from simulator.content import Bundle, ContentLoadError, bundle_from_texts
from simulator.content.library import with_pass_mark
from simulator.conversation import InputError, Session, Turn, parse_input
from simulator.grading import Report
from simulator.storage import (
    Journal,
    JournalContents,
    StorageError,
    atomic_write,
    journals,
    json_text,
    move_aside,
    save_attempt,
)


class ResumeError(Exception):
    """A journal cannot be continued; the message says which and why, in one line."""


def new_session_id(scenario_id: str) -> str:
    """A unique, sortable id: UTC time plus a random suffix (outside the engine)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return f"{stamp}-{scenario_id}-{secrets.token_hex(3)}"


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Recorder:
    """Owns one played session's journal and its saved attempt."""

    def __init__(
        self,
        bundle: Bundle,
        seed: int,
        *,
        session_id: str | None = None,
        meta: dict[str, Any] | None = None,
        journal_folder: Path | None = None,
        attempts_folder: Path | None = None,
    ) -> None:
        self.bundle = bundle
        self.seed = seed
        self.session_id = session_id or new_session_id(bundle.scenario.id)
        self.meta = dict(meta or {})
        self.journal_folder = journal_folder
        self.attempts_folder = attempts_folder
        self.journal: Journal | None = None
        self.journal_path: Path | None = None
        """The journal's file, kept after it is closed (homework marks it submitted)."""
        self.session: Session | None = None
        self.saved_to: Path | None = None
        self.report: Report | None = None
        self.problem: str | None = None
        """The first storage problem, if any: the session is then only in memory."""
        self.notices: list[str] = []
        """Notices not yet shown (shown at once when ``on_notice`` is set)."""
        self.on_notice: Callable[[str], None] | None = None

    # ------------------------------------------------------------------ notices
    def listen(self, callback: Callable[[str], None]) -> None:
        """Show notices through ``callback`` from now on (and any waiting ones now)."""
        self.on_notice = callback
        waiting, self.notices = self.notices, []
        for notice in waiting:
            callback(notice)

    def notify(self, message: str) -> None:
        if self.on_notice is not None:
            self.on_notice(message)
        else:
            self.notices.append(message)

    def _storage_failed(self, exc: StorageError) -> None:
        if self.problem is None:
            self.problem = str(exc)
            self.notify(
                f"{exc}. Your session continues in memory; "
                "at the end you can save it to another folder."
            )
        if self.journal is not None:
            self.journal.close()
            self.journal = None

    # ------------------------------------------------------------------ lifecycle
    def header(self, session: Session) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "started": now_iso(),
            "simulator": __version__,
            "scenario": self.bundle.scenario.id,
            "title": self.bundle.scenario.title,
            "persona": self.bundle.persona.id,
            "seed": self.seed,
            "identities": session.identities,
            "hashes": self.bundle.hashes,
            "scenario_text": self.bundle.scenario_text,
            "persona_text": self.bundle.persona_text,
            "scenario_source": self.bundle.scenario_source,
            "persona_source": self.bundle.persona_source,
            "meta": self.meta,
        }

    def start(
        self, identities: dict[str, Any] | None = None, *, learner_name: str | None = None
    ) -> Session:
        """Create the session and its journal (header first, then turn by turn).

        ``learner_name`` (the user's settings) is what the persona calls the learner until
        they sign a message; it is kept in the header's identities, so a resume or replay
        uses it again. A journal that cannot be created is reported as a notice, not raised.
        """
        session = Session(self.bundle, self.seed, identities=identities, learner_name=learner_name)
        self.session = session
        try:
            self.journal = Journal.create(
                self.session_id, self.header(session), self.journal_folder
            )
            self.journal_path = self.journal.path
        except StorageError as exc:
            self._storage_failed(exc)
        session.on_turns = self._record_turns
        return session

    def _record_turns(self, turns: list[Turn]) -> None:
        if self.journal is None:
            return
        try:
            self.journal.append_turns(turns)
        except StorageError as exc:
            self._storage_failed(exc)

    def attempt(self, report: Report) -> dict[str, Any]:
        """The saved form of a finished session: transcript, report and key facts."""
        assert self.session is not None
        session = self.session
        return {
            "id": self.session_id,
            "finished": now_iso(),
            "scenario": session.scenario.id,
            "title": session.scenario.title,
            "score": report.score,
            "passed": report.passed,
            "meta": self.meta,
            "transcript": session.transcript.to_dict(),
            "report": report.to_dict(),
        }

    def finish(self, report: Report) -> Report:
        """Save the finished session with its report atomically, close the journal.

        If saving fails, ``problem`` says why and ``save_copy`` can write it elsewhere.
        (The report comes from ``simulator.practice``, the one place sessions are graded.)
        """
        assert self.session is not None
        self.report = report
        try:
            self.saved_to = save_attempt(
                self.session_id, self.attempt(report), self.attempts_folder
            )
        except StorageError as exc:
            self._storage_failed(exc)
            return report
        if self.journal is not None:
            try:
                summary = {"score": report.score, "passed": report.passed}
                if self.meta.get("assignment"):
                    summary["homework"] = True  # finished, not submitted until marked so
                self.journal.finish(summary)
            except StorageError as exc:
                self._storage_failed(exc)
        return report

    def save_copy(self, path: Path, report: Report | None = None) -> Path:
        """Write the session with its report to ``path``, atomically.

        A folder is given a file name; raises StorageError with a one-line reason.
        """
        assert self.session is not None
        path = Path(path).expanduser()
        if path.is_dir():
            path = path / f"{self.session_id}.json"
        report = report or self.report
        if report is None:
            raise StorageError("the session is not graded yet; finish it first")
        return atomic_write(path, json_text(self.attempt(report)) + "\n")

    def close(self) -> None:
        if self.journal is not None:
            self.journal.close()

    # ------------------------------------------------------------------ resume
    @classmethod
    def resume(cls, path: Path, *, attempts_folder: Path | None = None) -> Recorder:
        """Rebuild an unfinished session from its journal, exactly where it stopped.

        The bundle comes from the texts embedded in the header; the learner inputs are
        replayed with the recorded seed and identities, and every replayed turn must match
        the journal. Turns the journal missed (killed between the learner's turn and the
        reply) are appended. Raises ResumeError or StorageError (one line each).
        """
        contents = Journal.read(path)
        if contents.finished:
            raise ResumeError(f"{path.stem} is finished; `simulator history` lists it")
        recorder, session, opening = _rebuild(path, contents, attempts_folder)
        recorder.notices.extend(contents.notices)
        journal = Journal.reopen(path, contents)
        recorder.journal = journal
        recorder.journal_path = path
        last = max((int(t["n"]) for t in contents.turns), default=0)
        missing = [t for t in session.transcript.turns if t.n > max(last, opening)]
        if missing:
            journal.append_turns(missing)
        journal.append_record(
            "resumed", {"at": now_iso(), "simulator": __version__, "dropped": contents.notices}
        )
        session.on_turns = recorder._record_turns
        return recorder


def check_resumable(path: Path) -> None:
    """Raise ResumeError (or StorageError) if the journal cannot be continued; nothing is
    written and nothing is locked (``resume --last`` passes over such journals)."""
    contents = Journal.read(path)
    if contents.finished:
        raise ResumeError(f"{path.stem} is finished; `simulator history` lists it")
    _rebuild(path, contents, None)


def _rebuild(
    path: Path, contents: JournalContents, attempts_folder: Path | None
) -> tuple[Recorder, Session, int]:
    """The recorder and session replayed from a journal, and how many opening turns the
    session starts with (those are never journalled: the replay makes them again)."""
    header = contents.header
    name = path.stem
    try:
        bundle = bundle_from_texts(
            str(header["scenario_text"]),
            str(header["persona_text"]),
            str(header.get("scenario_source") or "<scenario>"),
            str(header.get("persona_source") or "<persona>"),
        )
        seed = header["seed"]
        identities = header["identities"]
        if isinstance(seed, bool) or not isinstance(seed, int) or not isinstance(identities, dict):
            raise TypeError("seed or identities malformed")
        meta = header.get("meta") if isinstance(header.get("meta"), dict) else {}
        mark = meta.get("pass_mark") if isinstance(meta, dict) else None
        if isinstance(mark, int) and not isinstance(mark, bool) and 0 <= mark <= 100:
            bundle = with_pass_mark(bundle, mark)  # homework: the assignment's pass mark
    except ContentLoadError as exc:
        raise ResumeError(
            f"{name}: its embedded content no longer loads: {exc.errors[0]}"
        ) from None
    except (KeyError, TypeError) as exc:
        raise ResumeError(f"{name}: the journal header is incomplete ({exc})") from None
    recorder = Recorder(bundle, seed, session_id=name, meta=meta, attempts_folder=attempts_folder)
    session = Session(bundle, seed, identities=identities)
    recorder.session = session
    opening = len(session.transcript.turns)
    for turn in contents.turns:
        if turn.get("who") != "learner":
            continue
        data = turn.get("data")
        try:
            raw = data.get("input") if isinstance(data, dict) else None
            session.send(parse_input(raw if isinstance(raw, dict) else {}))
        except InputError as exc:
            raise ResumeError(f"{name}: turn {turn.get('n')} cannot be replayed: {exc}") from None
    _verify(name, session, contents, opening)
    return recorder, session, opening


def _verify(name: str, session: Session, contents: JournalContents, opening: int) -> None:
    """Every journalled turn must be what the replay produced, in order, without gaps."""
    turns = session.transcript.turns
    for expected, record in enumerate(contents.turns, opening + 1):
        n = record.get("n")
        if n != expected or expected > len(turns):
            raise ResumeError(f"{name}: turn {n!r} of the journal does not replay")
        replayed = _plain(turns[n - 1].to_dict())
        if replayed != record:
            keys = sorted(k for k in {*replayed, *record} if replayed.get(k) != record.get(k))
            raise ResumeError(
                f"{name}: turn {n} replays differently ({', '.join(keys)}); it was recorded by "
                f"simulator {contents.header.get('simulator', '?')}, this is {__version__}"
            )


def _plain(data: dict[str, Any]) -> Any:
    """A turn as it reads back from JSON (tuples become lists)."""
    return json.loads(json_text(data, indent=None))


@dataclass(frozen=True)
class SessionInfo:
    """An unfinished session as ``simulator resume`` lists it."""

    id: str
    path: Path
    scenario: str
    title: str
    started: str
    turns: int
    """The learner's turns so far."""
    stage: str
    """Where the last recorded turn happened."""
    notices: tuple[str, ...] = field(default=())


def _short(exc: Exception, path: Path) -> str:
    """An error message without the path it starts with (the notice names the file)."""
    text = str(exc)
    return text.removeprefix(f"{path}: ")


def unfinished_sessions(folder: Path | None = None) -> tuple[list[SessionInfo], list[str]]:
    """Unfinished sessions, oldest first, and one line for each journal that cannot be read
    (each such journal is moved into ``journals/broken/``, so it is never offered again)."""
    found: list[SessionInfo] = []
    problems: list[str] = []
    for path in journals(folder):
        try:
            contents = Journal.read(path)
        except StorageError as exc:
            # Empty (a failed header write) or not a journal: out of the way, not deleted.
            problems.append(move_aside(path, _short(exc, path)))
            continue
        if contents.finished:
            continue
        header = contents.header
        learner = [t for t in contents.turns if t.get("who") == "learner"]
        last = contents.turns[-1] if contents.turns else {}
        found.append(
            SessionInfo(
                id=path.stem,
                path=path,
                scenario=str(header.get("scenario", "?")),
                title=str(header.get("title") or header.get("scenario", "?")),
                started=str(header.get("started", "?")),
                turns=len(learner),
                stage=str(last.get("stage", "start")),
                notices=tuple(contents.notices),
            )
        )
    return found, problems
