"""The grade's working record, without a UI: findings collected while a transcript is read.

``Tally.add`` turns a signal into a ``Finding`` (rule, tip, quote, points, blocker) once per
positive signal and once per turn for a negative one. What makes a finding a blocker is
decided here, in one place: the scenario's own blockers, the persona never saying yes,
and the standard blockers of ``rubric.limits`` (each of which an author can switch off).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.content.models import Scenario
from simulator.grading.report import Finding
from simulator.reading import Lexicon


def head(text: str, limit: int = 90) -> str:
    """The text on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def standard_blockers(scenario: Scenario) -> set[str]:
    """The signals ``rubric.limits`` makes blockers for this scenario."""
    limits = scenario.rubric.limits
    out = {"not_accepted"}
    if limits.length_times is not None:
        out.add("far_too_long")
    if limits.overrun_minutes is not None:
        out.add("past_hard_stop")
    if limits.end_signal:
        out.add("ignored_end_signal")
    if limits.thank_you_required and scenario.stages.thank_you is not None:
        out.add("no_thank_you")
    if limits.shouting:
        out.add("shouting")
    return out


@dataclass
class Tally:
    """Findings so far, which criteria the session reached, and what the learner meant."""

    scenario: Scenario
    lexicon: Lexicon
    findings: list[Finding] = field(default_factory=list)
    reached: set[str] = field(default_factory=set)
    seen_positive: set[str] = field(default_factory=set)
    intent_turns: list[tuple[int, str, str]] = field(default_factory=list)
    """(turn, stage, text) of every learner turn that says something of its own."""
    small_talk: list[tuple[str, int, int, int]] = field(default_factory=list)
    """(quote, turn, start, end) of meeting lines empty only for being short."""
    last_said: str = ""
    blockers: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.blockers = set(self.scenario.rubric.blockers) | standard_blockers(self.scenario)

    def add(
        self,
        signal_id: str,
        quote: str,
        turn: int,
        stage: str,
        start: int = 0,
        end: int = 0,
        *,
        points: int | None = None,
        blocker: bool | None = None,
    ) -> None:
        """Record a finding for a lexicon signal (positives once per session)."""
        spec = self.lexicon.specs.get(signal_id)
        if spec is None:
            return
        if spec.polarity == "positive":
            if signal_id in self.seen_positive:
                return
            self.seen_positive.add(signal_id)
        self.findings.append(
            Finding(
                signal=signal_id,
                criterion=spec.criterion,
                polarity=spec.polarity,
                points=spec.points if points is None else points,
                rule=spec.rule,
                tip=spec.tip,
                rewrite=spec.rewrite,
                quote=quote,
                turn=turn,
                stage=stage,
                start=start,
                end=end,
                blocker=signal_id in self.blockers if blocker is None else blocker,
            )
        )

    def has(self, signal_id: str) -> bool:
        """Whether a finding for this signal was recorded."""
        return any(f.signal == signal_id for f in self.findings)

    def intent_in(self, *stages: str) -> list[tuple[int, str, str]]:
        """Learner turns with intent in these stages (all stages when none are given)."""
        return [t for t in self.intent_turns if not stages or t[1] in stages]
