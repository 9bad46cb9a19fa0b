"""Scripted learners, without a UI: play a ``Script`` (the `run --script` file) through a session.

The script is consumed by stage: the outreach, then follow-ups while the persona is
silent, meeting lines while the meeting lasts, then the thank-you. Whatever the script
lacks for the stage at hand becomes a ``Skip``; lines left over when the meeting ends
are reported as unused. ``replay`` plays a list of inputs through a fresh session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from simulator.content.library import Bundle
from simulator.content.models import Script
from simulator.conversation import inputs as inp
from simulator.conversation.machine import Stage
from simulator.conversation.session import Session
from simulator.core.transcript import Turn


@dataclass
class ScriptRun:
    """A finished scripted session and what of the script it did not use."""

    session: Session
    unused_meeting_lines: int
    unused_follow_ups: int


def next_input(session: Session, script: Script, cursor: dict[str, int]) -> inp.Input:
    """The script's next input for the session's current stage."""
    state = session.state
    if state is Stage.outreach:
        if script.outreach is None:
            raise inp.InputError("the script has no outreach, but this scenario starts with one")
        o = script.outreach
        return inp.Outreach(o.body, o.subject, tuple(o.attachments))
    if state is Stage.waiting:
        i = cursor["follow_ups"]
        if i < len(script.follow_ups):
            cursor["follow_ups"] += 1
            f = script.follow_ups[i]
            return inp.FollowUp(f.body, f.after_days, f.subject)
        return inp.Skip()
    if state is Stage.meeting:
        i = cursor["meeting"]
        if i < len(script.meeting):
            cursor["meeting"] += 1
            return inp.Say(script.meeting[i])
        return inp.Skip()
    if state is Stage.thank_you:
        if script.thank_you is None:
            return inp.Skip()
        t = script.thank_you
        return inp.ThankYou(t.body, t.after_hours, t.subject)
    raise inp.InputError("the session is over")


def run_script(
    bundle: Bundle,
    script: Script,
    seed: int = 1,
    *,
    identities: dict[str, Any] | None = None,
    on_turns: Callable[[list[Turn]], None] | None = None,
    learner_name: str | None = None,
) -> ScriptRun:
    """Play a whole script; raises InputError if a scripted text is refused."""
    session = Session(
        bundle, seed, identities=identities, on_turns=on_turns, learner_name=learner_name
    )
    cursor = {"follow_ups": 0, "meeting": 0}
    while not session.finished:
        session.send(next_input(session, script, cursor))
    run = ScriptRun(
        session,
        unused_meeting_lines=len(script.meeting) - cursor["meeting"],
        unused_follow_ups=len(script.follow_ups) - cursor["follow_ups"],
    )
    session.note_unused(run.unused_meeting_lines, run.unused_follow_ups)
    return run


def replay(
    bundle: Bundle,
    seed: int,
    items: list[inp.Input],
    *,
    identities: dict[str, Any] | None = None,
) -> Session:
    """Play inputs through a fresh session: the same inputs give the same transcript."""
    session = Session(bundle, seed, identities=identities)
    for item in items:
        session.send(item)
    return session
