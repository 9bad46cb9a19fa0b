"""Scenario checks, without a UI: run the tests an author wrote inside a scenario file.

Each check plays its script through a real session (seeded) and compares the persona's
reply, the findings, the score and the verdict with what the author expected; every
difference is reported in the author's terms, with the persona's reasons when the reply
differs. ``simulator check`` prints the results like a test runner; the library's tests
call the same code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.content import Bundle
from simulator.content.models import Check, CheckExpect
from simulator.conversation import InputError
from simulator.grading import Report
from simulator.practice import play_script


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome: what differed from the expectation (empty when it passed)."""

    name: str
    differences: tuple[str, ...] = ()
    """One line per expectation that was not met, each with indented detail lines."""
    report: Report | None = None
    reply: str | None = None
    error: str | None = None
    """Set when the check could not be played at all (a refused input, an engine crash)."""
    notes: tuple[str, ...] = ()
    """Things worth knowing that do not fail the check (script lines left unused)."""

    @property
    def passed(self) -> bool:
        return not self.differences and self.error is None


@dataclass
class CheckRun:
    """All checks of one scenario."""

    scenario: str
    results: list[CheckResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)

    @property
    def failed_count(self) -> int:
        return sum(not r.passed for r in self.results)


def first_reply(report_transcript: object) -> str | None:
    """The persona's first decision on the outreach (accept/redirect/silence), if any."""
    for turn in getattr(report_transcript, "turns", []):
        reply = turn.data.get("reply")
        if reply:
            return str(reply)
    return None


def _first_decision(transcript: object) -> dict[str, Any]:
    for turn in getattr(transcript, "turns", []):
        if turn.data.get("reply"):
            decision = turn.data.get("decision")
            return decision if isinstance(decision, dict) else {}
    return {}


def run_check(bundle: Bundle, check: Check) -> CheckResult:
    """Play one check and compare with its expectations."""
    try:
        result = play_script(bundle, check.script, check.seed)
    except InputError as exc:
        return CheckResult(check.name, error=f"the script was refused: {exc}")
    except Exception as exc:  # an engine bug must show as a failed check, not a traceback
        return CheckResult(check.name, error=f"the session crashed: {type(exc).__name__}: {exc}")
    session, report = result.session, result.report
    reply = first_reply(session.transcript)
    diffs = compare(check.expect, report, reply, _first_decision(session.transcript))
    notes = []
    if result.unused_meeting_lines:
        notes.append(
            f"{result.unused_meeting_lines} meeting line(s) of the script were not used "
            "(the meeting ended first)"
        )
    if result.unused_follow_ups:
        notes.append(f"{result.unused_follow_ups} follow-up(s) of the script were not used")
    return CheckResult(check.name, tuple(diffs), report, reply, notes=tuple(notes))


def compare(
    expect: CheckExpect, report: Report, reply: str | None, decision: dict[str, Any]
) -> list[str]:
    """What differs between an expectation and a graded session, one entry per field."""
    found = report.finding_ids()
    quotes = {f.signal: f.quote for f in reversed(report.findings)}
    diffs: list[str] = []
    if expect.reply is not None and reply != expect.reply:
        lines = [f"reply: expected {expect.reply}, got {reply or 'none (no outreach)'}"]
        lines += [f"    {reason}" for reason in decision.get("reasons", [])]
        diffs.append("\n".join(lines))
    missing = [f for f in expect.findings if f not in found]
    if missing:
        diffs.append(
            f"findings: missing {', '.join(missing)}\n"
            f"    found: {', '.join(sorted(set(found))) or 'nothing'}"
        )
    unwanted = [f for f in expect.absent if f in found]
    if unwanted:
        shown = "\n".join(f"    {f}: \u201c{_clip(quotes[f])}\u201d" for f in unwanted)
        diffs.append(f"absent: expected none of {', '.join(unwanted)}, but found\n{shown}")
    if expect.score is not None:
        low, high = expect.score
        if not low <= report.score <= high:
            diffs.append(f"score: expected {low}-{high}, got {report.score}")
    if expect.passed is not None and report.passed != expect.passed:
        want = "pass" if expect.passed else "fail"
        diffs.append(f"passed: expected the session to {want}, got: {report.verdict}")
    return diffs


def _clip(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def run_checks(bundle: Bundle) -> CheckRun:
    """Every check of a scenario, in order."""
    run = CheckRun(bundle.scenario.id)
    for check in bundle.scenario.checks:
        run.results.append(run_check(bundle, check))
    return run


def format_run(run: CheckRun, source: str = "") -> list[str]:
    """A scenario's results as a test runner prints them: one line per check, then diffs."""
    lines = [f"{run.scenario}" + (f" ({source})" if source else "")]
    if not run.results:
        lines.append("  no checks yet: add some under 'checks:' (see docs/authoring.md)")
    for result in run.results:
        lines.append(f"  {'PASS' if result.passed else 'FAIL'}  {result.name}")
        details = [result.error] if result.error else list(result.differences)
        for detail in details:
            lines += [f"        {part}" for part in (detail or "").split("\n")]
        lines += [f"        note: {note}" for note in result.notes]
    return lines
