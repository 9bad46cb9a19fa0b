"""Scenario checks, without a UI: run the tests an author wrote inside a scenario file.

Each check plays its script through a real session (seeded) and compares the persona's
reply, the findings and the score with what the author expected. ``simulator check``
reports the results like a test runner; the library's tests call the same code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.content import Bundle
from simulator.content.models import Check
from simulator.conversation import InputError
from simulator.conversation.scripted import run_script
from simulator.grading import Report, grade


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome: what differed from the expectation (empty when it passed)."""

    name: str
    differences: tuple[str, ...] = ()
    report: Report | None = None
    reply: str | None = None
    error: str | None = None

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


def first_reply(report_transcript: object) -> str | None:
    """The persona's first decision on the outreach (accept/redirect/silence), if any."""
    for turn in getattr(report_transcript, "turns", []):
        reply = turn.data.get("reply")
        if reply:
            return str(reply)
    return None


def run_check(bundle: Bundle, check: Check) -> CheckResult:
    """Play one check and compare with its expectations."""
    try:
        result = run_script(bundle, check.script, check.seed)
    except InputError as exc:
        return CheckResult(check.name, error=f"the script was refused: {exc}")
    session = result.session
    report = grade(session.transcript, bundle.scenario, session.lexicon)
    reply = first_reply(session.transcript)
    expect = check.expect
    found = set(report.finding_ids())
    diffs: list[str] = []
    if expect.reply is not None and reply != expect.reply:
        diffs.append(f"reply: expected {expect.reply}, got {reply or 'no outreach'}")
    missing = [f for f in expect.findings if f not in found]
    if missing:
        diffs.append(
            f"findings: expected {', '.join(missing)}; got {', '.join(sorted(found)) or 'none'}"
        )
    unwanted = [f for f in expect.absent if f in found]
    if unwanted:
        quotes = {f.signal: f.quote for f in report.findings}
        shown = ", ".join(f"{f} (\u201c{quotes[f]}\u201d)" for f in unwanted)
        diffs.append(f"absent: expected none of them, got {shown}")
    if expect.score is not None:
        low, high = expect.score
        if not low <= report.score <= high:
            diffs.append(f"score: expected {low}-{high}, got {report.score}")
    if expect.passed is not None and report.passed != expect.passed:
        diffs.append(
            f"passed: expected {str(expect.passed).lower()}, got {str(report.passed).lower()}"
            f" ({report.verdict})"
        )
    return CheckResult(check.name, tuple(diffs), report, reply)


def run_checks(bundle: Bundle) -> CheckRun:
    """Every check of a scenario, in order."""
    run = CheckRun(bundle.scenario.id)
    for check in bundle.scenario.checks:
        run.results.append(run_check(bundle, check))
    return run
