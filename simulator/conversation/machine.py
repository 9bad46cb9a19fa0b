"""The stage machine, without a UI: which stage follows which, guarded by the session.

Built with ``transitions`` from the scenario's stage list. Conditions are bound methods
of the session, never strings: nothing from a content file names a callback.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from transitions import Machine


class Stage(Enum):
    """Where a session is."""

    outreach = "outreach"
    waiting = "waiting"
    """The persona stayed silent; the learner may follow up once, or give up."""
    meeting = "meeting"
    thank_you = "thank_you"
    debrief = "debrief"


ACTIONS_BY_STAGE: dict[Stage, tuple[str, ...]] = {
    Stage.outreach: ("outreach",),
    Stage.waiting: ("follow_up", "skip"),
    Stage.meeting: ("say", "skip"),
    Stage.thank_you: ("thank_you", "skip"),
    Stage.debrief: (),
}
"""The learner actions each stage accepts."""

TRIGGERS = (
    "persona_accepts",
    "persona_redirects",
    "persona_ignores",
    "give_up",
    "wrap_up",
    "run_out_of_time",
    "lose_patience",
    "send_thank_you",
    "skip_thank_you",
)


class StageModel:
    """What the machine adds to its model: the state and one method per trigger.

    Declared here, beside ``TRIGGERS``, so mypy knows a session's triggers."""

    state: Stage
    persona_accepts: Callable[[], bool]
    persona_redirects: Callable[[], bool]
    persona_ignores: Callable[[], bool]
    give_up: Callable[[], bool]
    wrap_up: Callable[[], bool]
    run_out_of_time: Callable[[], bool]
    lose_patience: Callable[[], bool]
    send_thank_you: Callable[[], bool]
    skip_thank_you: Callable[[], bool]


def build_machine(model: Any, stages: list[str]) -> Machine:
    """Attach a stage machine to ``model`` (a Session) for the scenario's stages.

    The model must provide ``can_follow_up``, ``is_out_of_time`` and
    ``is_patience_exhausted`` returning real bools.
    """
    after_meeting = Stage.thank_you if "thank_you" in stages else Stage.debrief
    after_accept = Stage.meeting if "meeting" in stages else after_meeting
    transitions: list[dict[str, Any]] = []
    if "outreach" in stages:
        for source in (Stage.outreach, Stage.waiting):
            transitions += [
                {"trigger": "persona_accepts", "source": source, "dest": after_accept},
                {"trigger": "persona_redirects", "source": source, "dest": Stage.debrief},
                {
                    "trigger": "persona_ignores",
                    "source": source,
                    "dest": Stage.waiting,
                    "conditions": [model.can_follow_up],
                },
                {"trigger": "persona_ignores", "source": source, "dest": Stage.debrief},
            ]
        transitions.append({"trigger": "give_up", "source": Stage.waiting, "dest": Stage.debrief})
    if "meeting" in stages:
        transitions += [
            {"trigger": "wrap_up", "source": Stage.meeting, "dest": after_meeting},
            {
                "trigger": "run_out_of_time",
                "source": Stage.meeting,
                "dest": after_meeting,
                "conditions": [model.is_out_of_time],
            },
            {
                "trigger": "lose_patience",
                "source": Stage.meeting,
                "dest": after_meeting,
                "conditions": [model.is_patience_exhausted],
            },
        ]
    if "thank_you" in stages:
        transitions += [
            {"trigger": "send_thank_you", "source": Stage.thank_you, "dest": Stage.debrief},
            {"trigger": "skip_thank_you", "source": Stage.thank_you, "dest": Stage.debrief},
        ]
    initial = Stage(stages[0])
    return Machine(
        model=model,
        states=list(Stage),
        transitions=transitions,
        initial=initial,
        auto_transitions=False,
        queued=True,
        ignore_invalid_triggers=False,
    )


def describe(stages: list[str]) -> list[tuple[str, str, str, str]]:
    """(source, trigger, dest, guard) rows for drawing the machine (authors' graphs)."""

    class _Probe:
        def can_follow_up(self) -> bool:
            return True

        def is_out_of_time(self) -> bool:
            return True

        def is_patience_exhausted(self) -> bool:
            return True

    probe = _Probe()
    machine = build_machine(probe, stages)
    rows = []
    for trigger, event in machine.events.items():
        for source, transitions in event.transitions.items():
            for transition in transitions:
                guard = ",".join(getattr(c.func, "__name__", "") for c in transition.conditions)
                rows.append((source, trigger, str(transition.dest), guard))
    return rows
