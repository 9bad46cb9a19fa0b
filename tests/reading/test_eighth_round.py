"""The eighth round of the reader (issue 12): the model's own rules for a pitch, in words
written for these tests.

- A lexicon guard word somewhere else in the sentence ("when", "once", "she") no longer
  silences a model pitch: the guards stay with the phrases they were written for.
- A pitch the model of all kinds together is sure of counts even when no single kind is.
- Words right after the strongest word that make it the field's ("roles in the industry")
  or the speaker's situation ("someone in my position") are no pitch.
- In the meeting, pitches are read at the meeting's own threshold, chosen on the meeting's
  rows in cross-validation.
"""

from __future__ import annotations

import pytest

from simulator.reading import PITCH_IDS, Context, read
from simulator.reading.intents import PITCH, load_model

from .conftest import pitched


@pytest.mark.parametrize(
    "text",
    [
        "I just want to say, if you ever take on an assistant, I'd jump at it.",
        "Whenever your studio needs another pair of hands, I'd be thrilled to help out.",
        "Once I finish the course, I'd love nothing more than a place in your kitchen.",
        "Now that I know how the work goes, if you ever need an extra technician, count me in.",
    ],
)
def test_a_pitch_after_an_ordinary_opening_is_still_a_pitch(text: str) -> None:
    assert pitched(text, "meeting")
    assert pitched(text, "outreach")


@pytest.mark.parametrize(
    "text",
    [
        "I'd love to hear about career openings in the industry and how people find them.",
        "What do roles in general look like across the trade?",
        "Would 15 minutes work, so I can ask whether the course is worth it for someone in "
        "my position?",
        "How did you decide what to do when you were in my position?",
    ],
)
def test_the_fields_posts_and_the_speakers_situation_are_no_pitch(text: str) -> None:
    assert not pitched(text, "outreach")
    assert not pitched(text, "meeting")


def test_the_meeting_reads_pitches_at_its_own_threshold() -> None:
    model = load_model()
    assert model is not None
    k = model.labels.index(PITCH)
    meeting = model.stage_thresholds["meeting"][k]
    # Chosen on the meeting's own rows: a pitch is said more plainly there than in a cold
    # email, so the meeting holds its precision at a lower threshold.
    assert meeting < model.thresholds[k]
    # Stages without their own thresholds read at the general ones.
    assert "outreach" not in model.stage_thresholds


@pytest.mark.parametrize(
    "text",
    [
        "Where do you think someone with my background would slot in on your team?",
        "Honestly, could you see me doing this job here at your agency one day?",
    ],
)
def test_asking_where_one_would_fit_on_their_team_is_a_pitch(text: str) -> None:
    assert pitched(text, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "How does your team decide who gets the interesting projects?",
        "What do you look for when you train someone new on the crew?",
        "Where do most people on your team come from before they join?",
    ],
)
def test_learning_questions_about_their_team_stay_learning(text: str) -> None:
    reading = read(text, "meeting")
    assert not pitched(text, "meeting")
    assert reading.topic is not None


@pytest.mark.parametrize(
    "text",
    [
        "How could I get a place on your night-shift team?",
        "What's the quickest way to get my CV in front of your hiring manager?",
    ],
)
def test_a_question_about_ones_own_way_into_their_team_is_a_pitch(text: str) -> None:
    assert pitched(text, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "How could I build the skills your night-shift team relies on?",
        "What's the best way for me to learn the software your team uses?",
    ],
)
def test_a_question_about_what_to_learn_for_their_team_is_advice(text: str) -> None:
    assert not pitched(text, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "A phone call of whatever length suits you would be lovely.",
        "I'm really only after a phone call to hear about the work.",
        "If a phone call is possible after the holidays I'd be very grateful.",
    ],
)
def test_an_ask_for_a_call_with_no_length_is_open_ended(text: str) -> None:
    reading = read(text, "outreach")
    assert reading.has("open_ended_time_ask")
    assert not reading.has("bounded_time_ask")


@pytest.mark.parametrize(
    "text",
    [
        "Could you answer two questions by email about your move into forestry?",
        "If a call is hard to fit in, a few lines in writing would help me a lot.",
        "A phone call would be lovely, and 15 minutes would be plenty.",
    ],
)
def test_written_answers_and_asks_with_a_length_are_not_open_ended(text: str) -> None:
    assert not read(text, "outreach").has("open_ended_time_ask")


def test_a_terse_subject_above_a_body_with_a_length_asks_for_that_length() -> None:
    body = "Hi Rui, I'm moving from retail into logistics. Could I have 15 minutes by phone?"
    reading = read(body, "outreach", Context(subject="Coffee?"))
    assert reading.has("bounded_time_ask")
    assert not reading.has("open_ended_time_ask")


BODY = (
    "Hi Sam, I'm a nurse moving into informatics. Your talk at the chapter meeting on alert "
    "fatigue stuck with me. Could I have 15 minutes by phone next week?\n\nThanks,\nAlex"
)


@pytest.mark.parametrize(
    "subject",
    [
        "Apprentice wanted?",
        "Still hiring?",
        "Seeking a trainee analyst post",
        "Informatics question (and your junior analyst opening)",
        "A short call - and a job, to be honest",
        "Apprentice spot at Hollis Plumbing?",
        "Graduate quantity surveyor role",
        "Looking for paid weekend work this spring",
        "Bakery assistant - happy to start unpaid",
        "Sound engineering - and freelance work?",
        "Illustrator - open to contract work",
        "Chemistry graduate - available immediately",
        "Thank you - would love to assist you on set",
    ],
)
def test_a_subject_that_asks_for_a_post_for_oneself_is_a_pitch(subject: str) -> None:
    reading = read(BODY, "outreach", Context(subject=subject))
    assert any(s.id in PITCH_IDS and s.part == "subject" for s in reading.signals)


