"""Random playthroughs, without a UI: many seeded random learners, and what they never reached.

``explore`` plays N random learners (see ``learner.py``) through a scenario and reports
coverage: the stages, persona line groups, scripted events and findings that no
playthrough reached, plus any crash or dead end (a session that never gets to the
debrief), each with the seed that reproduces it.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from simulator.authoring.learner import RandomLearner
from simulator.content import Bundle
from simulator.conversation.lines import FALLBACKS, STANDARD_GROUPS
from simulator.conversation.machine import Stage
from simulator.conversation.session import Session
from simulator.grading import Report
from simulator.practice import report_on
from simulator.reading import SignalSpec, scenario_lexicon

_OUTREACH_GROUPS = ("accept", "redirect", "follow_up_accept", "follow_up_redirect")
_THANK_YOU_GROUPS = ("thank_you_reply_warm", "thank_you_reply_cool")
STAGE_GROUPS: dict[str, tuple[str, ...]] = {
    "outreach": _OUTREACH_GROUPS,
    "meeting": tuple(
        g
        for g in dict.fromkeys([*STANDARD_GROUPS, *FALLBACKS])
        if g not in _OUTREACH_GROUPS and g not in _THANK_YOU_GROUPS
    ),
    "thank_you": _THANK_YOU_GROUPS,
}
"""The persona line groups each stage can use (coverage counts only the scenario's)."""
MEETING_SIGNALS = (
    "meeting_overrun",
    "ended_on_time",
    "kept_to_time",
    "persona_lost_patience",
    "past_hard_stop",
    "ignored_end_signal",
    "monologue",
)
"""Signals only a meeting can produce (the engine computes them from the clock)."""
MAX_STEPS = 400
"""Inputs one playthrough may take before it counts as a dead end."""


@dataclass(frozen=True)
class Problem:
    """A playthrough that crashed or never finished."""

    seed: int
    kind: str
    """``crash`` or ``dead end``."""
    message: str


@dataclass
class Coverage:
    """What N playthroughs of one scenario reached, and what went wrong."""

    scenario: str
    runs: int = 0
    stages: Counter[str] = field(default_factory=Counter)
    groups: Counter[str] = field(default_factory=Counter)
    events: Counter[int] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    replies: Counter[str] = field(default_factory=Counter)
    passed: int = 0
    scores: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    expected_stages: list[str] = field(default_factory=list)
    expected_groups: list[str] = field(default_factory=list)
    expected_events: list[str] = field(default_factory=list)
    expected_findings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def never(self) -> dict[str, list[str]]:
        """What no playthrough reached, by kind."""
        return {
            "stages": [s for s in self.expected_stages if not self.stages[s]],
            "line groups": [g for g in self.expected_groups if not self.groups[g]],
            "events": [e for i, e in enumerate(self.expected_events) if not self.events[i]],
            "findings": [f for f in self.expected_findings if not self.findings[f]],
        }


@dataclass
class Playthrough:
    """One finished random session: its transcript, grade and the stages it went through."""

    seed: int
    session: Session
    report: Report
    stages: set[str]


def play(bundle: Bundle, seed: int) -> Playthrough:
    """One random playthrough; raises on a crash, RuntimeError on a dead end."""
    session = Session(bundle, seed)
    learner = RandomLearner(bundle, session.lexicon, seed)
    stages = {session.state.value}
    for _ in range(MAX_STEPS):
        if session.finished:
            break
        if not session.allowed():
            raise RuntimeError(f"stuck in the {session.state.value} stage with nothing to do")
        session.send(learner.next_input(session))
        stages.add(session.state.value)
    if not session.finished:
        raise RuntimeError(f"still in the {session.state.value} stage after {MAX_STEPS} inputs")
    report = report_on(session)
    return Playthrough(seed, session, report, stages)


def explore(
    bundle: Bundle,
    runs: int,
    start_seed: int = 1,
    on_play: Callable[[Playthrough], None] | None = None,
) -> Coverage:
    """Play ``runs`` seeded random learners (seeds start_seed, start_seed+1, ...)."""
    scenario = bundle.scenario
    coverage = Coverage(scenario.id)
    stages = scenario.stage_names()
    coverage.expected_stages = [
        *stages[:1],
        *(["waiting"] if stages[0] == "outreach" else []),
        *stages[1:],
        Stage.debrief.value,
    ]
    meeting = scenario.stages.meeting
    relevant = {g for stage in stages for g in STAGE_GROUPS[stage]}
    if bundle.persona.temperament.on_pitch == "silence":
        relevant -= {"redirect", "follow_up_redirect"}  # this persona never redirects
    relevant |= {e.line_group for e in (meeting.events if meeting else [])}
    coverage.expected_groups = sorted(g for g in bundle.persona.lines if g in relevant)
    meeting = scenario.stages.meeting
    coverage.expected_events = [
        f"minute {e.at if e.at is not None else e.between}: {e.line_group}"
        for e in (meeting.events if meeting else [])
    ]
    for seed in range(start_seed, start_seed + runs):
        coverage.runs += 1
        try:
            playthrough = play(bundle, seed)
        except RuntimeError as exc:
            coverage.problems.append(Problem(seed, "dead end", str(exc)))
            continue
        except Exception as exc:  # any crash is what we are looking for
            where = traceback.extract_tb(exc.__traceback__)[-1]
            message = f"{type(exc).__name__}: {exc} (at {where.filename}:{where.lineno})"
            coverage.problems.append(Problem(seed, "crash", message))
            continue
        if on_play is not None:
            on_play(playthrough)
        _count(coverage, playthrough)
    specs = scenario_lexicon(scenario).specs.values()
    needs_yes = scenario.rubric.require_accept
    coverage.expected_findings = sorted(
        s.id for s in specs if _possible(s, stages) and (s.id != "not_accepted" or needs_yes)
    )
    return coverage


OUTREACH_SIGNALS = ("not_accepted", "no_why_you")
"""Signals only an outreach (its reply, or a first message's reason) can show."""
CLAIM_STAGES = ("outreach", "meeting")
"""Stages where a claimed referral is checked against the facts (``invented_referral``)."""


def _possible(spec: SignalSpec, stages: list[str]) -> bool:
    """Whether a signal can be found at all in a scenario with these stages."""
    if spec.criterion == "questions" or spec.id in MEETING_SIGNALS:
        return "meeting" in stages
    if spec.criterion == "follow_through":
        return "thank_you" in stages
    if spec.id in OUTREACH_SIGNALS:
        return "outreach" in stages
    if spec.id == "invented_referral":
        return any(stage in stages for stage in CLAIM_STAGES)
    return True


def _count(coverage: Coverage, playthrough: Playthrough) -> None:
    session, report = playthrough.session, playthrough.report
    coverage.stages.update(playthrough.stages)
    coverage.events.update(session.clock.fired)
    for turn in session.transcript.turns:
        group = turn.data.get("group")
        if group and turn.who == "persona":
            coverage.groups[str(group)] += 1
        reply = turn.data.get("reply")
        if reply:
            coverage.replies[str(reply)] += 1
    coverage.findings.update(set(report.finding_ids()))
    coverage.passed += report.passed
    coverage.scores.append(report.score)


def format_coverage(coverage: Coverage, ref: str) -> list[str]:
    """The report ``simulator check --explore`` prints."""
    lines = [f"{coverage.scenario}: {coverage.runs} random playthroughs"]
    done = coverage.runs - len(coverage.problems)
    if coverage.scores:
        scores = sorted(coverage.scores)
        lines.append(
            f"  finished {done}; passed {coverage.passed}; scores {scores[0]}-{scores[-1]} "
            f"(median {scores[len(scores) // 2]})"
        )
    if coverage.replies:
        shown = ", ".join(f"{k} {v}" for k, v in sorted(coverage.replies.items()))
        lines.append(f"  replies: {shown}")
    for kind, missing in coverage.never().items():
        if missing:
            lines.append(f"  never reached ({kind}): {', '.join(missing)}")
        else:
            lines.append(f"  every {kind[:-1]} reached")
    for problem in coverage.problems:
        lines.append(f"  {problem.kind.upper()} with seed {problem.seed}: {problem.message}")
        lines.append(
            f"    reproduce: simulator check --explore 1 --seed {problem.seed} --transcript {ref}"
        )
    return lines
