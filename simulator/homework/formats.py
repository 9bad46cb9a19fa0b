"""The assignment and submission file formats, without a UI: strict models with hard limits.

Both files are JSON (``json`` in the standard library reads them; no YAML surprises such as
``no`` becoming false in a student's name). They come from outside - an assignment by
email, a submission from a learner - so every field is typed, bounded and checked before
anything else looks at it. Unknown fields are refused; ``version`` says which shape a
file has.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

ASSIGNMENT_FORMAT = "interview-simulator/assignment"
SUBMISSION_FORMAT = "interview-simulator/submission"
TRANSCRIPT_FORMAT = "interview-simulator/transcript"
VERSION = 1

MAX_ASSIGNMENT_BYTES = 4 * 1024 * 1024
MAX_SUBMISSION_BYTES = 4 * 1024 * 1024
"""A 90-minute meeting of maximum-length turns stays well under this."""
MAX_TURNS = 1500
MAX_TEXT = 20_000

Id = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")]
Slug = Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
Sha256 = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]
Short = Annotated[StrictStr, Field(max_length=200)]
Stamp = Annotated[StrictStr, Field(min_length=10, max_length=40)]
Name = Annotated[StrictStr, Field(min_length=1, max_length=100)]
Mode = Literal["exam", "practice"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Hashes(_Strict):
    """sha256 of the scenario and persona texts a session was played with."""

    scenario: Sha256
    persona: Sha256


class ScenarioEntry(_Strict):
    """One assigned scenario, its persona, and the exact texts (so learners need nothing else)."""

    id: Slug
    title: Short
    persona: Slug
    scenario_text: Annotated[StrictStr, Field(max_length=600 * 1024)]
    persona_text: Annotated[StrictStr, Field(max_length=600 * 1024)]
    hashes: Hashes


class SeedRule(_Strict):
    """``fixed`` (everyone gets ``value``) or ``per-student`` (derived from the name)."""

    kind: Literal["fixed", "per-student"]
    value: Annotated[StrictInt, Field(ge=0, le=2**31 - 1)] | None = None


class AssignmentFile(_Strict):
    """What ``simulator assign`` writes."""

    format: Literal["interview-simulator/assignment"]
    version: Literal[1]
    id: Id
    title: Annotated[StrictStr, Field(min_length=1, max_length=200)]
    created: Stamp
    due: Stamp | None = None
    pass_mark: Annotated[StrictInt, Field(ge=0, le=100)] | None = None
    attempts: Annotated[StrictInt, Field(ge=1, le=1000)] | None = None
    points: Annotated[StrictInt, Field(ge=1, le=10_000)] | None = None
    """The gradebook scale: a grade of 100 is this many points (default 100)."""
    mode: Mode
    seed: SeedRule
    notes: Annotated[StrictStr, Field(max_length=4000)] = ""
    submit_to: Annotated[StrictStr, Field(min_length=1, max_length=2000)] | None = None
    """The class server's submission address (``classroom``, ``assign --submit-to``)."""
    simulator: Short
    scenarios: Annotated[list[ScenarioEntry], Field(min_length=1, max_length=20)]


class TurnModel(_Strict):
    """One transcript turn, bounded."""

    n: Annotated[StrictInt, Field(ge=1, le=MAX_TURNS)]
    stage: Annotated[StrictStr, Field(max_length=20)]
    who: Literal["learner", "persona", "event"]
    kind: Annotated[StrictStr, Field(max_length=40)]
    text: Annotated[StrictStr, Field(max_length=MAX_TEXT)] = ""
    day: Annotated[StrictInt, Field(ge=-1000, le=100_000)] = 0
    minute: Annotated[float, Field(ge=0, le=100_000)] | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class TranscriptModel(_Strict):
    """A transcript as ``Transcript.to_dict`` writes it, bounded."""

    format: Literal["interview-simulator/transcript"]
    version: StrictInt
    simulator: Short
    scenario: Slug
    persona: Slug
    seed: Annotated[StrictInt, Field(ge=0, le=2**63)]
    hashes: Hashes
    identities: Annotated[
        dict[
            Annotated[StrictStr, Field(max_length=40)], Annotated[StrictStr, Field(max_length=200)]
        ],
        Field(max_length=40),
    ]
    turns: Annotated[list[TurnModel], Field(max_length=MAX_TURNS)]


class AssignmentRef(_Strict):
    """Which assignment a submission answers."""

    id: Id
    title: Annotated[StrictStr, Field(max_length=200)]


class ClaimedReport(BaseModel):
    """The few report fields a review shows as "claimed"; the rest is compared, not read."""

    model_config = ConfigDict(extra="allow", frozen=True, strict=True)

    score: Annotated[StrictInt, Field(ge=-(10**9), le=10**9)]
    passed: StrictBool


class Rules(_Strict):
    """The assignment's rules as the learner saw them (shown by ``submissions``)."""

    pass_mark: Annotated[StrictInt, Field(ge=0, le=100)] | None = None
    attempts: Annotated[StrictInt, Field(ge=1, le=1000)] | None = None
    due: Stamp | None = None


class SubmissionFile(_Strict):
    """What a learner's ``run``/``play`` with ``--assignment`` writes."""

    format: Literal["interview-simulator/submission"]
    version: Literal[1]
    id: Id
    assignment: AssignmentRef
    student: Name
    scenario: Slug
    attempt: Annotated[StrictInt, Field(ge=1, le=100_000)]
    started: Stamp
    submitted: Stamp
    simulator: Short
    mode: Mode
    seed: Annotated[StrictInt, Field(ge=0, le=2**63)]
    hashes: Hashes
    transcript: TranscriptModel
    report: ClaimedReport
    rules: Rules | None = None
