"""The transcript: the record of a session, enough to re-grade and replay it.

It sits below both the engine that writes it and the grader that reads it. Who spoke,
what kind of turn it was and the stage it happened in are closed sets (``Literal``s),
checked when a transcript is read back. Plain dicts inside frozen dataclasses keep it
serialisable; the JSON form is the stable contract shared by ``run --json``, journals,
submissions and review.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypeVar, get_args

FORMAT = "interview-simulator/transcript"
VERSION = 1

Who = Literal["learner", "persona", "event"]
TurnStage = Literal["outreach", "waiting", "meeting", "thank_you"]
"""Where a turn happened (the session's stage, or ``waiting`` after a silence)."""
Kind = Literal[
    # the learner
    "email",
    "follow_up",
    "say",
    "skip",
    # the persona
    "reply",
    "line",
    "interruption",
    "time_warning",
    "goodbye",
    # events
    "narration",
    "silence",
    "meters",
    "recap",
    "meeting_start",
    "meeting_end",
    "unused_script",
]
EndReason = Literal["wrap_up", "learner_left", "out_of_time", "patience", "interrupted"]
"""Why a meeting ended, as recorded in a ``meeting_end`` event."""

END_REASON_WORDS: dict[EndReason, str] = {
    "wrap_up": "you wrapped up",
    "learner_left": "you left",
    "out_of_time": "{name} ran out of time",
    "patience": "{name} lost patience",
    "interrupted": "an interruption called {name} away",
}
"""A meeting-end reason in words, for every client and the report (``{name}``: persona)."""


def end_reason_words(reason: object, name: str = "the persona") -> str:
    """Why a meeting ended, in words (``it ended`` for a reason this version does not know)."""
    words = END_REASON_WORDS.get(reason, "it ended")  # type: ignore[call-overload]
    return str(words).format(name=name)


STAGE_WORDS: dict[TurnStage, str] = {
    "outreach": "first message",
    "waiting": "waiting",
    "meeting": "meeting",
    "thank_you": "thank-you",
}
"""A turn's stage as the learner reads it (reports, exports, the app)."""


def stage_words(stage: object) -> str:
    """A stage in words; a stage this version does not know is made readable, never raw."""
    words = STAGE_WORDS.get(stage)  # type: ignore[call-overload]
    return str(words) if words is not None else str(stage).replace("_", " ")


_T = TypeVar("_T", bound=str)


def _one_of(value: object, allowed: tuple[_T, ...], what: str) -> _T:
    for option in allowed:
        if value == option:
            return option
    raise ValueError(f"a turn's {what} is {value!r}; expected one of {', '.join(allowed)}")


WHO: tuple[Who, ...] = get_args(Who)
STAGES: tuple[TurnStage, ...] = get_args(TurnStage)
KINDS: tuple[Kind, ...] = get_args(Kind)


@dataclass(frozen=True)
class Turn:
    """One thing that happened: the learner wrote, the persona answered, or an event."""

    n: int
    stage: TurnStage
    who: Who
    kind: Kind
    text: str = ""
    day: int = 0
    minute: float | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (minutes rounded to two places)."""
        out = asdict(self)
        if out["minute"] is not None:
            out["minute"] = round(out["minute"], 2)
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Turn:
        """Read a turn back; raises ValueError (or KeyError) for one that cannot be a turn."""
        return cls(
            n=int(raw["n"]),
            stage=_one_of(raw["stage"], STAGES, "stage"),
            who=_one_of(raw["who"], WHO, "speaker"),
            kind=_one_of(raw["kind"], KINDS, "kind"),
            text=str(raw.get("text", "")),
            day=int(raw.get("day", 0)),
            minute=None if raw.get("minute") is None else float(raw["minute"]),
            data=dict(raw.get("data") or {}),
        )


@dataclass
class Transcript:
    """Header (what was played, with which seed and names) plus the turns."""

    scenario: str
    persona: str
    seed: int
    hashes: dict[str, str]
    identities: dict[str, Any]
    simulator: str
    turns: list[Turn] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, with its format marker and version."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "simulator": self.simulator,
            "scenario": self.scenario,
            "persona": self.persona,
            "seed": self.seed,
            "hashes": dict(self.hashes),
            "identities": dict(self.identities),
            "turns": [t.to_dict() for t in self.turns],
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Transcript:
        """Read a transcript back; raises ValueError when it is not one."""
        if raw.get("format") != FORMAT:
            raise ValueError("not a transcript (format field missing or wrong)")
        return cls(
            scenario=str(raw["scenario"]),
            persona=str(raw["persona"]),
            seed=int(raw["seed"]),
            hashes={str(k): str(v) for k, v in dict(raw.get("hashes") or {}).items()},
            identities=dict(raw.get("identities") or {}),
            simulator=str(raw.get("simulator", "")),
            turns=[Turn.from_dict(t) for t in raw.get("turns", [])],
        )

    def learner_turns(self) -> list[Turn]:
        """The learner's turns, in order."""
        return [t for t in self.turns if t.who == "learner"]

    def inputs(self) -> list[dict[str, Any]]:
        """The learner's inputs in order, enough to replay the session."""
        return [dict(t.data["input"]) for t in self.turns if t.who == "learner"]
