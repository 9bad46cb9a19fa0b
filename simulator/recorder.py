"""Recording sessions, without a UI: a journal per session and a saved attempt at the end.

Every client that lets a person play (plain terminal, TUI) wraps its Session in a
``Recorder`` so each finished turn reaches the fsync'd journal before it is shown, and a
finished session lands in the attempts folder (history, export, resume all read these).
The journal header embeds the scenario and persona texts, so a session can be resumed
exactly even if the files change afterwards.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator.content import Bundle
from simulator.conversation import Session, Turn
from simulator.grading import Report, grade
from simulator.storage import Journal, save_attempt


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
        self.session: Session | None = None
        self.saved_to: Path | None = None

    def start(self, identities: dict[str, Any] | None = None) -> Session:
        """Create the session and its journal (header first, then turn by turn)."""
        session = Session(self.bundle, self.seed, identities=identities)
        header = {
            "session_id": self.session_id,
            "started": now_iso(),
            "scenario": self.bundle.scenario.id,
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
        self.journal = Journal.create(self.session_id, header, self.journal_folder)
        session.on_turns = self.journal.append_turns
        self.session = session
        return session

    def finish(self) -> Report:
        """Grade the finished session, save the attempt atomically, close the journal."""
        assert self.session is not None and self.journal is not None
        session = self.session
        report = grade(session.transcript, session.scenario, session.lexicon)
        record = {
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
        self.saved_to = save_attempt(self.session_id, record, self.attempts_folder)
        self.journal.finish({"score": report.score, "passed": report.passed})
        return report

    def close(self) -> None:
        if self.journal is not None:
            self.journal.close()


def turns_to_dicts(turns: list[Turn]) -> list[dict[str, Any]]:
    return [t.to_dict() for t in turns]
