"""The twelfth round of the reader (issue 12), in words written for these tests.

- A line that asks several things, one of them about pay, is about its ordinary question:
  the pay question still costs its points, and the persona answers the rest. A question
  that is only about pay stays a pay question.
- "What do you think makes X work?" asks what causes something, not what someone earns.
- The learner's own round with their firm ("my superday with your bank"), a residency
  applied for, a letter asked for a residency application, "another chance this cycle",
  an apprenticeship asked for, "the team you've built" and a start date offered are
  pitches; so are a student's recruiting season and a rotational scheme in a signature,
  and a subject naming their opening.
- A past application told with its ending ("...and wasn't selected, which was fair") is a
  story; joining a site visit or a tour is not joining a team; newcomers asked about in
  general ("What would a new hire need to know?") are not the learner asking for a place;
  "what did you do to stand out when you applied?" asks about their path.
"""

from __future__ import annotations

import pytest

from simulator.conversation.judgement import answer_group, decide_line
from simulator.reading import Context, read

from .conftest import pitched

MIXED_WITH_PAY = [
    "How did you get from the warehouse floor into logistics planning? Did your pay change much?",
    "What does a normal week look like for a court interpreter, and what's the going day rate?",
    "1. Why did you pick community pharmacy?\n2. What software do you use every day?\n"
    "3. What's a typical starting salary for a locum?",
]

ONLY_PAY = [
    "What's the starting salary for a junior surveyor around here?",
    "What do new dental hygienists make in this area?",
    "What's the pay range for a first-year paralegal at a firm like yours?",
]


@pytest.mark.parametrize("text", MIXED_WITH_PAY)
def test_a_line_with_a_pay_question_beside_an_ordinary_one_is_about_the_ordinary_one(
    text: str,
) -> None:
    reading = read(text, "meeting")
    assert reading.topic not in (None, "salary", "pitch"), reading.topic
    assert reading.has("question_salary") or reading.has("question_pay_range")
    assert answer_group(reading).startswith("answer_")
    decision = decide_line(reading)
    assert decision.reply == "accept" and "pay part" in " ".join(decision.reasons)


@pytest.mark.parametrize("text", ONLY_PAY)
def test_a_question_only_about_pay_is_still_a_pay_question(text: str) -> None:
    reading = read(text, "meeting")
    assert reading.topic == "salary", (text, reading.topic)
    assert answer_group(reading).startswith("deflect_")


def test_what_makes_something_work_is_not_a_pay_question() -> None:
    for text in (
        "What do you think makes a grant report actually get read?",
        "What do you think makes her crew so steady under pressure?",
    ):
        reading = read(text, "meeting")
        assert reading.topic != "salary", text
        assert not reading.has("question_pay_range"), text
    assert read("What do you think glaziers make here?", "meeting").topic == "salary"


def _pitched_in_subject(subject: str) -> bool:
    """Whether a clean body under ``subject`` gets a pitch from the subject line."""
    body = "Hi Jo,\n\nCould I have 15 minutes to hear how you plan a ward's rota?\n\nThanks,\nSam"
    reading = read(body, "outreach", Context(subject=subject))
    return any(s.part == "subject" and s.criterion == "no_pitch" for s in reading.signals)


PITCHES = [
    ("Any pointers before my superday with your bank on Thursday?", "meeting"),
    ("Could we do a practice case together before my final round with your office?", "meeting"),
    ("Could I serve my apprenticeship with you?", "meeting"),
    ("I'd honestly love to be part of the crew you've built here.", "meeting"),
    (
        "I interviewed with your fund last spring and didn't get it, and I'd love another shot "
        "this cycle.",
        "meeting",
    ),
    ("I can start as early as March, if that helps at all.", "meeting"),
    ("Do you think I'd measure up for a spot on your desk?", "meeting"),
    (
        "I sent in my application for your new-grad residency last week and hoped you might tell "
        "me whether it has been looked at.",
        "follow_up",
    ),
    (
        "I'm applying in surgery and would be so thankful if you'd think about writing me a letter "
        "for my residency application.",
        "outreach",
    ),
    ("Who leads the data team, so I can get my application in front of them?", "meeting"),
    (
        "Hi Ana,\n\nCould I have 15 minutes to hear how you moved into treasury?\n\nThanks,\n"
        "Ray Kumar\nRecruiting for SA 2027 | Rutgers Business",
        "outreach",
    ),
    (
        "Hi Lee,\n\nWould 20 minutes by phone suit you next week?\n\nBest,\nMo\n"
        "Seeking leadership development programs",
        "outreach",
    ),
]


