"""The outcome in words, without a UI: what happened, told as a person would tell it."""

from __future__ import annotations

from typing import Any

from simulator.grading.report import Report


def describe_outcome(transcript: Any, scenario: Any = None) -> list[str]:
    """Sentences like "Rich gave you 15 minutes and suggested two colleagues to talk to",
    in the scenario's words where it gives them (``outcome:``)."""
    from simulator.grading.grader import outcome_words

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
                lines.append(f"{name} {outcome_words(scenario, 'redirect')} instead of meeting.")
            else:
                lines.append(f"{name} {outcome_words(scenario, 'silence')}.")
        elif turn.kind == "meeting_end":
            reason = data.get("reason")
            used = round(float(data.get("used", 0)))
            granted = data.get("granted")
            why = {
                "wrap_up": "you wrapped up",
                "learner_left": "you ended it",
                "out_of_time": f"{name} ran out of time and had to go",
                "patience": f"{name} lost patience and ended it early",
                "interrupted": f"an interruption called {name} away",
            }.get(str(reason), "it ended")
            lines.append(f"The meeting used {used} of {granted} minutes; {why}.")
        elif turn.who == "persona":
            for colleague in colleagues:
                if colleague in turn.text and colleague not in introduced:
                    introduced.append(colleague)
        elif turn.who == "learner" and turn.stage == "thank_you":
            if turn.kind == "skip":
                lines.append("You did not send a thank-you note.")
            else:
                lines.append(f"You sent your thank-you {data.get('after_hours')} hours later.")
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
