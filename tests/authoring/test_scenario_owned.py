"""Scenarios own their words, evidence, limits and reactions, written only in YAML.

The nursing scenario is the proof: its debrief names no other profession, it switches
``bypass_application`` off for "applied to a course", its persona's 15-minute limit makes
a 30-minute ask long, and its persona reacts to a shadowing request with its own lines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from simulator.content import Bundle, Library
from simulator.content.models import Script
from simulator.conversation import inputs as inp
from simulator.conversation.judgement import attachment_kind, judge
from simulator.conversation.scripted import run_script
from simulator.conversation.session import Session
from simulator.grading import grade, report_text
from simulator.reading import Context, read, scenario_lexicon, standard_lexicon

LEARNERS: dict[str, Any] = yaml.load(  # libyaml's parser: each xdist worker loads it at collection
    (Path(__file__).parents[1] / "library" / "learners.yaml").read_text(encoding="utf-8"),
    Loader=yaml.CSafeLoader,
)
HR_WORDS = re.compile(
    r"\b(HR|human resources|review season|compensation|comp season|payroll|recruiter|"
    r"careers site|people team|onboarding|pay transparency|operations into)\b",
    re.IGNORECASE,
)
COURSE = "I just applied, and the prerequisite class starts next month so I want to learn more."
"""Built-in, "I just applied" reads as chasing an application (the class is beyond the few
words the reader looks ahead); the nursing scenario's ``unless`` words let it through."""


@pytest.fixture(scope="module")
def nurse() -> Bundle:
    return Library().load("nurse-flu-season")


@pytest.mark.parametrize("which", ["good", "bad"])
@pytest.mark.parametrize("seed", [1, 5, 9])
def test_the_nursing_debrief_has_no_hr_word(nurse: Bundle, which: str, seed: int) -> None:
    script = Script.model_validate(LEARNERS["nurse-flu-season"][which])
    session = run_script(nurse, script, seed).session
    report = grade(session.transcript, nurse.scenario, session.lexicon)
    text = report_text(report)
    assert report.findings, "the debrief should have something to say"
    assert not HR_WORDS.findall(text), HR_WORDS.findall(text)