@pytest.mark.parametrize(("text", "stage"), PITCHES)
def test_quiet_pitches_of_this_round(text: str, stage: str) -> None:
    assert pitched(text, stage), text


NOT_PITCHES = [
    (
        "I applied for the grants officer post at your trust two years ago and wasn't shortlisted, "
        "which taught me a lot. Could I ask you 15 minutes of questions about grant reporting?",
        "outreach",
    ),
    (
        "I applied to this agency once and didn't get through, and it pushed me to learn "
        "scheduling software properly.",
        "meeting",
    ),
    (
        "Could I join your next site visit, just to see how inspections work? I'm not after a "
        "placement.",
        "meeting",
    ),
    ("What would a new hire on your team be expected to know in the first week?", "meeting"),
    ("What did you do to stand out when you applied for your first design job?", "meeting"),
    (
        "What should I know about security clearance if I want to work at a federal lab one day?",
        "meeting",
    ),
]


@pytest.mark.parametrize(("text", "stage"), NOT_PITCHES)
def test_look_alikes_of_this_round_are_not_pitches(text: str, stage: str) -> None:
    assert not pitched(text, stage), text


def test_a_past_application_asking_to_be_tried_again_is_still_a_pitch() -> None:
    text = (
        "I applied for the associate role at your studio last year and wasn't selected; "
        "would it be worth reapplying this round?"
    )
    assert pitched(text, "meeting")


@pytest.mark.parametrize(
    "subject",
    [
        "Re: your junior analyst opening",
        "Summer clerk - interested in your office",
        "Hoping to land a travel nurse contract next year",
    ],
)
def test_a_subject_about_their_opening_or_the_senders_hunt_is_a_pitch(subject: str) -> None:
    assert _pitched_in_subject(subject), subject


@pytest.mark.parametrize(
    "subject",
    ["Your opening keynote at the summit", "Former applicant, now in food banking - a question"],
)
def test_subjects_that_only_look_like_a_hunt(subject: str) -> None:
    assert not _pitched_in_subject(subject), subject


# The round's second batch (b80-b83, opened after one reading each), in our own words.

SECOND_BATCH_PITCHES = [
    (
        'Worst DM of my week, verbatim:\n\n"hey r u guys hiring"\n\nThat was the whole thing.',
        "outreach",
    ),
    (
        'A mentee asked me to look at her draft before she sent it. Original:\n\n"Dear Sam, I '
        "am a hard worker with a passion for logistics and I would be a perfect fit for your "
        'team. Could we talk?"\n\nMy note back: that is a cover letter, not a question.',
        "outreach",
    ),
    (
        "Hi Ruth,\n\nWould you have 20 minutes to tell me how you built the PGx service?\n\n"
        "Thanks,\nHana\nP3, State College of Pharmacy\nPursuing PGY1 positions for 2027",
        "outreach",
    ),
    ("I'm currently in the new grad hiring cycle, so your advice is timely.", "meeting"),
    ("I'll be in the PE recruiting process this summer, so I'd love a coffee.", "outreach"),
    ("If I interned with your crew next summer, what would I be doing?", "meeting"),
    ("Could I shadow you one shift so you can see how I'd do on the floor?", "meeting"),
    ("Honestly, the Met has been my dream employer since I was nine.", "outreach"),
    ("How do I get on the radar of your recruiting team before interviews start?", "meeting"),
]


