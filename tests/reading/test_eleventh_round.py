"""The eleventh round of the reader (issue 12), in words written for these tests.

- A message shown inside a frame (a recruiter's post quoting a DM it got, a phone script,
  a voicemail transcript) is judged by the quoted message: its pitch counts, and the
  poster's own "we're hiring" does not. A learner's own letter that quotes a phrase is
  read whole, as before.
- A reference asked for a school or degree application is not a job pitch; one for a job,
  a residency or an internship still is.
- Asking to be introduced to someone to learn from is not a referral; "a role like yours"
  asked about in general is not a post.
- "I'm recruiting for SA 2027" is a student's job hunt in its season's words: a pitch.
- Plain pitches: hoping to be hired there, looking for a referral, chasing a referral,
  "the best candidate you'll find". Not pitches: exploring a kind of role, "any evening
  works for me", a product's positioning, a CV sent "as requested".
- The call's own clock and manners ("How long do we have?") earn no question credit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.reading import Context, read
from simulator.reading.message import headline_pitch
from simulator.reading.posted import quoted_message
from simulator.reading.segment import prepare

from .conftest import pitched

FRAMED_PITCHES = [
    'Got this in my inbox today: "Hi Sam, I have followed your bakery for years and it has '
    'always been my dream to work there. Any openings?" Please, do your homework first.',
    'Posting this as an example of what not to send (name removed):\n\n"Hello [redacted], I '
    'am confident I would add value to your kitchen from day one. Resume attached."\n\nBe '
    "specific, people.",
    "Career centre phone script, version B:\nYOU: \"Hi, is this [Contact Name]? I'm calling "
    "because I'm very interested in joining [Company] and wanted to introduce myself.\"",
    'a stranger DMed me at midnight "yo i seen u run a tattoo shop. get me in there, i need a '
    'job fr" and then sent it again an hour later',
]

FRAMED_CLEAN = [
    "Site foreman here, and yes, we're hiring two apprentices. But this note I got is how to "
    'ask: "Could I have 15 minutes to hear how you moved from bricklaying into site '
    'management?"',
    "Everyone asks me about our open positions. One person asked \"what do you wish you'd "
    'known before your first year as a site manager?" and I gave her an hour.',
    "Museum registrar. Our collections assistant post is advertised. This email I received "
    'was lovely: "Could I ask you for 20 minutes about how you catalogue loans?"',
]


@pytest.mark.parametrize("text", FRAMED_PITCHES)
def test_a_framed_message_that_pitches_is_a_pitch(text: str) -> None:
    assert pitched(text), text
    reading = read(text, "outreach")
    found = [s for s in reading.signals if s.criterion == "no_pitch"]
    assert all(s.quote == text[s.start : s.end] for s in found)


@pytest.mark.parametrize("text", FRAMED_CLEAN)
def test_the_posters_own_hiring_is_not_the_senders_pitch(text: str) -> None:
    assert not pitched(text), text


def test_only_the_quoted_message_is_kept_and_spans_stay_put() -> None:
    text = (
        'Received this: "Hi Jo, could I borrow 15 minutes to ask about your route into '
        'ceramics?" Lovely.'
    )
    kept = quoted_message(text)
    assert kept is not None and len(kept) == len(text)
    assert kept.strip().startswith("Hi Jo") and "Received" not in kept and "Lovely" not in kept
    assert len(prepare(text)) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        'Hi Dana, a student once sent me "Are you hiring? I would love to join your firm." and '
        "I swore never to write like that. Could I have 15 minutes about your path?",
        'Your talk had a line, "hire for curiosity and train the rest", that stayed with me. '
        "Could I ask you about it for 15 minutes?",
        'My mentor said "never ask a busy person for a job in the first message" and she was '
        "right, so I only want 15 minutes to learn.",
    ],
)
def test_a_learners_own_letter_that_quotes_someone_is_read_whole(text: str) -> None:
    assert quoted_message(text) is None
    assert not pitched(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Would you be willing to write me a letter for my master's program application?",
        "Thank you so much for your time. Would you consider writing a recommendation for my "
        "physician assistant school application next spring?",
        "Could you be a reference on my PhD applications this December?",
    ],
)
def test_a_reference_for_a_school_application_is_no_job_pitch(text: str) -> None:
    assert not pitched(text, "meeting"), text


@pytest.mark.parametrize(
    "text",
    [
        "Would you be willing to write me a reference for the staff nurse position on your ward?",
        "Could I list you as a reference for my residency applications?",
    ],
)
def test_a_reference_for_a_job_or_residency_is_still_a_pitch(text: str) -> None:
    assert pitched(text, "meeting"), text


@pytest.mark.parametrize(
    "text",
    [
        "Could you introduce me to anyone who moved from teaching into instructional design? "
        "I'd like a second view.",
        "What skills would someone need to eventually do a role like yours?",
        "Honestly, I'd love to learn more about practices like yours someday.",
    ],
)
def test_someone_or_something_to_learn_from_is_not_a_pitch(text: str) -> None:
    assert not pitched(text, "meeting"), text


@pytest.mark.parametrize(
    "text",
    [
        "I'm recruiting for SA 2027 and would love 15 minutes on what your group does.",
        "I'm currently recruiting for investment banking, so any advice would help.",
        "I'm in the FT consulting process this fall and wanted to ask about your first year.",
        "I'm hoping to be hired at Lakeview after I graduate.",
        "I'm recruiting for summer internships, so honestly I'm hoping this could turn into a "
        "referral.",
        "Circling back on the referral - the posting closes on Friday.",
        "I emailed twice about the opening. I'm the best candidate you'll find.",
    ],
)
def test_a_job_hunt_said_plainly_is_a_pitch(text: str) -> None:
    assert pitched(text, "meeting"), text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not recruiting this cycle; I just want to understand what restructuring is.",
        "I'm now exploring in-house counsel roles and would love to hear how you made the move.",
        "Would you have 15 minutes for a phone call? Any evening works for me.",
        "By the way, I'm actively looking for a good book on food safety, if you know one.",
        "I applied to the portfolio workshop you ran last spring, but it filled up.",
    ],
)
def test_look_alikes_of_a_job_hunt_are_not_pitches(text: str) -> None:
    assert not pitched(text, "meeting"), text


@pytest.mark.parametrize(
    "subject",
    ["Your positioning-doc post", "Thank you + CV as requested", "Notes + CV, as you asked"],
)
def test_subjects_that_offer_nothing_unasked(subject: str) -> None:
    assert headline_pitch(subject) is None
    body = "Hi Jo, thank you again for the call on Tuesday. Your advice on pricing helped."
    reading = read(body, "thank_you", Context(subject=subject))
    assert not [s for s in reading.signals if s.part == "subject" and s.criterion == "no_pitch"]


def test_a_cv_in_the_subject_unasked_is_still_offered() -> None:
    assert headline_pitch("Thank you + my CV") is not None


@pytest.mark.parametrize(
    "text",
    [
        "How long do we have? I don't want to keep you.",
        "Do you mind if I take notes while we talk?",
        "Would it be okay if I followed up by email with one more question?",
    ],
)
def test_the_calls_own_clock_earns_no_question_credit(text: str) -> None:
    reading = read(text, "meeting")
    assert reading.topic == "call", text
    assert not [s for s in reading.signals if s.id.startswith("question_")], text


@pytest.mark.parametrize(
    "text",
    ["How long do you usually have with each client?", "Do you take notes during site visits?"],
)
def test_questions_about_their_own_time_and_notes_still_count(text: str) -> None:
    reading = read(text, "meeting")
    assert reading.topic not in (None, "call", "pitch"), text


@pytest.mark.parametrize(
    "text",
    [
        'What NOT to do, part 12:\n\n"hey. saw ur post. ur hiring right? i can start monday"\n\n'
        "I was not hiring. The post was about my garden.",
        'Screenshotting this one (names blurred): "Hi X, is the junior editor role still open? '
        'I applied last week."',
        'And then the thank-you note that undid it all: "Thanks for chatting! CV attached, let '
        'me know if anything opens up."',
    ],
)
def test_more_frames_around_a_pitching_message(text: str) -> None:
    assert quoted_message(text) is not None
    assert pitched(text), text


def test_a_frame_that_asks_for_time_itself_is_the_learners_own_message() -> None:
    text = (
        'Your email to our cohort, "ask me anything about field sales", was generous. Could I '
        "have 15 minutes to ask how you plan a territory?"
    )
    assert quoted_message(text) is None
    assert read(text, "outreach").time_ask is not None


@pytest.mark.parametrize(
    "subject",
    ["Data Engineer (req 20931) - 15 minutes?", "Tax internship summer 2027 - ten minutes?"],
)
def test_a_subject_naming_a_requisition_or_a_dated_internship_is_a_pitch(subject: str) -> None:
    assert headline_pitch(subject) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Do we have a hard stop at the hour, or can I ask one more question?",
        "Would it be okay if I recorded this call for my notes?",
        "Would you mind if I used your name when I write to the people you suggested?",
    ],
)
def test_more_of_the_calls_own_logistics(text: str) -> None:
    reading = read(text, "meeting")
    assert reading.topic == "call", text


def test_how_they_got_their_role_is_a_path_question() -> None:
    reading = read("Can you tell me how you got the role you're in now?", "meeting")
    assert reading.topic == "career_path"


@pytest.mark.parametrize(
    "text",
    [
        "A referral from you would mean the world to me.",
        "I'd really appreciate a referral if you think I'm ready.",
        "Would you mind telling the hiring manager that we talked?",
        "I'm on the market for a junior planner job if you hear of one.",
        "Honestly, I'm hoping to land something at your company this year.",
        "What kind of work would get you to bring me onto your design team?",
        "What would you look for if you were hiring someone like me?",
    ],
)
def test_quiet_asks_for_a_referral_or_a_place(text: str) -> None:
    assert pitched(text, "meeting"), text


def test_a_dream_job_subject_is_a_headline_pitch_and_a_question_about_one_is_not() -> None:
    assert headline_pitch("Dream job: a seat on your desk") is not None
    assert headline_pitch("Is a dream job a myth?") is None


def test_analyze_says_it_read_the_quoted_message_and_only_that(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulator.cli import main

    draft = tmp_path / "post.txt"
    draft.write_text(
        "Got this DM this morning (name removed):\n\n"
        '"Hi Ana, it has always been my dream to work at your bakery. Any openings?"\n\n'
        "Please do your homework. And yes, we're hiring, but not like this.\n",
        "utf-8",
    )
    assert main(["analyze", str(draft)]) == 0
    out = capsys.readouterr().out
    assert all(len(line) <= 79 for line in out.splitlines())
    flat = " ".join(out.split())
    assert "Read as the message quoted inside it" in flat
    assert "“my dream to work”" in flat or "my dream to work" in flat
    assert "we're hiring<<<" not in out  # the poster's own words are not marked


def test_muting_is_about_the_call() -> None:
    assert read("Should I mute while you take that?", "meeting").topic == "call"


APPLICATIONS_COUNTED_ELSEWHERE_ARE_A_STORY_NOT_A_PITCH = [
    (
        "I've been applying to a lot of roles lately, which is why I wanted to hear your view.",
        False,
    ),
    (
        "I applied to a few county postings last month, so I'm curious how you chose yours.",
        False,
    ),
    (
        "I've applied to a lot of jobs, including the one on your team, so any help counts.",
        True,
    ),
]
"""(text, is it a pitch?), read at the meeting stage."""

FIRST_CHOICES_EXPANSIONS_AND_DEGREE_LETTERS = [
    ("Your unit is my first choice for the new-grad year.", True),
    (
        "You mentioned your group is opening two more locations next year, so it must be busy.",
        False,
    ),
    (
        "Could you write me a recommendation letter for the state university MLIS program?",
        False,
    ),
]
"""(text, is it a pitch?), read at the outreach stage."""

FAVOURS_GROWTH_AND_LETTERS_IN_CONTEXT = [
    (
        "I'm applying to OT programs this fall. Would you be willing to write me a letter?",
        False,
    ),
    (
        "I'm applying to the fire academy. Would you be a reference for my application?",
        True,
    ),
    ("Thanks for offering to refer me to Dana - I'll ask her about contracts.", False),
    (
        "Thanks for offering to refer me for the analyst program; my details follow tonight.",
        True,
    ),
    ("Do you ever regret leaving your nursing position for this?", False),
    ("Is your field still growing, do you think?", False),
    ("I'd love to work on problems like these someday.", False),
    ("If there's ever anything I can do for you, I'm glad to help with your open day.", False),
    ("I'd be happy to contribute to your newsletter if you need a guest column.", False),
    ("Does your station take ride-alongs for students?", False),
]
"""(text, is it a pitch?), read at the meeting stage."""

FITS_APPLICATIONS_AND_QUIET_ASKS_OF_THE_LAST_BATCH = [
    ("Honestly, I think I'd be a poor fit for agency life, which is why I asked.", False),
    ("I'm not sure the residency would be a fit for me yet, but it sounds great.", False),
    ("I think I'd be a great fit for your team, to be honest.", True),
    (
        "I applied to your university's MS program last week and wanted to ask about labs.",
        False,
    ),
    ("Was there an offer you turned down that you still think about?", False),
    ("I'd be glad to help out at your shop's spring clean-up day.", False),
    ("I'm actually in the summer analyst recruiting process right now.", True),
    ("If you know anyone in logistics who's hiring, I'd be grateful for an intro.", True),
    ("I'm not here to ask for a job, although if one came up, I'd jump at it.", True),
    ("When you interview people next month, could you look out for my name?", True),
]
"""(text, is it a pitch?), read at the meeting stage."""

STATUS_LINES_AND_LOOK_ALIKES_FROM_THE_LAST_BATCH = [
    ("I'm in the industry recruiting process this fall, so your view would help.", True),
    ("I'm recruiting for PM and APM internships for next summer.", True),
    ("I'm between contracts, so I can start right away if that ever helps.", True),
    ("Anyway, I'm flexible on salary if that matters for your team.", True),
    ("Seeking junior hydrology positions in Denver.", True),
    ("Any tips for getting a foot in the door in animation?", False),
    ("Can you tell me how your team's hiring process works in general?", False),
    ("I've applied to fourteen firms and heard nothing, so I'm stepping back to learn.", False),
    ("Is the offer of a coffee still open once the audit is done?", False),
    ("Please let me know if there's anything I can send you, like that report.", False),
    ("As you kindly requested, here is my CV for the mentoring circle.", False),
]
"""(text, is it a pitch?), read at the meeting stage."""


FROM_B68_B71 = [
    ("Please keep me in mind for any freelance shoots.", True),
    ("I'm actively interviewing right now, so your timing is great.", True),
    ("I'm in the process of applying to your graduate scheme, by the way.", True),
    ("I'd love to rent a chair at one of your two barbershops.", True),
    ("I'm in the middle of the tax internship recruiting season, so it's hectic.", True),
    ("How do bakeries usually hire apprentices - through the college or directly?", False),
    ("Does your practice take students for the shadowing hours vet school asks for?", False),
    ("Let me know if there's anything I can do to help you in return.", False),
    ("Do you think my background in retail is a fit for customer success?", False),
    ("I applied for a transfer to our Leeds office last year, but withdrew it.", False),
]
"""(text, is it a pitch?) from b68-b71, opened after their first reading."""

LATER_BATCHES = [
    *[
        (text, pitch, "meeting")
        for text, pitch in APPLICATIONS_COUNTED_ELSEWHERE_ARE_A_STORY_NOT_A_PITCH
    ],
    *[(text, pitch, "outreach") for text, pitch in FIRST_CHOICES_EXPANSIONS_AND_DEGREE_LETTERS],
    *[(text, pitch, "meeting") for text, pitch in FAVOURS_GROWTH_AND_LETTERS_IN_CONTEXT],
    *[
        (text, pitch, "meeting")
        for text, pitch in FITS_APPLICATIONS_AND_QUIET_ASKS_OF_THE_LAST_BATCH
    ],
    *[(text, pitch, "meeting") for text, pitch in STATUS_LINES_AND_LOOK_ALIKES_FROM_THE_LAST_BATCH],
    *[(text, pitch, "meeting") for text, pitch in FROM_B68_B71],
]


@pytest.mark.parametrize(("text", "pitch", "stage"), LATER_BATCHES)
def test_readings_settled_by_the_later_batches(text: str, pitch: bool, stage: str) -> None:
    """Pitches and their look-alikes from b52-b71, each list named for what it holds."""
    assert pitched(text, stage) is pitch, text
