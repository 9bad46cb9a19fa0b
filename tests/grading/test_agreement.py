"""The agreement test: the draft check, the live hints, ``analyze`` and a real session
judge a text alike (same ``judge()``, same context), for every corpus item and every
built-in scenario.

- the draft check and ``analyze`` both call ``practice.preview``;
- the live hints call ``Attempt.preview`` on the session as it stands;
- the session records the context it read with, the stage it read as, and its decision.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from simulator.content import Bundle, Library
from simulator.practice import (
    Attempt,
    FollowUp,
    Input,
    InputError,
    Judgement,
    Outreach,
    Say,
    Stage,
    ThankYou,
    Turn,
    preview,
    preview_bundle,
)

DATA = Path(__file__).resolve().parents[1] / "data"
STAGE_OF_KIND = {
    "outreach": "outreach",
    "followup": "follow_up",
    "question": "meeting",
    "meeting_line": "meeting",
}
QUIET = "Hello."
"""An outreach with no time ask and nothing else: every built-in persona stays silent."""
ACCEPTED = (
    "Hi, I heard you on the pay transparency panel. I'm moving from operations into HR and "
    "would love to learn how you made the move. I know it's a busy season: could I have "
    "15 minutes by phone in the next few weeks, whenever suits you? Thank you."
)
IDENTITIES: dict[str, dict[str, Any]] = {}


def corpus() -> list[dict[str, Any]]:
    rows = []
    for name in ("reader_corpus.jsonl", "reader_blind2.jsonl"):
        with (DATA / name).open(encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    return rows


ITEMS = corpus()
SCENARIOS = sorted(Library().files("scenarios"))


@dataclass
class Played:
    """What a session did with one text, read back from its transcript."""

    context: dict[str, Any]
    read_as: str
    reply: str | None
    decision: dict[str, Any] | None


def _attempt(bundle: Bundle) -> Attempt:
    ids = IDENTITIES.get(bundle.scenario.id)
    attempt = Attempt(bundle, 3, identities=ids, record=False)
    IDENTITIES.setdefault(bundle.scenario.id, dict(attempt.session.identities))
    return attempt


FIRST_STAGE: dict[str, Stage] = {}
"""Each scenario's opening stage, from its first session (seed 3, as every one here)."""
REACHED_FROM = {
    "outreach": {Stage.outreach},
    "follow_up": {Stage.outreach},
    "meeting": {Stage.outreach, Stage.meeting},
    "thank_you": {Stage.thank_you},
}
"""The opening stages from which ``_at_stage`` can reach a stage (the branches below)."""


def _at_stage(bundle: Bundle, stage: str) -> Attempt | None:
    """A session standing where ``stage`` can be sent, or None if this scenario has none."""
    first = FIRST_STAGE.get(bundle.scenario.id)
    if first is not None and first not in REACHED_FROM[stage]:
        return None  # known unreachable: start no session (about half of those started)
    attempt = _attempt(bundle)
    state = attempt.session.state
    FIRST_STAGE.setdefault(bundle.scenario.id, state)
    if stage == "outreach":
        return attempt if state is Stage.outreach else None
    if stage == "follow_up":
        if state is not Stage.outreach:
            return None
        attempt.send(Outreach(QUIET))
        return attempt if attempt.session.state is Stage.waiting else None
    if stage == "meeting" and state is Stage.outreach:
        attempt.send(Outreach(ACCEPTED, "15 minutes?"))
    if stage == "thank_you" and state is not Stage.thank_you:
        return None
    return attempt if attempt.session.state.value == stage else None


def _learner_turn(turns: list[Turn]) -> Turn:
    return next(t for t in turns if t.who == "learner")


SUBJECT = "Hello"
"""The outreach's subject line; every path reads it as part of the message."""


def _play(attempt: Attempt, text: str, stage: str) -> Played:
    items: dict[str, Input] = {
        "outreach": Outreach(text, SUBJECT),
        "follow_up": FollowUp(text),
        "meeting": Say(text),
        "thank_you": ThankYou(text),
    }
    turns = attempt.send(items[stage])
    learner = _learner_turn(turns)
    answer = [t for t in turns if t.who != "learner" and ("reply" in t.data or t.who == "persona")]
    reply = answer[0].data.get("reply") if answer else None
    decision = answer[0].data.get("decision") if answer else None
    if stage == "meeting":
        group = next((t.data.get("group") for t in turns if t.who == "persona"), None)
        # deflect_<kind> groups (deflect_referral, ...) are deflections too
        deflected = str(group).startswith("deflect_") or group == "googleable"
        reply = "redirect" if deflected else "accept"
    if stage == "thank_you":
        group = next((t.data.get("group") for t in turns if t.who == "persona"), None)
        reply = "accept" if group == "thank_you_reply_warm" else "redirect"
    read_as = str(learner.data.get("read_as") or learner.stage)
    return Played(learner.data["context"], read_as, reply, decision)


def _same(judged: Judgement, played: Played) -> list[str]:
    problems = []
    if judged.context.to_dict() != played.context:
        problems.append(f"context {judged.context.to_dict()} != {played.context}")
    if judged.reading.stage != played.read_as:
        problems.append(f"read as {judged.reading.stage} != {played.read_as}")
    if judged.decision.reply != played.reply:
        problems.append(f"reply {judged.decision.reply} != {played.reply}")
    if played.decision is not None and judged.decision.to_dict() != played.decision:
        problems.append(f"decision {judged.decision.to_dict()} != {played.decision}")
    return problems


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_draft_check_hints_analyze_and_session_agree(library: Library, scenario_id: str) -> None:
    bundle = library.load(scenario_id)
    stages = {"outreach", "follow_up", "meeting", "thank_you"}
    compared = 0
    disagreements: list[str] = []
    for row in ITEMS:
        text = row["text"]
        for stage in sorted(stages & {STAGE_OF_KIND[row["kind"]], "thank_you"}):
            attempt = _at_stage(bundle, stage)
            if attempt is None:
                continue  # no session stands there: nothing to compare the judgements with
            subject = SUBJECT if stage == "outreach" else ""  # read as part of the message
            drafted = preview_bundle(text, stage, bundle, subject)  # the app's draft check
            analyzed = preview(
                text, stage, bundle.persona, bundle.scenario, subject=subject
            )  # analyze
            hinted = attempt.preview(text, stage, subject=subject)  # the live hints, here
            try:
                played = _play(attempt, text, stage)
            except InputError:
                continue  # refused (too long for the channel): nothing was judged
            for name, judged in (
                ("draft check", drafted),
                ("analyze", analyzed),
                ("hints", hinted),
            ):
                for problem in _same(judged, played):
                    disagreements.append(f"{row['id']} as {stage}, {name}: {problem}")
            compared += 1
    assert not disagreements, "\n".join(disagreements[:10])
    assert compared >= len(ITEMS) // 4, f"only {compared} texts reached a stage here"