@pytest.mark.parametrize(
    "subject",
    [
        "Your post on hiring bias",
        "Question about the hiring process in nursing",
        "Jobs in informatics: how did you start?",
        "Coffee and a question about your role",
        "Not a job request, promise",
        "No CV attached - just one question",
        "Plumbing apprenticeship question",
        "Graduate role question: how did you start?",
        "Question about shift work in nursing",
        "Looking for advice on part-time study",
        "How did you find contract work after the army?",
        "Free for 15 minutes on Friday?",
    ],
)
def test_a_subject_about_hiring_or_roles_as_a_topic_is_no_pitch(subject: str) -> None:
    reading = read(BODY, "outreach", Context(subject=subject))
    assert not any(s.id in PITCH_IDS for s in reading.signals)


def test_a_pasted_emails_own_subject_line_is_read_as_its_headline() -> None:
    pasted = "Subject: Still hiring?\n\n" + BODY
    reading = read(pasted, "outreach")
    pitch = next(s for s in reading.signals if s.id in PITCH_IDS)
    assert pitch.quote == "Still hiring?"
    clean = read("Subject: Your post on hiring bias\n\n" + BODY, "outreach")
    assert not any(s.id in PITCH_IDS for s in clean.signals)
    # Only the first line is a subject: the words later in a body are not a headline.
    assert not any(s.id in PITCH_IDS for s in read(BODY + "\n\nSubject: Hiring?").signals)


@pytest.mark.parametrize(
    "text",
    [
        "What would I need to do to land a spot in your NOC?",
        "How could someone like me get onto your brokerage's trainee scheme?",
    ],
)
def test_a_question_about_ones_own_way_into_anything_of_theirs_is_a_pitch(text: str) -> None:
    assert pitched(text, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "What would I need to learn first, in your experience?",
        "How would I get started in the field, given your career path?",
    ],
)
def test_their_view_or_their_path_keeps_an_advice_question_advice(text: str) -> None:
    assert not pitched(text, "meeting")


def test_words_ruled_out_elsewhere_in_the_sentence_do_not_silence_a_sure_pitch() -> None:
    # "how would I apply" alone asks for advice, and the lexicon rules it out as a pitch...
    assert not pitched("How would I apply for an apprenticeship in general?", "meeting")
    # ...but the question before it asks about their own scheme.
    assert pitched(
        "Does your garage have a placement scheme for mature students, and how would I "
        "apply to it?",
        "meeting",
    )


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "A colleague referred me to your post on roadmaps, and it answered my question.",
            "follow_up",
        ),
        ("The study group you referred me to meets on Thursdays, and I've joined it.", "thank_you"),
        (
            "I read your post about why you hire apprentices who have never held a chisel.",
            "outreach",
        ),
        ("My cousin just got hired as an apprentice and he loves it.", "meeting"),
        ("Nobody is hiring me yet, ha, but I'm on my way.", "thank_you"),
    ],
)
def test_a_referral_or_a_hire_that_already_happened_or_is_their_topic_is_no_pitch(
    text: str, stage: str
) -> None:
    assert not pitched(text, stage)


@pytest.mark.parametrize(
    "text",
    [
        "Could you refer me to the hiring manager for the analyst role?",
        "I'd be grateful to be referred for the analyst role.",
        "Is your team still hiring apprentices this spring?",
    ],
)
def test_asking_to_be_referred_or_about_their_hiring_now_is_still_a_pitch(text: str) -> None:
    assert pitched(text, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "I'd sweep the floors for free for a month just to be in your shop.",
        "I'd gladly help on your next dig unpaid, to learn how it's done.",
        "I can start any time, and weekends are fine.",
    ],
)
def test_offering_unpaid_work_or_an_immediate_start_is_a_pitch(text: str) -> None:
    assert pitched(text, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "I volunteer for free at the food bank on Saturdays.",
        "Did you work for free when you started out?",
        "We can start any time you like.",
    ],
)
def test_unpaid_work_as_a_fact_or_a_question_and_starting_the_call_are_no_pitch(
    text: str,
) -> None:
    assert not pitched(text, "meeting")


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "Could I ask about your path in a 15-minute call? Happy to send my site and CV too.",
            "outreach",
        ),
        (
            "I'd value your advice on the move. - Dr. Lee Park | Seeking data science roles",
            "outreach",
        ),
        ("By the way, I applied to your clinic's residency last week.", "meeting"),
        ("Would you supervise me if I applied to your lab's PhD programme?", "meeting"),
    ],
)
def test_a_cv_offered_in_passing_a_piped_status_and_applying_to_theirs_are_pitches(
    text: str, stage: str
) -> None:
    assert pitched(text, stage)


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Should I send a CV when I ask for a call like this, in your view?", "meeting"),
        ("I'd value your advice on the move. - Dr. Lee Park | Data scientist, Oslo", "outreach"),
        ("I applied your advice about the portfolio and it worked.", "thank_you"),
    ],
)
def test_asking_about_cvs_a_plain_signature_and_applied_advice_are_no_pitch(
    text: str, stage: str
) -> None:
    assert not pitched(text, stage)
