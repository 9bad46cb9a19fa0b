"""The shared vocabulary below every layer: the transcript and the grading criteria.

Both the engine (``conversation``) and the grader (``grading``) import from here, and
nothing here imports any other part of the simulator.
"""

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
