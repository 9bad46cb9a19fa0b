"""The persona answers the question asked, and never says the same line twice in a session."""

from __future__ import annotations

import itertools
import random
import re
from typing import Any

import pytest

from simulator.content import Library
from simulator.content.library import Bundle
from simulator.conversation import Outreach, Say, ThankYou
from simulator.conversation.judgement import answer_group
from simulator.conversation.lines import FALLBACKS, LinePicker, echoes
from simulator.conversation.machine import Stage
from simulator.conversation.session import Session

QUESTIONS: list[tuple[str, str | None]] = [
    ("How did you get into this line of work?", "career_path"),
    ("What does a typical week look like for you?", "day_to_day"),
    ("What advice would you give someone in my position?", "advice"),
    ("How is the field changing these days?", "industry"),
    ("Which companies should I look at?", "companies"),
    ("Which skills matter most?", "skills"),
    ("Is there anyone else you think I should talk to?", "contacts"),
    # A story before the question: the answer fits the question, not the story's words.
    ("I ran the night shift at a warehouse for six years; which skills carry over?", "skills"),
    ("I worked shifts for years. What surprised you most when you moved into HR?", "day_to_day"),
    ("My team is changing a lot. What should I focus on first?", "advice"),
    ("That's really interesting.", None),
    ("How much do you make?", "salary"),
    ("How many employees does the company have?", "googleable"),
]
SKILL_QUESTIONS = [
    "Which skills matter most?",
    "What qualities do you look for in a new HR hire?",
    "Would a certification help me?",
    "Which skills should I build first?",
    "What makes someone successful in HR?",
]
DEFLECTIONS = {"salary", "googleable", "pitch"}
TURNS = 30
SEEDS = range(12)


def _chain(group: str) -> list[str]:
    return LinePicker._chain(None, group)  # type: ignore[arg-type]  # chain needs no state


def _accepting_outreach(bundle: Bundle) -> Outreach | None:
    for check in bundle.scenario.checks:
        script = check.script
        if check.expect.reply == "accept" and script.outreach is not None:
            return Outreach(
                subject=script.outreach.subject or "",
                body=script.outreach.body,
                attachments=tuple(script.outreach.attachments),
            )
    return None


def _meeting_bundles() -> list[str]:
    library = Library()
    return [s for s in library.files("scenarios") if library.load(s).scenario.stages.meeting]


def _play(bundle: Bundle, seed: int) -> tuple[Session, list[str | None]]:
    """A long meeting (the persona grants all the time it takes), then a thank-you."""
    session = Session(bundle, seed)
    if session.stage is Stage.outreach:
        outreach = _accepting_outreach(bundle)
        assert outreach is not None, f"{bundle.scenario.id} has no check that gets a yes"
        session.send(outreach)
    assert session.stage is Stage.meeting, bundle.scenario.id
    session.clock.granted = 10_000  # no clock: exhaust the persona's lines instead
    session.events = [e for e in session.events if not e.ends_meeting]  # a fire drill ends it
    rng = random.Random(seed)
    asked: list[str | None] = []
    for n in range(TURNS):
        if session.stage is not Stage.meeting:
            break
        pool = QUESTIONS if n % 6 == 5 else [q for q in QUESTIONS if q[1] not in DEFLECTIONS]
        text, topic = rng.choice(pool)
        session.send(Say(text))
        asked.append(topic)
    if "thank_you" in session.allowed():
        session.send(ThankYou("Thank you for your time and your advice on skills."))
    return session, asked


@pytest.mark.parametrize("scenario_id", _meeting_bundles())
def test_a_30_turn_meeting_answers_each_topic_and_never_repeats(scenario_id: str) -> None:
    bundle = Library().load(scenario_id)
    for seed in SEEDS:
        session, asked = _play(bundle, seed)
        turns = session.transcript.turns
        assert len(asked) >= 20, (scenario_id, seed, "the meeting ended too soon to test")
        said = [t.text for t in turns if t.who == "persona"]
        assert len(said) == len(set(said)), (scenario_id, seed, "a line was said twice")
        for before, after in itertools.pairwise(said):
            asks = [q for q in re.findall(r"[^.!?]*\?", after) if len(q.split()) >= 4]
            # The persona never asks again what it just asked ("what would be most useful")
            assert not any(echoes(q, before) for q in asks), (scenario_id, seed, before, after)
        answers = iter(asked)
        for i, turn in enumerate(turns):
            if turn.who != "learner" or turn.kind != "say":
                continue
            topic = next(answers)
            reply = next(t for t in turns[i + 1 :] if t.who != "learner" and t.kind != "meters")
            if reply.kind in ("narration", "goodbye") or reply.data.get("cut_off"):
                continue  # a cut-in or the end of the meeting is not an answer
            expected = answer_group(session.judge(turn.text, "meeting").reading)
            assert reply.data.get("topic") == topic or expected.startswith("deflect"), turn.text
            wanted = reply.data.get("fallback_from", reply.data["group"])
            assert wanted == expected, (scenario_id, seed, turn.text, reply.data)
            assert reply.data["group"] in _chain(expected), (scenario_id, seed, reply.data)