@pytest.mark.parametrize(("text", "stage"), SECOND_BATCH_PITCHES)
def test_second_batch_pitches(text: str, stage: str) -> None:
    assert pitched(text, stage), text


SECOND_BATCH_CLEAN = [
    (
        'Cold email I loved this week:\n\n"Hi Dana, could I have 15 minutes to hear how you '
        'moved from the bench into regulatory writing?"\n\nShort, specific, nothing asked but '
        "time.",
        "outreach",
    ),
    ("Mondays suit me best, but I can fit around your time zone.", "outreach"),
    (
        "I know your diary is packed; Thursdays are easiest for me, but I'll fit around yours.",
        "outreach",
    ),
    (
        "I interned at your clinic last summer through my school's placement scheme, and now I'm "
        "torn between a DPT and athletic training.",
        "outreach",
    ),
    (
        "My roommate was just rejected after a superday at your bank, and I'm trying to work out "
        "whether banking is for me at all.",
        "outreach",
    ),
    ("What does a hiring manager look at first on an analyst CV, in your experience?", "meeting"),
    (
        "Thank you for letting me observe on Monday. I've attached the observation hours form "
        "for your signature whenever it suits.",
        "thank_you",
    ),
    (
        "I saw your posting on the lab Slack about the open house and went along; it got me "
        "curious about science communication.",
        "outreach",
    ),
    ("I'd love to ask you how small charities hire fundraising staff.", "outreach"),
    (
        "Would you recommend a few years on an ambulance before applying for flight nursing, or "
        "is there a quicker route?",
        "meeting",
    ),
    (
        "Your advice to get a year on a step-down unit before applying to ICU was exactly what I "
        "needed.",
        "thank_you",
    ),
    (
        "Eddie says you're flat out since the shop started hiring again, so no rush at all.",
        "follow_up",
    ),
]


@pytest.mark.parametrize(("text", "stage"), SECOND_BATCH_CLEAN)
def test_second_batch_look_alikes(text: str, stage: str) -> None:
    assert not pitched(text, stage), text


@pytest.mark.parametrize(
    "subject",
    ["Applying to the NICU residency - quick question", "Alum here - SA 2026 candidate"],
)
def test_a_subject_saying_the_sender_is_applying_is_a_pitch(subject: str) -> None:
    assert _pitched_in_subject(subject), subject


@pytest.mark.parametrize(
    "text",
    [
        "I'm in the middle of recruiting for consulting internships, so this is timely.",
        "Saw your lab is growing - are you adding any research techs?",
        "Just checking whether Northwind is taking on new apprentices this autumn.",
        "I've got my CV here if you'd like a look.",
        "Honestly I'd take anything you've got at this point.",
        "I noticed Acme has a data analyst role open - could we have a quick call about it?",
    ],
)
def test_openings_asked_and_status_said_in_passing(text: str) -> None:
    assert pitched(text, "meeting"), text


@pytest.mark.parametrize(
    "text",
    [
        "How does your team onboard a new hire, and how long until they work alone?",
        "Is your team taking on more quality work now that the audit is done?",
    ],
)
def test_taking_on_work_or_onboarding_is_not_asking_for_a_place(text: str) -> None:
    assert not pitched(text, "meeting"), text


