"""The ninth round of the reader (issue 12), in words written for these tests.

- A subject whose last part asks about hiring ("Welding course - hiring?") is a pitch; a
  subject that asks and then says no ("Internship? No, a question about the work") is not.
- A report ("I was told your unit is growing") ends where the learner speaks again
  ("..., and I'd love to be part of it").
- Asking whom to send one's portfolio or CV to at their place is a routing ask.
- A signature saying the sender is hunting for a post is a pitch.
- Someone on the learner's own side moving them on ("my boss offered to put me forward")
  and a portfolio shown because the other person asked are no pitch.
"""

from __future__ import annotations

import pytest

from simulator.reading import Context, read
from simulator.reading.message import headline_pitch

from .conftest import pitched

CLEAN_BODY = "Hi Morgan, could I have 15 minutes by phone to ask how you trained as a welder?"


@pytest.mark.parametrize(
    "subject",
    [
        "Welding course - hiring?",
        "A question on night shifts (and is your depot recruiting?)",
        "Payroll analyst programme: referral?",
        "Welder moving into inspection - available from September",
        "Inspection work - open to relocating to your office",
        "Inspection, and a welder who'd thrive on your crew",
    ],
)
def test_a_pitch_only_in_the_last_part_of_the_subject_is_caught(subject: str) -> None:
    reading = read(CLEAN_BODY, "outreach", Context(subject=subject))
    found = [s for s in reading.signals if s.part == "subject" and s.criterion == "no_pitch"]
    assert found, subject
    assert found[0].quote in subject


@pytest.mark.parametrize(
    "subject",
    [
        "Internship? No, a question about the work",
        "Free from May for a call?",
        "Question about referrals in welding",
    ],
)
def test_a_subject_that_denies_or_only_names_a_topic_is_no_pitch(subject: str) -> None:
    assert headline_pitch(subject) is None
    reading = read(CLEAN_BODY, "outreach", Context(subject=subject))
    assert not [s for s in reading.signals if s.criterion == "no_pitch"]


def test_a_report_ends_where_the_learner_speaks_again() -> None:
    assert pitched("I was told your unit is growing, and I'd love to be part of that.", "meeting")
    assert not pitched("I was told I should send my CV straight to the ward manager.", "meeting")
    assert not pitched("My tutor said your unit is hiring and I should apply.", "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "Who should I send my portfolio to at your agency?",
        "Who do I send my CV to on your team?",
    ],
)
def test_asking_whom_to_send_your_papers_to_is_a_routing_ask(text: str) -> None:
    assert read(text, "meeting").has("referral_for_role")


def test_a_hunting_status_under_the_name_is_a_pitch() -> None:
    text = (
        "Hi Sol, I heard your talk at the surveyors' evening. Could we talk for 15 minutes "
        "about how you moved into land surveying?\n\nPriya Shah\n"
        "Geomatics BSc '27 - hunting for a graduate surveying post"
    )
    found = read(text, "outreach").first("job_pitch")
    assert found is not None
    assert "hunting for a graduate surveying post" in found.quote


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the advice on the welding ticket. My supervisor has even offered to put me "
        "forward for the inspection crew at our yard once I pass.",
        "I'll share my portfolio on screen for a moment only because you asked what I draw.",
        "A friend of mine was hired onto your crew last spring, which is how I heard of you.",
        "Thank you for the call. My application for recognition of my diploma goes in this week.",
    ],
)
def test_own_side_moves_and_asked_for_papers_are_no_pitch(text: str) -> None:
    assert not pitched(text, "thank_you")
    assert not pitched(text, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "If you ever have overflow work, send it my way!",
        "I'm hoping to become your assistant - I'd carry kit, edit, anything.",
        "How do people from outside the trade usually end up on your crew?",
        "Do you have an apprentice post coming up next spring?",
        "When a junior post comes up on your ward, I hope you'll think of me.",
    ],
)
def test_fresh_wordings_of_a_job_ask_are_pitches(text: str) -> None:
    assert pitched(text, "outreach")


@pytest.mark.parametrize(
    "text",
    [
        "My cousin Ade is a plasterer and he's looking for work, maybe your crew needs someone?",
        "I'd love to work as a court reporter one day, so I want to understand the training.",
        "I'd like to join a mountain rescue team someday, not necessarily here.",
        "This chat made me surer that surveying is for me, whichever firm it ends up being.",
    ],
)
def test_someone_elses_hunt_and_a_wish_for_the_field_are_no_pitch(text: str) -> None:
    assert not pitched(text, "outreach")


def test_a_wish_that_points_back_at_their_team_is_still_a_pitch() -> None:
    assert pitched("Your crew at the harbour looks great. I'd love to be a part of it someday.")


@pytest.mark.parametrize(
    "text",
    [
        "Hi Noor - bumping my coffee request from last month.",
        "Hi Sam, circling back on the call I mentioned. No rush at all.",
        "Hi Lee, following up on the coffee idea when things calm down.",
        "Quick call sometime next week?",
    ],
)
def test_a_nudge_about_an_ask_with_no_length_is_open_ended(text: str) -> None:
    assert read(text, "follow_up").has("open_ended_time_ask")


