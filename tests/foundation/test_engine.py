"""The conversation engine: stages, decisions, clock, meters, events, determinism."""

from __future__ import annotations

import pytest

from simulator.content import Bundle
from simulator.conversation import (
    FollowUp,
    InputError,
    Outreach,
    Say,
    Session,
    Skip,
    Stage,
    ThankYou,
)

GOOD = (
    "Hi, I heard you on the pay transparency panel last month. I'm moving from operations "
    "into HR and would love to learn how you made a similar move. I know review season is "
    "busy: could I have 15 minutes by phone in the next few weeks, whenever suits you? "
    "Thank you either way."
)
PITCHY = (
    "I'm very interested in working for your company. I've attached my resume for your "
    "review and would love to set up some time to chat when you have a moment."
)
VAGUE = "Hello, I would like to chat sometime about HR if you are free."


def accepted(bundle: Bundle, seed: int = 1) -> Session:
    session = Session(bundle, seed)
    session.send(Outreach(GOOD, "15 minutes?"))
    assert session.state is Stage.meeting
    return session


def test_good_outreach_is_accepted_with_the_asked_minutes(cold_email: Bundle) -> None:
    session = accepted(cold_email)
    assert session.granted == 15
    reply = next(t for t in session.transcript.turns if t.data.get("reply"))
    assert reply.data["reply"] == "accept"
    assert reply.day == 3
    assert session.transcript.turns[-1].who == "persona"  # the meeting opener


def test_pitch_with_resume_is_redirected(cold_email: Bundle) -> None:
    session = Session(cold_email, 1)
    turns = session.send(Outreach(PITCHY, "Hi", ("resume.pdf",)))
    assert session.state is Stage.debrief
    assert any(t.data.get("reply") == "redirect" for t in turns)


def test_vague_ask_gets_silence_then_one_follow_up(cold_email: Bundle) -> None:
    session = Session(cold_email, 1)
    session.send(Outreach(VAGUE))
    assert session.state is Stage.waiting
    assert session.allowed() == ("follow_up", "skip")
    session.send(FollowUp(GOOD, after_days=8))
    assert session.stage is Stage.meeting  # (re-read: send moved the machine)
    assert session.day >= 8


def test_second_silence_ends_the_session(cold_email: Bundle) -> None:
    session = Session(cold_email, 1)
    session.send(Outreach(VAGUE))
    session.send(FollowUp(VAGUE, after_days=7))
    assert session.state is Stage.debrief


def test_giving_up_ends_the_session(cold_email: Bundle) -> None:
    session = Session(cold_email, 1)
    session.send(Outreach(VAGUE))
    session.send(Skip())
    assert session.finished


def test_meeting_clock_warning_event_and_out_of_time(cold_email: Bundle) -> None:
    session = accepted(cold_email)
    kinds: list[str] = []
    for i in range(12):
        if session.state is not Stage.meeting:
            break
        turns = session.send(Say(f"Question {i}: what does a typical week look like for you?"))
        kinds += [t.kind for t in turns]
    assert "time_warning" in kinds
    assert "interruption" in kinds  # comp committee ping at minute 12
    end = next(t for t in session.transcript.turns if t.kind == "meeting_end")
    assert end.data["reason"] == "out_of_time"
    assert session.state is Stage.thank_you
    assert session.minute >= session.granted


def test_pitching_in_the_meeting_exhausts_patience(cold_email: Bundle) -> None:
    session = accepted(cold_email)
    for _ in range(6):
        if session.state is not Stage.meeting:
            break
        session.send(Say("Are there any openings on your team? I'd love to join your team."))
    end = next(t for t in session.transcript.turns if t.kind == "meeting_end")
    assert end.data["reason"] == "patience"
    assert session.meters.patience == 0


