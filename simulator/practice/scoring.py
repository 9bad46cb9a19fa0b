"""Grading a played session: the one place in the simulator that calls ``grade``.

Every client (app, plain mode, ``run``, ``play``, ``resume``, homework, checks,
exploration and review) gets its report from here, so a session is graded one way.
"""

from __future__ import annotations

from simulator.content.models import Scenario
from simulator.conversation import Session
from simulator.core.transcript import Transcript
from simulator.grading import Report, grade
from simulator.reading import Lexicon


def report_for(
    transcript: Transcript, scenario: Scenario, lexicon: Lexicon | None = None
) -> Report:
    """The report on a transcript of ``scenario`` (``lexicon``: the scenario's, if known)."""
    return grade(transcript, scenario, lexicon)


def report_on(session: Session) -> Report:
    """The report on a session, read with the session's own lexicon."""
    return report_for(session.transcript, session.scenario, session.lexicon)