def test_an_exhausted_group_falls_back_in_order_and_then_the_persona_just_nods() -> None:
    bundle = Library().load("review-season-meeting")
    session = Session(bundle, 3)
    session.clock.granted = 10_000
    chain = _chain("answer_skills")
    lines = sum(len(bundle.persona.lines.get(g, [])) for g in chain)
    for n in range(lines + 2):
        assert session.stage is Stage.meeting
        session.send(Say(SKILL_QUESTIONS[n % len(SKILL_QUESTIONS)]))
    replies = [t for t in session.transcript.turns if t.data.get("topic") == "skills"]
    groups = [t.data["group"] for t in replies if t.who == "persona"]
    assert groups == sorted(groups, key=chain.index), "each fallback is used up before the next"
    assert set(groups) == set(chain)
    nods = [t for t in session.transcript.turns if t.kind == "narration"]
    assert nods and all("nods and waits" in t.text for t in nods)
    assert len({t.text for t in replies if t.who == "persona"}) == len(groups)


def test_what_would_be_most_useful_is_never_asked_twice_in_a_row() -> None:
    bundle = Library().load("review-season-meeting")
    phrase = "what would be most useful"
    for seed in range(200):
        session = Session(bundle, seed)
        session.send(Say("Thanks for making the time."))  # small talk after the opening
        said = [t.text.lower() for t in session.transcript.turns if t.who == "persona"]
        for before, after in itertools.pairwise(said):
            assert not (phrase in before and phrase in after), (seed, before, after)


def test_every_answer_group_falls_back_to_a_general_answer() -> None:
    for group in (g for g in FALLBACKS if g.startswith("answer_") and g != "answer_other"):
        assert _chain(group)[:3] == [group, "answer_other", "acknowledge"]


def _in_the_meeting(scenario_id: str, seed: int) -> tuple[Any, Session]:
    """A session of the scenario with its meeting started (an accepted outreach first, when
    the scenario opens with one)."""
    bundle = Library().load(scenario_id)
    session = Session(bundle, seed)
    if session.stage is Stage.outreach:
        outreach = _accepting_outreach(bundle)
        assert outreach is not None
        session.send(outreach)
    return bundle, session


@pytest.mark.parametrize("scenario_id", _meeting_bundles())
def test_a_question_about_the_call_gets_a_short_answer_and_no_credit(scenario_id: str) -> None:
    """ "Can you hear me okay?" is answered as what it is, not as a question about the work
    (it used to get the persona's answer on the day-to-day), and it earns no question."""
    bundle, session = _in_the_meeting(scenario_id, 3)
    text = "Sorry, can you hear me okay? My wifi keeps cutting out."
    reading = session.judge(text, "meeting").reading
    assert reading.topic == "call"
    assert not [s for s in reading.signals if s.id.startswith("question_")]
    assert answer_group(reading) == "call_check"
    session.send(Say(text))
    reply = next(
        t for t in reversed(session.transcript.turns) if t.who == "persona" and t.kind == "line"
    )
    assert reply.data["group"] in ("call_check", "acknowledge"), reply.data
    persona_lines = bundle.persona.lines.get("call_check", [])
    assert persona_lines, f"{bundle.persona.id} has no call_check lines"


@pytest.mark.parametrize("scenario_id", _meeting_bundles())
@pytest.mark.parametrize(
    "text",
    ["How long do we have? I don't want to overstay.", "Do you mind if I jot down a few notes?"],
)
def test_a_question_about_the_calls_clock_is_answered_as_such(scenario_id: str, text: str) -> None:
    """ "How long do we have?" is about the call, not the work: no question credit, and the
    persona answers from its call_logistics lines, not with "I can hear you fine"."""
    bundle, session = _in_the_meeting(scenario_id, 5)
    reading = session.judge(text, "meeting").reading
    assert reading.topic == "call", text
    assert not [s for s in reading.signals if s.id.startswith("question_")], text
    assert answer_group(reading) == "call_logistics"
    session.send(Say(text))
    reply = next(
        t for t in reversed(session.transcript.turns) if t.who == "persona" and t.kind == "line"
    )
    assert reply.data["group"] == "call_logistics", reply.data
    assert reply.text in bundle.persona.lines["call_logistics"]