def test_wrap_up_ends_on_time_and_thank_you_finishes(cold_email: Bundle) -> None:
    session = accepted(cold_email)
    session.send(Say("How did you get into HR?"))
    session.send(Say("I want to respect your time, so I'll wrap up there."))
    assert session.state is Stage.thank_you
    turns = session.send(ThankYou("Thank you! You mentioned payroll; I will ask about it.", 6))
    assert session.finished
    assert turns[-1].who == "persona"


def test_meters_move_and_are_recorded(cold_email: Bundle) -> None:
    session = accepted(cold_email)
    before = session.meters.patience
    turns = session.send(Say("How much do you make?"))
    assert session.meters.patience < before
    assert any(t.kind == "meters" for t in turns)


def test_same_seed_same_transcript_other_seed_differs(cold_email: Bundle) -> None:
    def play(seed: int) -> dict:
        session = accepted(cold_email, seed)
        for question in ("How did you get into HR?", "What skills matter most?", "Any advice?"):
            session.send(Say(question))
        return session.transcript.to_dict()

    assert play(7) == play(7)
    assert play(7) != play(8)


def test_identities_are_recorded_and_reused(cold_email: Bundle) -> None:
    session = Session(cold_email, 3)
    ids = session.transcript.identities
    assert ids["persona_name"] and ids["company"] and ids["colleague"]
    again = Session(cold_email, 999, identities=ids)
    assert again.transcript.identities == ids


def test_no_persona_line_repeats_in_a_long_meeting(cold_email: Bundle) -> None:
    session = accepted(cold_email)
    session.clock.granted = 500  # a very long meeting: the picker must never repeat itself
    for i in range(30):
        if session.state is not Stage.meeting:
            break
        session.send(Say(f"Thanks. Could you say more about that, part {i}?"))
    lines = [t.text for t in session.transcript.turns if t.who == "persona"]
    assert len(lines) == len(set(lines))


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_input_is_refused_and_nothing_recorded(cold_email: Bundle, text: str) -> None:
    session = Session(cold_email, 1)
    before = len(session.transcript.turns)
    with pytest.raises(InputError, match="empty"):
        session.send(Outreach(text))
    assert len(session.transcript.turns) == before
    assert session.state is Stage.outreach


def test_oversized_input_is_refused_with_the_limit(cold_email: Bundle) -> None:
    session = Session(cold_email, 1)
    with pytest.raises(InputError, match="limit is 10,000"):
        session.send(Outreach("word " * 300_000))
    assert session.state is Stage.outreach


def test_wrong_action_for_the_stage_is_refused(cold_email: Bundle) -> None:
    session = Session(cold_email, 1)
    with pytest.raises(InputError, match="outreach stage expects outreach"):
        session.send(Say("hello"))


def test_transitions_guards_are_real_bools(cold_email: Bundle) -> None:
    session = Session(cold_email, 1)
    assert session.can_follow_up() is True
    assert session.is_out_of_time() is False
    assert session.is_patience_exhausted() is False


def _with_temperament(bundle: Bundle, **changes: int) -> Bundle:
    from dataclasses import replace

    persona = bundle.persona
    temperament = persona.temperament.model_copy(update=changes)
    return replace(bundle, persona=persona.model_copy(update={"temperament": temperament}))


@pytest.mark.parametrize(("bar", "warm"), [(0, True), (100, False)])
def test_warmth_thresholds_come_from_the_persona(cold_email: Bundle, bar: int, warm: bool) -> None:
    bundle = _with_temperament(cold_email, warm_goodbye_rapport=bar, warm_thank_you_rapport=bar)
    session = accepted(bundle)
    session.send(Say("How did you get into HR?"))
    session.send(Say("I want to respect your time, so I'll wrap up there."))
    goodbye = next(t for t in session.transcript.turns if t.kind == "goodbye")
    assert goodbye.data["group"] == ("goodbye_warm" if warm else "goodbye_cool")
    turns = session.send(ThankYou("Thank you! You mentioned payroll; I will ask about it.", 6))
    reply = next(t for t in turns if t.who == "persona")
    assert reply.data["group"] == ("thank_you_reply_warm" if warm else "thank_you_reply_cool")
