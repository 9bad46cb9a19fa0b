"""The second pack's debriefs read right to someone of that field (issue 14, played by hand).

The good learner of each non-HR scenario is played over several seeds: a plain wrap-up
ends the meeting on the learner's terms, a named go-between the brief gives is a reason
for writing (not "no reason why you"), the meeting never falls on a day the persona's
reply did not name, and one colleague is "someone", not "people", worth talking to.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from simulator.content import Library
from simulator.content.models import Script
from simulator.conversation.scripted import run_script
from simulator.grading import grade
from simulator.grading.outcome import describe_outcome

LEARNERS: dict[str, dict[str, Any]] = (
    yaml.load(  # libyaml's parser: each xdist worker loads it at collection
        (Path(__file__).with_name("learners.yaml")).read_text(encoding="utf-8"),
        Loader=yaml.CSafeLoader,
    )
)
SECOND_PACK = (
    "nurse-flu-season",
    "principal-exam-week",
    "lab-head-grant-deadline",
    "engineer-release-freeze",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@pytest.mark.parametrize("scenario_id", SECOND_PACK)
@pytest.mark.parametrize("seed", (3, 11, 29))
def test_the_good_learner_debrief_reads_right(
    library: Library, scenario_id: str, seed: int
) -> None:
    bundle = library.load(scenario_id)
    session = run_script(bundle, Script.model_validate(LEARNERS[scenario_id]["good"]), seed).session
    transcript = session.transcript
    report = grade(transcript, bundle.scenario, session.lexicon)
    ids = report.finding_ids()
    assert "ended_on_time" in ids, ids  # the learner's own wrap-up ended the meeting
    assert "no_why_you" not in ids or scenario_id == "principal-exam-week", ids
    outcome = describe_outcome(transcript, bundle.scenario)
    assert not any(re.search(r"mentioned \w+ as people", line) for line in outcome), outcome
    accept = next(
        (t.text for t in transcript.turns if t.who == "persona" and t.stage == "outreach"), ""
    )
    named = [d for d in WEEKDAYS if d in accept]
    held = next((line for line in outcome if line.startswith("The meeting was on")), "")
    if named and held:
        assert named[0] in held, (accept, held)


def test_no_persona_of_the_pack_offers_a_weekend_meeting(library: Library) -> None:
    for scenario_id in SECOND_PACK:
        persona = library.load(scenario_id).persona
        for group in ("accept", "follow_up_accept"):
            for line in persona.lines.get(group, []):
                assert "Saturday" not in line and "Sunday" not in line, line
