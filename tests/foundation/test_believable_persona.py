"""The persona, believable across seeds: real names, working-day meetings, its own clock."""

from __future__ import annotations

import re

from simulator.content import Library
from simulator.content.library import Bundle
from simulator.content.models import Script
from simulator.conversation import Outreach
from simulator.conversation.identities import TITLES, fill, generate, is_clean_name
from simulator.conversation.meeting import seeded_events
from simulator.conversation.scripted import run_script
from simulator.conversation.session import Session
from simulator.core.calendar import WEEKDAYS, is_working_day, meeting_day, weekday_of

SEEDS = range(1000)


def test_across_1000_seeds_no_persona_or_learner_name_is_a_title() -> None:
    library = Library()
    bundle = library.load("review-season-cold-email")  # its persona's name is generated
    for seed in SEEDS:
        ids = generate(bundle.scenario, bundle.persona, seed)
        assert is_clean_name(ids["persona_name"]), (seed, ids["persona_name"])
        assert ids["persona_first"] == ids["persona_name"].split()[0]
        # The learner is never given an invented name: none until they sign or set one.
        assert ids["learner_name"] == ids["learner_first"] == "", (seed, ids["learner_name"])
        named = generate(bundle.scenario, bundle.persona, seed, learner_name="Priya Raman")
        assert (named["learner_name"], named["learner_first"]) == ("Priya Raman", "Priya")
        others = {k: v for k, v in named.items() if not k.startswith("learner")}
        assert others == {k: v for k, v in ids.items() if not k.startswith("learner")}
        for key in ("colleague", "colleague2", "colleague3"):
            assert ids[key].strip(".").lower() not in TITLES, (seed, key, ids[key])


def test_across_1000_seeds_no_meeting_falls_on_a_weekend() -> None:
    library = Library()
    accepts = [
        line
        for persona_id in library.files("personas")
        for group in ("accept", "follow_up_accept")
        for line in library.load_persona(persona_id)[0].lines.get(group, [])
    ]
    bundle = library.load("review-season-cold-email")
    for seed in SEEDS:
        start = int(generate(bundle.scenario, bundle.persona, seed)["start_weekday"])
        assert 0 <= start <= 4
        for reply_day in range(0, 12):
            for line in accepts:
                day = meeting_day(line, reply_day, start)
                assert day > reply_day and is_working_day(day, start), (seed, line, day)


def test_the_meeting_is_on_the_day_the_reply_names() -> None:
    assert meeting_day("Thursday at 8:30, by phone?", 3, 0) == 10  # day 3 is a Thursday
    assert meeting_day("Thursday at 8:30, by phone?", 1, 0) == 3
    assert meeting_day("I can do next Tuesday morning.", 2, 0) == 8
    assert meeting_day("Yes, happy to.", 4, 0) == 8  # Friday: two working days on is Tuesday


def test_sessions_meet_on_working_days_and_events_move_with_the_seed() -> None:
    bundle = Library().load("review-season-cold-email")
    script = Script.model_validate(
        {
            "outreach": {
                "subject": "15 minutes?",
                "body": "Hi, I heard you on the pay transparency panel. I'm moving into HR. "
                "Could I have 15 minutes by phone in the next few weeks? Thank you.",
            },
            "meeting": ["How did you get into HR?", "What does a typical week look like?"] * 4,
        }
    )
    minutes = set()
    for seed in range(40):
        turns = run_script(bundle, script, seed).session.transcript.turns
        start = next(t for t in turns if t.kind == "meeting_start")
        weekday = int(run_script(bundle, script, seed).session.identities["start_weekday"])
        assert is_working_day(start.day, weekday)
        minutes |= {t.minute for t in turns if t.kind == "interruption"}
    assert len(minutes) > 2, "the interruption comes at different minutes for different seeds"


def test_the_warning_comes_before_the_line_is_crossed_and_says_1_minute() -> None:
    bundle = Library().load("review-season-meeting")
    script = Script.model_validate({"meeting": ["How did you get into HR?"] * 12})
    for seed in range(20):
        turns = run_script(bundle, script, seed).session.transcript.turns
        warning = next(t for t in turns if t.kind == "time_warning")
        assert warning.minute is not None and 20 - warning.minute > 5 - 0.01
        assert "1 minutes" not in " ".join(t.text for t in turns)


