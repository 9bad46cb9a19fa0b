"""Homework in the app: the assignment's scenarios as the library, and submitting.

The app holds a ``HomeworkDesk`` (``simulator.homework.desk``) when it is opened for an
assignment. These helpers keep that logic out of ``app.py``: the library rows for the
assigned scenarios only, the journal meta for a new attempt (so a failed submission stays
"finished, not submitted"), and submitting a finished attempt once, told in the app
whether it worked (never a crash: the way to recover is in the message).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from simulator.tui.widgets.library_list import Entry

if TYPE_CHECKING:
    from simulator.practice import Attempt
    from simulator.tui.app import SimulatorApp

STAGE_SHORT = {"outreach": "write", "meeting": "meet", "thank_you": "thank"}


def assigned_entries(desk: Any) -> list[Entry]:
    """One library row per assigned scenario, saying what is submitted so far."""
    entries = []
    for entry in desk.scenarios:
        scenario = entry.bundle.scenario
        done = [h for h in desk.handed if h.scenario == entry.id]
        state = (
            f"submitted ({'passed' if done[-1].passed else 'not passed yet'})" if done else "to do"
        )
        meeting = scenario.stages.meeting
        entries.append(
            Entry(
                kind="scenario",
                key=entry.id,
                title=entry.title,
                detail=f"{state}. {desk.rules(entry.id)[2]}",
                difficulty=scenario.difficulty,
                stages="\u2192".join(STAGE_SHORT.get(x, x) for x in scenario.stage_names()),
                minutes=f"{meeting.minutes} min" if meeting else "no meeting",
                persona=entry.bundle.persona.role,
            )
        )
    return entries


def attempt_meta(app: SimulatorApp, scenario_id: str) -> dict[str, Any] | None:
    """The journal meta of a new homework attempt, or None (told why) when none is left."""
    from simulator.homework import HomeworkError

    try:
        meta: dict[str, Any] = app.homework.meta(scenario_id)
    except HomeworkError as exc:
        app.notify(str(exc), title="Cannot start", severity="error", markup=False)
        return None
    return meta


def submit_finished(app: SimulatorApp, attempt: Attempt) -> None:
    """Submit a finished homework attempt once; the learner sees where it went or why not."""
    from simulator.homework import HomeworkError

    if attempt.session_id in app.submitted_ids or attempt.report is None:
        return
    app.submitted_ids.add(attempt.session_id)
    journal = attempt.recorder.journal_path if attempt.recorder is not None else None
    try:
        handed = app.homework.submit(attempt.session, attempt.report, journal=journal)
    except HomeworkError as exc:  # said on the report (a toast would cover it)
        app.finish_notes.append(f"Not submitted: {exc}")
        return
    app.finish_notes.append(handed.line)
