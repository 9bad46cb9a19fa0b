"""The outcome in words, without a UI: what happened, told as a person would tell it."""

from __future__ import annotations

from typing import Any

from simulator.core.calendar import day_label
from simulator.core.transcript import Transcript, Turn, end_reason_words
from simulator.core.words import plural
from simulator.grading.report import Report

RECOMMENDING_GROUPS = frozenset(
    {
        "answer_contacts",
        "goodbye_warm",
        "goodbye_cool",
        "thank_you_reply_warm",
        "thank_you_reply_cool",
    }
)
"""Persona line groups in which naming a colleague means "talk to them"."""


def _hours(value: object) -> str:
    return plural(value, "hour") if isinstance(value, int) else f"{value} hours"


def describe_outcome(transcript: Transcript, scenario: Any = None) -> list[str]:
    """Sentences like "Rich gave you 15 minutes and suggested two colleagues to talk to",
    in the scenario's words where it gives them (``outcome:``)."""
    ids = transcript.identities
    name = str(ids.get("persona_first") or ids.get("persona_name") or "The persona")
    colleagues = [str(ids[k]) for k in ("colleague", "colleague2", "colleague3") if ids.get(k)]
    lines: list[str] = []
    introduced: list[str] = []
    for turn in transcript.turns:
        if turn.who == "persona" and turn.data.get("group") in RECOMMENDING_GROUPS:
            # Only a line that points the learner to someone recommends them: a colleague
            # who interrupts the meeting, or is mentioned in passing, is not a contact.
            introduced += [c for c in colleagues if c in turn.text and c not in introduced]
        line = _turn_line(turn, name, ids, scenario)
        if line:
            lines.append(line)
    if introduced:
        people = " and ".join(introduced) if len(introduced) <= 2 else ", ".join(introduced)
        worth = "someone" if len(introduced) == 1 else "people"
        lines.append(f"{name} mentioned {people} as {worth} worth talking to.")
    lines.append(
        f"Seed {transcript.seed}: replay this conversation with "
        f"simulator play {transcript.scenario} --seed {transcript.seed}"
    )
    return lines


def outcome_words(scenario: Any, reply: str) -> str:
    """What the persona did with an outreach, in the scenario's words (``outcome:``)."""
    outcome = scenario.outcome if scenario is not None else None
    if reply == "redirect":
        return (outcome.redirect if outcome else None) or "sent you elsewhere"
    if reply == "silence":
        return (outcome.silence if outcome else None) or "never replied"
    return "said no"


def _turn_line(turn: Turn, name: str, ids: dict[str, Any], scenario: Any = None) -> str:
    """What one turn adds to the story ('' for most turns)."""
    data = turn.data
    if turn.stage == "outreach" and data.get("reply"):
        minutes = (data.get("decision") or {}).get("minutes")
        return {
            "accept": f"{name} replied on day {turn.day} and gave you {minutes} minutes.",
            "redirect": f"{name} {outcome_words(scenario, 'redirect')} instead of meeting.",
            "silence": f"{name} {outcome_words(scenario, 'silence')}.",
        }.get(str(data["reply"]), f"{name} did not reply.")
    if turn.kind == "meeting_start" and "start_weekday" in ids:
        return f"The meeting was on {day_label(turn.day, int(ids['start_weekday']))}."
    if turn.kind == "unused_script":
        return turn.text
    if turn.kind == "meeting_end":
        used = round(float(data.get("used", 0)))
        why = end_reason_words(data.get("reason"), name)
        return f"The meeting used {used} of {data.get('granted')} minutes; {why}."
    if turn.who == "learner" and turn.stage == "thank_you":
        if turn.kind == "skip":
            return "You did not send a thank-you note."
        return f"You sent your thank-you {_hours(data.get('after_hours'))} later."
    return ""


def verdict_line(report: Report) -> str:
    """One line: pass or fail, the score, and the main reason."""
    if report.blockers:
        return f"Not passed ({report.score}/100): a blocker was hit: {report.blockers[0]}."
    if report.passed:
        return f"Passed with {report.score}/100 (pass mark {report.pass_mark})."
    worst = min(
        (c for c in report.criteria if c.score is not None and c.weight > 0),
        key=lambda c: c.score or 0,
        default=None,
    )
    reason = f" Weakest: {worst.name.lower()} ({worst.score})." if worst else ""
    return f"Not passed ({report.score}/100, pass mark {report.pass_mark}).{reason}"
