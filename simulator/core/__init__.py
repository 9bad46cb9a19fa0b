"""The shared vocabulary below every layer: the transcript and the grading criteria.

Both the engine (``conversation``) and the grader (``grading``) import from here, and
nothing here imports any other part of the simulator (but the ``simulator.lazy`` helper).

Each name is imported on first use (``lazy.exports``): ``analyze`` names the criteria
(``simulator.core.criteria``) without importing the transcript module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator import lazy

if TYPE_CHECKING:
    from simulator.core.criteria import (
        BASE,
        CRITERIA,
        CRITERIA_TABLE,
        CRITERION_NAMES,
        DEFAULT_WEIGHTS,
        GRADED_ONLY_WITH,
        Criterion,
        CriterionInfo,
    )
    from simulator.core.transcript import (
        END_REASON_WORDS,
        EndReason,
        Kind,
        Transcript,
        Turn,
        TurnStage,
        Who,
        end_reason_words,
    )
    from simulator.core.words import plural

_CRITERIA = "simulator.core.criteria"
_TRANSCRIPT = "simulator.core.transcript"
_LAZY = {
    **dict.fromkeys(
        (
            "BASE",
            "CRITERIA",
            "CRITERIA_TABLE",
            "CRITERION_NAMES",
            "DEFAULT_WEIGHTS",
            "GRADED_ONLY_WITH",
            "Criterion",
            "CriterionInfo",
        ),
        _CRITERIA,
    ),
    **dict.fromkeys(
        (
            "END_REASON_WORDS",
            "EndReason",
            "Kind",
            "Transcript",
            "Turn",
            "TurnStage",
            "Who",
            "end_reason_words",
        ),
        _TRANSCRIPT,
    ),
    "plural": "simulator.core.words",
}
"""Where each exported name lives (imported on first use)."""

__all__ = [
    "BASE",
    "CRITERIA",
    "CRITERIA_TABLE",
    "CRITERION_NAMES",
    "DEFAULT_WEIGHTS",
    "END_REASON_WORDS",
    "GRADED_ONLY_WITH",
    "Criterion",
    "CriterionInfo",
    "EndReason",
    "Kind",
    "Transcript",
    "Turn",
    "TurnStage",
    "Who",
    "end_reason_words",
    "plural",
]

__getattr__ = lazy.exports(__name__, _LAZY)