def test_a_nudge_about_a_past_call_or_a_timed_ask_is_not_open_ended() -> None:
    past = read("Following up on my call with your colleague last week - it helped.", "follow_up")
    timed = read("Circling back on the call I mentioned - would 15 minutes on Friday work?")
    assert not past.has("open_ended_time_ask")
    assert timed.has("bounded_time_ask") and not timed.has("open_ended_time_ask")


@pytest.mark.parametrize(
    "text",
    [
        "I'm on three weeks' notice at the depot, so timing wouldn't be a problem.",
        "I can cover weekends there anytime you're short.",
        "Could your practice sponsor my visa if I came on board?",
        "When your crew hires next, could I be one of the people you interview?",
        "Your site lead role looks like it was written for me.",
        "Can I send you my drawings so you can see what I could do for you?",
    ],
)
def test_a_pitch_carried_by_a_concrete_detail_is_a_pitch(text: str) -> None:
    assert pitched(text, "meeting")


@pytest.mark.parametrize(
    "subject",
    [
        "Recent graduate - available for your design team from June",
        "Qualified plasterer, free to join your crew from March",
    ],
)
def test_a_subject_offering_to_start_with_them_is_a_pitch(subject: str) -> None:
    assert headline_pitch(subject) is not None


@pytest.mark.parametrize(
    "text",
    [
        "I saw the site technician posting and realised I had no idea what the role involves.",
        "Saw your firm is hiring like mad this year, congrats on the growth.",
        "Oh, and my card has my LinkedIn on it if you want to keep in touch - no job stuff, "
        "I promise.",
        "I came in thinking I wanted to work at a big firm, and now I'm not so sure.",
        "Would it be smarter to do a placement first or go straight into looking for work "
        "somewhere?",
        "Your post on messy survey data felt like it was written for me.",
    ],
)
def test_a_posting_seen_or_a_job_ask_disclaimed_is_no_pitch(text: str) -> None:
    assert not pitched(text, "meeting")


@pytest.mark.parametrize(
    "subject",
    [
        "Dispatcher applicant - quick question",
        "Site surveying + your team's graduate openings",
        "Future driver for your fleet?",
        "Any surveying jobs on your team?",
        "Coffee chat (and summer field spots?)",
        "Adjunct opening in physics?",
    ],
)
def test_a_subject_that_names_the_sender_as_a_hire_or_asks_for_a_post_is_a_pitch(
    subject: str,
) -> None:
    assert headline_pitch(subject) is not None


@pytest.mark.parametrize(
    "subject",
    [
        "Law school applicant - advice?",
        "Coffee and a spot of advice",
        "Questions about roles in design?",
        "Career paths and roles in the field",
        "Congrats on the new job at Acme",
    ],
)
def test_a_subject_about_a_field_or_their_news_is_no_pitch(subject: str) -> None:
    assert headline_pitch(subject) is None


def test_first_person_and_general_questions_about_their_hiring_differ() -> None:
    assert pitched("How could I get hired onto your crew?", "meeting")
    assert not pitched("How do people usually get hired onto your crew?", "meeting")
    assert not pitched(
        "How do people in your trade usually find out about job openings?", "meeting"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Could I put you down as a reference when I apply in the spring?",
        "Would you mind if I used your name when I apply to your depot?",
        "I'll keep an eye on your careers page for openings after today.",
        "Do you think your yard would look at someone from a retail background like mine?",
        "Honestly, I'm hoping this turns into a job.",
        "I've already sent an application to your HR team, so fingers crossed.",
        "Did you hear back from your colleague about that warehouse role?",
        "Could I ask whether you take summer interns at the clinic?",
        "I'd like to rent a chair in your barbershop on weekends.",
    ],
)
def test_references_for_an_application_and_quiet_asks_are_pitches(text: str) -> None:
    assert pitched(text, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "I did a trial shift at a bakery years ago and it put me off early starts.",
        "My notice period at the garage is three months, which is why I'm taking this slowly.",
        "I know you're in the middle of your company's hiring season, so no rush at all.",
        "When you were hiring for your last junior role, what set the best people apart?",
        "I really want to be part of the profession, whatever shape that takes.",
        "My sister applied for a job at the council and never heard back.",
        "Saw your clinic is hiring a receptionist, so I know things are busy there.",
    ],
)
def test_past_trials_their_hiring_season_and_the_profession_are_no_pitch(text: str) -> None:
    assert not pitched(text, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "I'm not asking you to look at my portfolio or refer me anywhere.",
        "I've applied to a lot of roles and I'm rethinking my approach.",
        "If someone wanted to work somewhere like your studio eventually, what should they learn?",
        "Here's my card, in case you think of a book or article to send my way.",
        "I'd value any opportunity to speak with you about your practice.",
    ],
)
def test_a_denied_ask_and_general_hunting_are_no_pitch(text: str) -> None:
    assert not pitched(text, "outreach")


@pytest.mark.parametrize(
    "text",
    [
        "Would you be willing to be a reference when I apply for the trainee scheme?",
        "Could you introduce me to someone in HR so I can get my application looked at?",
        "Honestly, working at your practice has been my dream since school.",
        "I'm not asking you to hire me, but honestly, I'd say yes in a heartbeat.",
    ],
)
def test_a_reference_a_dream_of_their_place_and_a_but_are_pitches(text: str) -> None:
    assert pitched(text, "meeting")