@pytest.mark.parametrize("which", ["good", "bad"])
def test_the_whole_nursing_session_and_debrief_name_no_hr_word(
    nurse: Bundle,
    which: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Everything a learner reads: the session and debrief ``run`` prints, and the report
    in every export format (Markdown, JSON, HTML), for several seeds."""
    from simulator.cli import main
    from simulator.practice import FORMATS, render_export

    script_file = tmp_path / "learner.yaml"
    script_file.write_text(yaml.safe_dump(LEARNERS["nurse-flu-season"][which]), "utf-8")
    script = Script.model_validate(LEARNERS["nurse-flu-season"][which])
    for seed in (2, 7, 11):
        args = ["run", "nurse-flu-season", "--script", str(script_file), "--seed", str(seed)]
        assert main(args) == 0
        printed = capsys.readouterr().out
        assert "What happened:" in printed and "Criteria:" in printed
        session = run_script(nurse, script, seed).session
        report = grade(session.transcript, nurse.scenario, session.lexicon)
        texts = [printed, report_text(report)]
        texts += [render_export(f, report, session.transcript) for f in FORMATS]
        for text in texts:
            assert not HR_WORDS.findall(text), (seed, HR_WORDS.findall(text))


def test_the_nursing_debrief_speaks_in_the_scenarios_own_words(nurse: Bundle) -> None:
    script = Script.model_validate(LEARNERS["nurse-flu-season"]["bad"])
    session = run_script(nurse, script, 1).session
    text = report_text(grade(session.transcript, nurse.scenario, session.lexicon))
    assert "Not asking for a job or a shift" in text  # criterion label
    assert "Volunteer and Education office" in text  # outcome wording
    assert "shadow a shift, which in flu season" in text  # a new signal's own rule


def test_a_scenario_switches_bypass_application_off_for_applying_to_a_course(
    nurse: Bundle,
) -> None:
    assert read(COURSE, "thank_you").has("bypass_application")  # the built-in reading
    assert not read(COURSE, "thank_you", lexicon=scenario_lexicon(nurse.scenario)).has(
        "bypass_application"
    )
    chasing = "Could you move my application to the top of the pile for the unit?"
    assert read(chasing, "outreach", lexicon=scenario_lexicon(nurse.scenario)).has(
        "bypass_application"
    ), "only the course sentence is let through, not the signal as a whole"


def test_the_scenarios_unless_words_overrule_the_intent_model_too(nurse: Bundle) -> None:
    chasing = "Has anyone looked at the application I sent in for the class yet?"
    model_read = read(chasing, "thank_you").signals
    assert any(s.id == "bypass_application" and s.source == "model" for s in model_read)
    lexicon = scenario_lexicon(nurse.scenario)
    assert not read(chasing, "thank_you", lexicon=lexicon).has("bypass_application")


def test_a_whole_signal_can_be_switched_off_and_a_phrase_dropped(nurse: Bundle) -> None:
    settings = {"bypass_application": {"off": True}, "acknowledges_busy": {"drop": ["swamped"]}}
    scenario = nurse.scenario.model_validate({**nurse.scenario.model_dump(), "signals": settings})
    lexicon = scenario_lexicon(scenario)
    assert "bypass_application" not in lexicon.specs
    assert not read("I just applied, can you check on my application?", lexicon=lexicon).has(
        "bypass_application"
    )
    assert read("I know you must be swamped.", lexicon=standard_lexicon()).has("acknowledges_busy")
    assert not read("I know you must be swamped.", lexicon=lexicon).has("acknowledges_busy")


def test_max_minutes_15_makes_a_30_minute_ask_long(nurse: Bundle) -> None:
    ask = "Could I have 30 minutes by phone next week?"
    assert read(ask, "outreach").has("bounded_time_ask")  # the default limit is 30
    assert nurse.persona.temperament.max_minutes == 15
    judged = judge(ask, "outreach", nurse.persona, nurse.scenario)
    assert judged.reading.has("long_time_ask")
    assert not judged.reading.has("bounded_time_ask")
    fifteen = judge("Could I have 15 minutes by phone?", "outreach", nurse.persona, nurse.scenario)
    assert fifteen.reading.has("bounded_time_ask")
    # and the session records the limit, so a re-grade reads the same way
    session = Session(nurse, 1)
    session.send(inp.Outreach(subject="A call", body=ask))
    assert session.transcript.turns[0].data["context"]["bounded_minutes"] == 15
    report = grade(session.transcript, nurse.scenario)
    assert "long_time_ask" in report.finding_ids()


def test_the_attachment_policy_reads_names_and_declared_kinds(nurse: Bundle) -> None:
    assert attachment_kind("Cover Letter - Sam.docx") == "cover_letter"
    assert attachment_kind("transcript_2024.pdf") == "transcript"
    assert attachment_kind("my-CV.pdf") == "cv"
    assert attachment_kind("holiday.jpg") == "other"
    declared = nurse.scenario.learner.file_kinds()
    assert attachment_kind("why-nursing.docx", declared) == "cover_letter"
    body = "Hi, I'm moving into nursing. Could I have 15 minutes by phone whenever suits you?"
    for name in ("why-nursing.docx", "prerequisites.pdf", "cover-letter.pdf"):
        found = judge(body, "outreach", nurse.persona, nurse.scenario, attachments=(name,))
        assert found.reading.has("resume_attached"), name
    harmless = judge(body, "outreach", nurse.persona, nurse.scenario, attachments=("map.png",))
    assert not harmless.reading.has("resume_attached")
    relaxed = nurse.persona.model_copy(
        update={"temperament": nurse.persona.temperament.model_copy(update={"pitch_files": []})}
    )
    assert not judge(
        body, "outreach", relaxed, nurse.scenario, attachments=("cv.pdf",)
    ).reading.has("resume_attached")
    assert Context.from_dict(Context(pitch_files=("a.pdf",)).to_dict()).pitch_files == ("a.pdf",)


def _meeting(bundle: Bundle, lines: list[str], seed: int = 1) -> Session:
    outreach = LEARNERS[bundle.scenario.id]["good"]["outreach"]
    return run_script(
        bundle, Script.model_validate({"outreach": outreach, "meeting": lines}), seed
    ).session


def test_reactions_by_kind_fall_back_to_the_general_group(nurse: Bundle) -> None:
    session = _meeting(nurse, ["Could I shadow a shift with you next week?"])
    groups = [t.data.get("group") for t in session.transcript.turns if t.who == "persona"]
    assert "deflect_asks_to_shadow" in groups
    session = _meeting(nurse, ["Are you hiring nursing assistants on your unit?"])
    groups = [t.data.get("group") for t in session.transcript.turns if t.who == "persona"]
    assert "deflect_job" in groups  # no deflect_openings group: the general one answers
    redirected = Session(nurse, 1)
    redirected.send(inp.Outreach(subject="Shadowing", body="Could I shadow a shift next week?"))
    reply = next(t for t in redirected.transcript.turns if t.who == "persona")
    assert reply.data["group"] == "redirect_asks_to_shadow"


def test_a_scenario_topic_has_its_own_answers(nurse: Bundle) -> None:
    session = _meeting(nurse, ["What is the scope of practice for a CNA compared with a nurse?"])
    groups = [t.data.get("group") for t in session.transcript.turns if t.who == "persona"]
    assert "answer_scope" in groups


def test_random_interruptions_fall_inside_their_window_by_seed(nurse: Bundle) -> None:
    from simulator.conversation.meeting import event_minute

    event = nurse.scenario.stages.meeting.events[0]  # type: ignore[union-attr]
    minutes = {event_minute(seed, 0, event) for seed in range(1, 60)}
    assert minutes <= set(range(4, 10)) and len(minutes) >= 4
    assert event_minute(3, 0, event) == event_minute(3, 0, event)


def test_an_interruption_can_end_the_meeting() -> None:
    bundle = Library().load("principal-exam-week")
    talk = ["What does a normal week look like for a new teacher at a school like yours?"] * 12
    session = _meeting(bundle, talk, seed=2)
    end = next(t for t in session.transcript.turns if t.kind == "meeting_end")
    assert end.data["reason"] == "interrupted"
    said = [t.data.get("group") for t in session.transcript.turns if t.who == "persona"]
    assert "fire_drill" in said
    assert not session.finished or session.state.value in ("thank_you", "debrief")


def test_analyze_reads_a_draft_with_the_scenarios_own_signals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulator.cli import main

    draft = tmp_path / "draft.txt"
    draft.write_text("Could I shadow a shift with you next week?", "utf-8")
    assert (
        main(["analyze", "--scenario", "nurse-flu-season", "--stage", "outreach", str(draft)]) == 0
    )
    out = " ".join(capsys.readouterr().out.split())  # the report wraps at 80 columns
    assert "asks to shadow" in out and "request for access the unit cannot give" in out
    assert "asks_to_shadow" not in out  # plain words, never the id
    assert "pitches for a job (" not in out  # the new signal is not shown as its model


def test_the_core_wording_names_no_profession() -> None:
    """Every rule, tip and rewrite the core gives is neutral; the HR pack carries its own
    (a scenario in any other field debriefs with none of them)."""
    leaks = {
        f"{spec.id}.{part}": HR_WORDS.findall(text)
        for spec in standard_lexicon().specs.values()
        for part, text in (("rule", spec.rule), ("tip", spec.tip), ("rewrite", spec.rewrite))
        if HR_WORDS.findall(text)
    }
    assert not leaks, leaks
