"""Grading, without a UI: a transcript and its scenario in, an explainable ``Report`` out.

A pure function: it re-reads every learner turn with the context recorded beside it and
reads the engine's recorded events (meeting end, thank-you timing), so a transcript can
be re-graded anywhere and must give the same report.

Every point comes from evidence. A criterion starts at nothing; what the learner did
well is added and capped at 100, then what they did badly is taken off, so no penalty
can vanish under the cap. A criterion the session never reached is N/A.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from simulator.content.models import Scenario
from simulator.core.criteria import BASE, CRITERIA, CRITERION_NAMES
from simulator.core.transcript import Transcript
from simulator.grading import evidence
from simulator.grading.outcome import describe_outcome, outcome_words, verdict_line
from simulator.grading.report import CriterionScore, Finding, Report
from simulator.grading.tally import Tally, head
from simulator.reading import Context, Lexicon, read, scenario_lexicon, signal_words
from simulator.reading.manner import TOO_FEW_WORDS, intent_problem

CAP = 100
"""What a criterion's positive evidence is capped at, before negatives are taken off."""
WRITTEN = ("outreach", "thank_you")
"""Stages whose learner turns are written messages (length and manners are judged)."""


def grade(transcript: Transcript, scenario: Scenario, lexicon: Lexicon | None = None) -> Report:
    """Grade a transcript (a ``Transcript``) against its scenario's rubric."""
    tally = Tally(scenario, lexicon or scenario_lexicon(scenario))
    for turn in transcript.turns:
        if turn.who == "learner":
            _learner_turn(tally, turn)
        elif turn.who == "event" and turn.kind == "meeting_end":
            evidence.meeting_end(tally, transcript, turn)
    evidence.empty_meeting(tally)
    evidence.session_evidence(tally, transcript)
    _gate_on_reply(transcript, tally)
    return _report(transcript, tally)


def _learner_turn(tally: Tally, turn: Any) -> None:
    """Read one learner turn and record what it shows."""
    tally.reached.update(("respect_time", "no_pitch", "relationship"))
    if turn.stage == "meeting" and turn.kind == "say":
        tally.reached.add("questions")
        tally.last_said = turn.text
    if turn.stage == "thank_you":
        tally.reached.add("follow_through")
        if turn.kind == "skip":
            tally.add("no_thank_you", "(no thank-you note sent)", turn.n, turn.stage)
    if turn.kind == "skip" or not turn.text:
        return
    context = Context.from_dict(turn.data.get("context") or {})
    reading = read(turn.text, str(turn.data.get("read_as") or turn.stage), context, tally.lexicon)
    seen_here: set[str] = set()
    for signal in reading.signals:
        if signal.id == "no_intent" and _small_talk(turn, context):
            # "Thanks." to close a meeting is normal; it costs only if no line said anything
            tally.small_talk.append((signal.quote, turn.n, signal.start, signal.end))
            continue
        if signal.id not in seen_here:
            seen_here.add(signal.id)
            body = signal.part == "body"  # a subject's span does not index the body
            start, end = (signal.start, signal.end) if body else (0, 0)
            tally.add(signal.id, signal.quote, turn.n, turn.stage, start, end)
    if not reading.has("no_intent"):
        tally.intent_turns.append((turn.n, turn.stage, turn.text))
    if turn.stage in WRITTEN:
        evidence.message_length(tally, turn, reading, context.max_words)
    if turn.stage == "meeting":
        evidence.meeting_turn(tally, turn, reading)
    if turn.stage == "thank_you":
        evidence.thank_you_note(tally, turn, reading)


def _small_talk(turn: Any, context: Context) -> bool:
    """A meeting line empty only for being short ("Thanks.", "Cheers!", "ok").

    A meeting is a conversation: not every line must carry intent. Such a line is judged
    with the meeting (``evidence.empty_meeting``); a written message must say something.
    """
    return turn.stage == "meeting" and intent_problem(turn.text, "meeting", context) == (
        TOO_FEW_WORDS
    )


def _gate_on_reply(transcript: Any, tally: Tally) -> None:
    """With ``require_accept``, an outreach that never earned a yes cannot pass."""
    scenario = tally.scenario
    if not (scenario.stages.outreach and scenario.rubric.require_accept):
        return
    replies = [t for t in transcript.turns if t.stage == "outreach" and t.data.get("reply")]
    if replies and replies[-1].data["reply"] != "accept":
        last = replies[-1]
        quote = f"the persona {outcome_words(scenario, str(last.data['reply']))}"
        tally.add("not_accepted", quote, last.n, "outreach")


def score_criteria(
    findings: list[Finding], reached: set[str], scenario: Scenario
) -> list[CriterionScore]:
    """Each criterion: positives summed and capped, then negatives taken off (N/A if unreached)."""
    weights: dict[str, int] = {str(k): v for k, v in scenario.rubric.weights.items()}
    labels: dict[str, Any] = {str(k): v for k, v in scenario.criteria.items()}
    scores = []
    for criterion in CRITERIA:
        indexes = tuple(i for i, f in enumerate(findings) if f.criterion == criterion)
        earned = sum(findings[i].points for i in indexes if findings[i].points > 0)
        lost = sum(findings[i].points for i in indexes if findings[i].points < 0)
        score = max(0, min(CAP, BASE[criterion] + earned) + lost) if criterion in reached else None
        scores.append(
            CriterionScore(
                id=criterion,
                name=labels[criterion].label if criterion in labels else CRITERION_NAMES[criterion],
                weight=int(weights.get(criterion) or 0),
                score=score,
                base=BASE[criterion],
                findings=indexes,
                earned=earned,
                lost=lost,
            )
        )
    return scores


def _overall(criteria: list[CriterionScore]) -> int:
    applicable = [c for c in criteria if c.score is not None and c.weight > 0]
    total = sum(c.weight for c in applicable)
    return round(sum(c.weight * (c.score or 0) for c in applicable) / total) if total else 0


def _report(transcript: Any, tally: Tally) -> Report:
    scenario = tally.scenario
    criteria = score_criteria(tally.findings, tally.reached, scenario)
    overall = _overall(criteria)
    blockers = tuple(
        dict.fromkeys(
            f"{signal_words(f.signal)}: {f.rule} (\u201c{head(f.quote)}\u201d)"
            for f in tally.findings
            if f.blocker
        )
    )
    report = Report(
        scenario=scenario.id,
        persona=transcript.persona,
        score=overall,
        passed=overall >= scenario.rubric.pass_mark and not blockers,
        pass_mark=scenario.rubric.pass_mark,
        criteria=tuple(criteria),
        findings=tuple(tally.findings),
        blockers=blockers,
        outcome=tuple(describe_outcome(transcript, scenario)),
        tips=tuple(_tips(tally.findings)),
    )
    return replace(report, verdict=verdict_line(report))


def _tips(findings: list[Finding]) -> list[str]:
    """The three most useful fixes: blockers first, then the costliest distinct problems."""
    negatives = sorted(
        (f for f in findings if f.polarity == "negative"),
        key=lambda f: (not f.blocker, f.points, f.turn),
    )
    tips: list[str] = []
    for finding in negatives:
        if finding.tip not in tips:
            tips.append(finding.tip)
        if len(tips) == 3:
            break
    return tips