def test_an_interruption_is_never_charged_to_the_learner() -> None:
    bundle = Library().load("recruiter-after-applying")
    lines = [
        "How did you get into recruiting?",
        "What does a typical week look like?",
        "Which skills matter most?",
        "I know we're almost at time, so I'll let you go. Thank you.",
    ]
    for seed in range(10):
        session = run_script(bundle, Script.model_validate({"meeting": lines}), seed).session
        end = next(t for t in session.transcript.turns if t.kind == "meeting_end")
        assert end.data["interrupted"] <= end.data["granted"]


def test_a_redirect_mentions_a_resume_only_when_one_was_sent() -> None:
    bundle = Library().load("review-season-quick-note")
    pitch = {"outreach": {"subject": "HR roles", "body": "Hi, are you hiring for HR roles?"}}
    for seed in range(30):
        turns = run_script(bundle, Script.model_validate(pitch), seed).session.transcript.turns
        reply = next(t for t in turns if t.data.get("reply") == "redirect")
        assert "resume" not in reply.text.lower() and "as before" not in reply.text.lower()


def test_a_fresh_seed_is_drawn_unless_one_is_pinned() -> None:
    from simulator.settings import attempt_seed

    assert attempt_seed(7) == 7
    assert len({attempt_seed(None) for _ in range(20)}) > 1


def _accepting(bundle: Bundle) -> Outreach | None:
    """The outreach of the scenario's own check that gets a yes, if it has one."""
    for check in bundle.scenario.checks:
        sent = check.script.outreach
        if check.expect.reply == "accept" and sent is not None:
            return Outreach(
                subject=sent.subject or "", body=sent.body, attachments=tuple(sent.attachments)
            )
    return None


def test_across_1000_seeds_the_reply_names_the_day_of_the_meeting_a_working_day() -> None:
    library = Library()
    played = []
    for scenario_id in library.files("scenarios"):
        bundle = library.load(scenario_id)
        outreach = _accepting(bundle)
        if outreach is not None and bundle.scenario.stages.meeting is not None:
            played.append((bundle, outreach))
    booked = {  # every persona that books a meeting from an email in some scenario
        library.load(s).persona.id
        for s in library.files("scenarios")
        if library.load(s).scenario.stages.outreach and library.load(s).scenario.stages.meeting
    }
    assert {b.persona.id for b, _ in played} == booked and len(booked) >= 3
    named = set()
    for seed in SEEDS:
        bundle, outreach = played[seed % len(played)]
        session = Session(bundle, seed)
        session.send(outreach)
        start = int(session.identities["start_weekday"])
        turns = session.transcript.turns
        reply = next(t for t in turns if t.data.get("reply") == "accept")
        meeting = next(t for t in turns if t.kind == "meeting_start")
        assert meeting.day > reply.day and is_working_day(meeting.day, start)
        words = reply.text.lower()
        week = (start + meeting.day) // 7 - (start + reply.day) // 7
        day = WEEKDAYS[weekday_of(meeting.day, start)]
        said = [d for d in WEEKDAYS if re.search(rf"\b{d}\b(?!['\u2019]s)", words)]
        if said:
            assert said == [day], (seed, reply.text, day)  # "Thursday at 8:30" is a Thursday
            named.add(day)
        if "next week" in words or re.search(
            r"next (monday|tuesday|wednesday|thursday|friday)", words
        ):
            assert week == 1, (seed, reply.text, reply.day, meeting.day)  # the coming week
        for name in (session.identities["persona_name"], session.values["learner_name"]):
            assert not name or is_clean_name(name) or len(name.split()) == 1, (seed, name)
    assert len(named) == 5, "every weekday is named by some reply"


def test_meeting_events_move_with_the_seed_in_every_scenario() -> None:
    library = Library()
    for scenario_id in library.files("scenarios"):
        scenario = library.load(scenario_id).scenario
        if scenario.stages.meeting is None or not scenario.stages.meeting.events:
            continue
        timings = {tuple(e.at for e in seeded_events(scenario, seed)) for seed in range(50)}
        assert len(timings) > 2, scenario_id


