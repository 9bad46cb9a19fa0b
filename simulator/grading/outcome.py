"""The outcome in words, without a UI: what happened, told as a person would tell it."""

from __future__ import annotations

from simulator.core.transcript import Transcript, end_reason_words
from simulator.core.words import plural
from simulator.grading.report import Report


def _hours(value: object) -> str:
    return plural(value, "hour") if isinstance(value, int) else f"{value} hours"


def describe_outcome(transcript: Transcript) -> list[str]:
    """Sentences like "Rich gave you 15 minutes and suggested two colleagues to talk to"."""
    ids = transcript.identities
    name = str(ids.get("persona_first") or ids.get("persona_name") or "The persona")
    colleagues = [str(ids[k]) for k in ("colleague", "colleague2", "colleague3") if ids.get(k)]
    lines: list[str] = []
    introduced: list[str] = []
    for turn in transcript.turns:
        data = turn.data
        if turn.stage == "outreach" and data.get("reply"):
            reply = data["reply"]
            minutes = (data.get("decision") or {}).get("minutes")
            if reply == "accept":
                lines.append(f"{name} replied on day {turn.day} and gave you {minutes} minutes.")
            elif reply == "redirect":
                lines.append(f"{name} pointed you to the careers site instead of meeting.")
            else:
                lines.append(f"{name} did not reply.")
        elif turn.kind == "meeting_end":
            reason = data.get("reason")
            used = round(float(data.get("used", 0)))
            granted = data.get("granted")
            why = end_reason_words(reason, name)
            lines.append(f"The meeting used {used} of {granted} minutes; {why}.")
        elif turn.who == "persona":
            for colleague in colleagues:
                if colleague in turn.text and colleague not in introduced:
                    introduced.append(colleague)
        elif turn.who == "learner" and turn.stage == "thank_you":
            if turn.kind == "skip":
                lines.append("You did not send a thank-you note.")
            else:
                lines.append(f"You sent your thank-you {_hours(data.get('after_hours'))} later.")
    if introduced:
        people = " and ".join(introduced) if len(introduced) <= 2 else ", ".join(introduced)
        lines.append(f"{name} mentioned {people} as people worth talking to.")
    return lines


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
