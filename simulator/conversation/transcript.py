"""The transcript, without a UI: the record of a session, enough to re-grade and replay it.

Plain dicts inside frozen dataclasses keep it trivially serialisable; the JSON form is
the stable contract shared by `run --json`, journals, submissions and review.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

FORMAT = "interview-simulator/transcript"
VERSION = 1


@dataclass(frozen=True)
class Turn:
    """One thing that happened: the learner wrote, the persona answered, or an event."""

    n: int
    stage: str
    who: str
    """``learner``, ``persona`` or ``event``."""
    kind: str
    text: str = ""
    day: int = 0
    minute: float | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if out["minute"] is not None:
            out["minute"] = round(out["minute"], 2)
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Turn:
        return cls(
            n=int(raw["n"]),
            stage=str(raw["stage"]),
            who=str(raw["who"]),
            kind=str(raw["kind"]),
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
        return [t for t in self.turns if t.who == "learner"]

    def inputs(self) -> list[dict[str, Any]]:
        """The learner's inputs in order, enough to replay the session."""
        return [dict(t.data["input"]) for t in self.turns if t.who == "learner"]