def test_contacts_are_only_the_people_the_persona_recommended() -> None:
    """The colleague who interrupts the call, or is named in passing, is not a contact."""
    from simulator.grading.outcome import describe_outcome

    bundle = Library().load("review-season-meeting")  # colleague3 interrupts and is mentioned
    lines = ["What does a typical week look like for you right now?", "How did you get into HR?"]
    script = Script.model_validate({"meeting": lines * 3})
    interrupted = recommended = 0
    for seed in range(60):
        session = run_script(bundle, script, seed).session
        turns = session.transcript.turns
        passing = session.identities["colleague3"]
        if any(passing in t.text for t in turns if t.kind == "interruption"):
            interrupted += 1
        told = " ".join(describe_outcome(session.transcript))
        assert passing not in told, (seed, told)
        pointed = [t for t in turns if t.data.get("group") in ("goodbye_warm", "answer_contacts")]
        for name in (session.identities["colleague"], session.identities["colleague2"]):
            if any(name in t.text for t in pointed):
                assert name in told, (seed, told)
                recommended += 1
    assert interrupted >= 10 and recommended >= 5


LONG_EMAIL = (
    "Hi, I heard you speak on the pay transparency panel last month and your point about "
    "publishing ranges stayed with me. I know review season keeps you busy, so I will keep "
    "my ask small. I'm moving from operations into HR after five years as an operations "
    "coordinator, where I ran onboarding for new warehouse staff, rebuilt our scheduling "
    "and handled the first round of employee questions. "
) * 3 + "Could I have 15 minutes by phone in the next few weeks, whenever suits you? Thank you."


def test_a_yes_to_a_long_email_never_praises_it_for_being_short() -> None:
    bundle = Library().load("review-season-cold-email")
    praise = [line for line in bundle.persona.lines["accept"] if "short" in line.lower()]
    assert praise, "the persona has a yes that praises brevity"
    for seed in range(60):
        session = Session(bundle, seed)
        session.send(Outreach(subject="15 minutes?", body=LONG_EMAIL))
        reply = next(t for t in session.transcript.turns if t.data.get("reply"))
        assert reply.data["reply"] == "accept"  # long, but still a yes
        assert "short" not in reply.text.lower() and "brief" not in reply.text.lower(), seed


def test_a_follow_up_redirect_says_as_before_only_after_an_earlier_reply() -> None:
    bundle = Library().load("review-season-follow-up")  # the first email got no reply at all
    as_before = [t for t in bundle.persona.lines["follow_up_redirect"] if "as before" in t.lower()]
    assert as_before
    pitch = {"outreach": {"subject": "Re: HR roles", "body": "Hi again, are you hiring for HR?"}}
    for seed in range(40):
        turns = run_script(bundle, Script.model_validate(pitch), seed).session.transcript.turns
        reply = next(t for t in turns if t.data.get("reply") == "redirect")
        assert "as before" not in reply.text.lower(), (seed, reply.text)
        assert "resume" not in reply.text.lower(), (seed, reply.text)


def test_every_time_warning_says_1_minute_not_1_minutes() -> None:
    library = Library()
    for persona_id in library.files("personas"):
        persona = library.load_persona(persona_id)[0]
        for line in persona.lines["time_warning"]:
            one = fill(line, {"remaining": 1, "learner_first": "Sam"})
            assert "1 minutes" not in one and ("{" not in one), one
            if "{remaining} minutes" in line:
                assert "1 minute" in one
            assert "2 minutes" in fill(line, {"remaining": 2}) or "{remaining} minutes" not in line


def test_no_yes_offers_a_weekend_meeting() -> None:
    """A reply naming Saturday would be booked on a working day: the words would lie."""
    library = Library()
    for persona_id in library.files("personas"):
        persona = library.load_persona(persona_id)[0]
        for group in ("accept", "follow_up_accept"):
            for line in persona.lines.get(group, []):
                assert not re.search(r"saturday|sunday|weekend", line, re.I), (persona_id, line)


def test_a_day_named_for_something_else_is_not_the_meeting_day() -> None:
    # day 0 is a Monday: "after Tuesday's release, say Friday" meets on Friday (day 4)
    assert meeting_day("15 minutes after Tuesday's release, say Friday at 10.", 0, 0) == 4
    assert meeting_day("I have a few gaps next week; I'll send two.", 2, 0) == 7
