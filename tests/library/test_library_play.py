"""Every built-in scenario, played by a good and a pitchy scripted learner.

The good learner must pass; the pitchy one must fail, and for the reasons a coach
would name (the findings). The scripts live in ``learners.yaml`` beside this file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from simulator.checks import first_reply
from simulator.content import Bundle, Library
from simulator.content.models import Script
from simulator.conversation import InputError
from simulator.conversation import inputs as inp
from simulator.conversation.scripted import run_script
from simulator.conversation.session import Session
from simulator.grading import Report, grade

LEARNERS: dict[str, dict[str, Any]] = (
    yaml.load(  # libyaml's parser: each xdist worker loads it at collection
        (Path(__file__).with_name("learners.yaml")).read_text(encoding="utf-8"),
        Loader=yaml.CSafeLoader,
    )
)
SEEDS = (1, 7, 42)


def _play(bundle: Bundle, raw: dict[str, Any], seed: int) -> tuple[Report, str | None]:
    result = run_script(bundle, Script.model_validate(raw), seed)
    session = result.session
    return grade(session.transcript, bundle.scenario, session.lexicon), first_reply(
        session.transcript
    )


def test_every_builtin_scenario_has_scripted_learners(library: Library) -> None:
    assert sorted(LEARNERS) == sorted(library.files("scenarios"))


@pytest.mark.parametrize("scenario_id", sorted(LEARNERS))
@pytest.mark.parametrize("seed", SEEDS)
def test_good_learner_passes(library: Library, scenario_id: str, seed: int) -> None:
    bundle = library.load(scenario_id)
    entry = LEARNERS[scenario_id]
    report, reply = _play(bundle, entry["good"], seed)
    found = set(report.finding_ids())
    assert report.passed, f"{scenario_id}: {report.verdict} findings={sorted(found)}"
    pitches = [f for f in report.findings if f.criterion == "no_pitch" and f.polarity == "negative"]
    assert not pitches, sorted(found)
    assert set(entry["good_findings"]) <= found, sorted(found)
    if bundle.scenario.stages.outreach:
        assert reply == "accept"


@pytest.mark.parametrize("scenario_id", sorted(LEARNERS))
@pytest.mark.parametrize("seed", SEEDS)
def test_pitchy_learner_fails_for_the_named_reasons(
    library: Library, scenario_id: str, seed: int
) -> None:
    bundle = library.load(scenario_id)
    entry = LEARNERS[scenario_id]
    report, reply = _play(bundle, entry["bad"], seed)
    found = set(report.finding_ids())
    assert not report.passed, f"{scenario_id}: {report.verdict}"
    missing = set(entry["bad_findings"]) - found
    assert not missing, f"{scenario_id}: missing {sorted(missing)}; got {sorted(found)}"
    # The named reasons are the costliest ones: they lead the tips.
    assert report.tips
    if "bad_reply" in entry:
        assert reply == entry["bad_reply"]


def test_pitchy_meetings_are_ended_early_by_the_persona(library: Library) -> None:
    """A learner who keeps pitching in a meeting loses the persona before the time is up."""
    for scenario_id, entry in LEARNERS.items():
        if "persona_lost_patience" not in entry["bad_findings"]:
            continue
        result = run_script(library.load(scenario_id), Script.model_validate(entry["bad"]), 1)
        end = next(t for t in result.session.transcript.turns if t.kind == "meeting_end")
        assert end.data["reason"] == "patience", scenario_id
        assert end.data["used"] < end.data["granted"], scenario_id


def test_linkedin_note_over_300_characters_is_refused_and_kept(library: Library) -> None:
    bundle = library.load("recruiter-linkedin-note")
    session = Session(bundle, 1)
    long_note = "Hi, I'd like to learn how you got into recruiting. " * 7
    assert len(long_note) > 300
    with pytest.raises(InputError, match="300"):
        session.send(inp.Outreach(long_note))
    assert not [t for t in session.transcript.turns if t.who == "learner"]
    good = LEARNERS["recruiter-linkedin-note"]["good"]["outreach"]["body"]
    assert len(good) <= 300


def test_follow_up_scenario_reads_the_outreach_as_a_follow_up(library: Library) -> None:
    """The learner's message in the follow-up scenario is judged as a second contact."""
    bundle = library.load("review-season-follow-up")
    previous = bundle.scenario.stages.outreach.previous  # type: ignore[union-attr]
    assert previous is not None and previous.days_ago >= 7
    result = run_script(
        bundle, Script.model_validate(LEARNERS["review-season-follow-up"]["good"]), 1
    )
    turns = result.session.transcript.turns
    sent = next(t for t in turns if t.who == "learner")
    assert sent.data["read_as"] == "follow_up"
    reply = next(t for t in turns if t.who == "persona")
    assert reply.data["group"] == "follow_up_accept"
