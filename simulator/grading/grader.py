"""Grading, without a UI: a transcript and its scenario in, an explainable ``Report`` out.

A pure function: it re-reads every learner turn with the context recorded beside it and
reads the engine's recorded events (meeting end, thank-you timing), so a transcript can
be re-graded anywhere and must give the same report.
"""

from __future__ import annotations

from typing import Any

from simulator.content.models import Scenario
from simulator.core.criteria import BASE as BASE
from simulator.core.criteria import CRITERIA, CRITERION_NAMES
from simulator.core.transcript import Transcript
from simulator.core.words import plural
from simulator.grading.report import CriterionScore, Finding, Report
from simulator.reading import Context, Lexicon, read, signal_words, standard_lexicon


def grade(transcript: Transcript, scenario: Scenario, lexicon: Lexicon | None = None) -> Report:
    """Grade a transcript (a ``Transcript``) against its scenario's rubric."""
    lexicon = lexicon or standard_lexicon().extended(scenario.lexicon)
    findings: list[Finding] = []
    seen_positive: set[str] = set()
    reached: set[str] = set()
    last_said = ""

    def add(
        signal_id: str, quote: str, turn: int, stage: str, start: int = 0, end: int = 0
    ) -> None:
        spec = lexicon.specs.get(signal_id)
        if spec is None:
            return
        if spec.polarity == "positive":
            if signal_id in seen_positive:
                return
            seen_positive.add(signal_id)
        findings.append(
            Finding(
                signal=signal_id,
                criterion=spec.criterion,
                polarity=spec.polarity,
                points=spec.points,
                rule=spec.rule,
                tip=spec.tip,
                rewrite=spec.rewrite,
                quote=quote,
                turn=turn,
                stage=stage,
                start=start,
                end=end,
                blocker=signal_id in scenario.rubric.blockers or signal_id == "not_accepted",
            )
        )

    for turn in transcript.turns:
        if turn.who == "learner":
            reached.update(("respect_time", "no_pitch", "relationship"))
            if turn.stage == "meeting" and turn.kind == "say":
                reached.add("questions")
                last_said = turn.text
            if turn.stage == "thank_you":
                reached.add("follow_through")
                if turn.kind == "skip":
                    add("no_thank_you", "(no thank-you note sent)", turn.n, turn.stage)
            if turn.kind == "skip" or not turn.text:
                continue
            context = Context.from_dict(turn.data.get("context") or {})
            read_as = str(turn.data.get("read_as") or turn.stage)
            reading = read(turn.text, read_as, context, lexicon)
            seen_here: set[str] = set()
            for signal in reading.signals:
                if signal.id in seen_here:
                    continue
                seen_here.add(signal.id)
                add(signal.id, signal.quote, turn.n, turn.stage, signal.start, signal.end)
            if turn.stage == "thank_you":
                add("thank_you_sent", _head(turn.text), turn.n, turn.stage)
                after, within = turn.data.get("after_hours"), turn.data.get("within_hours")
                if isinstance(after, int) and isinstance(within, int) and after > within:
                    add(
                        "late_thank_you",
                        f"sent {plural(after, 'hour')} after the meeting",
                        turn.n,
                        turn.stage,
                    )
        elif turn.who == "event" and turn.kind == "meeting_end":
            reason = turn.data.get("reason")
            used, granted = turn.data.get("used", 0), turn.data.get("granted", 0)
            quote = _head(last_said) or "(the meeting)"
            if reason == "out_of_time":
                add("meeting_overrun", quote, turn.n, turn.stage)
            elif reason == "patience":
                add("persona_lost_patience", quote, turn.n, turn.stage)
            elif reason in ("wrap_up", "learner_left") and used <= granted and last_said:
                add("ended_on_time", quote, turn.n, turn.stage)

    if "questions" in reached and not any(
        f.criterion == "questions" and f.polarity == "positive" for f in findings
    ):
        add(
            "no_questions",
            _head(last_said) or "(the meeting)",
            _last_meeting_turn(transcript),
            "meeting",
        )
    _gate_on_reply(transcript, scenario, add)
    criteria = _score(findings, reached, scenario)
    applicable = [c for c in criteria if c.score is not None and c.weight > 0]
    total_weight = sum(c.weight for c in applicable)
    overall = (
        round(sum(c.weight * (c.score or 0) for c in applicable) / total_weight)
        if total_weight
        else 0
    )
    blockers = tuple(
        dict.fromkeys(
            f"{signal_words(f.signal)}: \u201c{_head(f.quote)}\u201d" for f in findings if f.blocker
        )
    )
    passed = overall >= scenario.rubric.pass_mark and not blockers
    from simulator.grading.outcome import describe_outcome, verdict_line

    report = Report(
        scenario=scenario.id,
        persona=transcript.persona,
        score=overall,
        passed=passed,
        pass_mark=scenario.rubric.pass_mark,
        criteria=tuple(criteria),
        findings=tuple(findings),
        blockers=blockers,
        outcome=tuple(describe_outcome(transcript)),
        tips=tuple(_tips(findings)),
    )
    return _with_verdict(report, verdict_line(report))


def _score(findings: list[Finding], reached: set[str], scenario: Scenario) -> list[CriterionScore]:
    weights: dict[str, int] = {str(k): v for k, v in scenario.rubric.weights.items()}
    scores = []
    for criterion in CRITERIA:
        indexes = tuple(i for i, f in enumerate(findings) if f.criterion == criterion)
        if criterion not in reached:
            score = None
        else:
            raw = BASE[criterion] + sum(findings[i].points for i in indexes)
            score = max(0, min(100, raw))
        scores.append(
            CriterionScore(
                id=criterion,
                name=CRITERION_NAMES[criterion],
                weight=int(weights.get(criterion) or 0),
                score=score,
                base=BASE[criterion],
                findings=indexes,
            )
        )
    return scores


def _gate_on_reply(transcript: Transcript, scenario: Scenario, add: Any) -> None:
    """With ``require_accept``, an outreach that never earned a yes cannot pass."""
    if not (scenario.stages.outreach and scenario.rubric.require_accept):
        return
    replies = [t for t in transcript.turns if t.stage == "outreach" and t.data.get("reply")]
    if replies and replies[-1].data["reply"] != "accept":
        last = replies[-1]
        said = {"redirect": "pointed you to the careers site", "silence": "never replied"}
        add(
            "not_accepted",
            f"the persona {said.get(last.data['reply'], 'said no')}",
            last.n,
            "outreach",
        )


def _last_meeting_turn(transcript: Transcript) -> int:
    said = [t.n for t in transcript.turns if t.who == "learner" and t.stage == "meeting"]
    return said[-1] if said else 0


def _tips(findings: list[Finding]) -> list[str]:
    """The three most useful fixes: the costliest distinct problems first."""
    negatives = sorted(
        (f for f in findings if f.polarity == "negative"), key=lambda f: (f.points, f.turn)
    )
    tips: list[str] = []
    for finding in negatives:
        if finding.tip not in tips:
            tips.append(finding.tip)
        if len(tips) == 3:
            break
    return tips


def _head(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def _with_verdict(report: Report, verdict: str) -> Report:
    from dataclasses import replace

    return replace(report, verdict=verdict)
