"""Scripted play, without a UI: a learner script through a scenario, graded once.

``simulator run``, scenario checks and exploration use this, so a scripted session is
played and graded exactly as a person's is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from simulator.content import Bundle
from simulator.content.models import Script
from simulator.conversation import Session
from simulator.conversation.scripted import run_script
from simulator.grading import Report
from simulator.practice.scoring import report_on


@dataclass(frozen=True)
class PlayedScript:
    """A finished scripted session, its report, and what of the script went unused."""

    session: Session
    report: Report
    unused_meeting_lines: int
    unused_follow_ups: int


def play_script(
    bundle: Bundle,
    script: Script,
    seed: int = 1,
    *,
    identities: dict[str, Any] | None = None,
    learner_name: str | None = None,
) -> PlayedScript:
    """Play a whole script and grade it; raises InputError if a scripted text is refused.

    ``learner_name``: what the persona calls the learner until the script signs a message."""
    run = run_script(bundle, script, seed, identities=identities, learner_name=learner_name)
    return PlayedScript(
        run.session, report_on(run.session), run.unused_meeting_lines, run.unused_follow_ups
    )