# The round's third batch (b84-b87, opened after one reading each), in our own words.


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Do you think I'm qualified enough to apply to your unit?", "meeting"),
        ("When you interview new techs next month, could you include me?", "meeting"),
        (
            "If you hear of anyone needing a weekend care assistant, I'm free most Saturdays.",
            "meeting",
        ),
        ("I've been shortlisted for an interview on your ward next week, actually.", "meeting"),
        ("Would you look over my residency application before I send it?", "meeting"),
        ("How can I get my resume in front of the hiring manager for your team?", "meeting"),
        (
            "Who else would you suggest I talk to about getting an offer on the rates desk?",
            "meeting",
        ),
        ("What should I avoid in my application to your firm?", "meeting"),
        ("I've actually applied to your bank's audit programme twice.", "meeting"),
        (
            "Hi Nadia, just following up on the referral question for the associate posting.",
            "follow_up",
        ),
        (
            "I'm in the middle of the 2L summer associate process and reaching out to alumni.",
            "outreach",
        ),
        (
            "Posted by a hiring manager: \"Another one from my inbox: 'Hi Tom, I want to work at "
            "your company more than anything. What do I need to do to get hired?'\"",
            "outreach",
        ),
    ],
)
def test_third_batch_pitches(text: str, stage: str) -> None:
    assert pitched(text, stage), text


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "I've just finished a placement on your surgical ward and had a question about it.",
            "outreach",
        ),
        (
            "I'll be on your maternity unit for my next placement block, starting in May.",
            "outreach",
        ),
        (
            "My programme needs me to complete observation hours. Could I arrange observation "
            "hours with your team?",
            "meeting",
        ),
        ("Does the clinic you work at take nursing students for clinical rotations?", "meeting"),
        (
            "If you ever want a guest post for your blog from a new grad's angle, I'd be glad to "
            "write one.",
            "thank_you",
        ),
        (
            "My CV is a mess honestly, but today I only want to hear about theatre nursing.",
            "meeting",
        ),
        (
            "I know the senior post on your unit was advertised, and I'm nowhere near ready for "
            "it; I'd like to understand the route.",
            "outreach",
        ),
        ("I'd love to join your book club's mentoring pairing, if it still runs.", "thank_you"),
        ("I know it's the middle of recruiting season for your team, so thank you.", "meeting"),
        (
            "If a job ever came up I'd go through the normal process like everyone else, so "
            "that's not why I asked to talk.",
            "meeting",
        ),
        (
            "Which job boards or societies list field technician posts, in your experience?",
            "meeting",
        ),
        (
            "My observation form is attached for your signature, as the school requires.",
            "thank_you",
        ),
        (
            "I applied for a year out at a few practices and none felt right, so I'd like to "
            "understand other routes.",
            "outreach",
        ),
    ],
)
def test_third_batch_look_alikes(text: str, stage: str) -> None:
    assert not pitched(text, stage), text


# The round's fourth batch (b88-b91, opened after one reading each), in our own words.


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("I'm in the thick of new-grad recruiting right now, so timing matters.", "meeting"),
        ("It's been my dream since I was ten to work in this exact unit.", "meeting"),
        ("Which teams at your bank are hiring analysts this spring?", "meeting"),
        ("When I'm licensed next year, may I send you my application directly?", "meeting"),
        (
            "My rotation on your ward went well, and I'd love to come back as a staff nurse.",
            "meeting",
        ),
        ("I'm recruiting for analyst roles in equity research this fall.", "outreach"),
    ],
)
def test_fourth_batch_pitches(text: str, stage: str) -> None:
    assert pitched(text, stage), text


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "Would you write me a reference for my application to the MPH program at Lakeside "
            "University?",
            "meeting",
        ),
        (
            "I was an intern at your agency years ago, and now I'm thinking about change "
            "management.",
            "outreach",
        ),
        (
            "I saw you're hiring for a junior editor. I'm not applying, I'm happy where I am, but "
            "I'm curious how you test editors.",
            "outreach",
        ),
        (
            "I noticed the analyst posting at your company closed last week; I'd love to "
            "understand what that job involves.",
            "outreach",
        ),
        ("If someone applied for a role on your team, what would a strong resume show?", "meeting"),
        ("My chef says I'd be a good fit for running my own place, but I'm not sure.", "outreach"),
    ],
)
def test_fourth_batch_look_alikes(text: str, stage: str) -> None:
    assert not pitched(text, stage), text
