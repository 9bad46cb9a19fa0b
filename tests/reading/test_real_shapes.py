"""Real senders' shapes (issue 12, fifth round): what the writer-held-out misses taught.

Each test is a kind of miss, not one phrasing: question-list lines that do not look like
questions, casual registers, questions about people in general that use hiring words,
and the formal enquiry about vacancies of a cover letter. The sentences are written for
these tests.
"""

from __future__ import annotations

import pytest

from simulator.reading import read

from .conftest import pitched

LEARNING = {"career_path", "day_to_day", "advice", "industry", "companies", "skills"}


def topic(text: str) -> str | None:
    return read(text, "meeting").topic


@pytest.mark.parametrize(
    "text",
    [
        "4. Which software do you lean on every week",
        "2) Any podcasts you would point a beginner towards",
        "- Biggest surprise in your first month",
        "Q3: What tools do the apprentices learn first",
        "Tell me about the people you hand work over to.",
        "Describe an ordinary Tuesday in the lab.",
        "do u mostly work nights or days",
        "hows the on-call thing in practice",
    ],
)
def test_question_list_lines_get_a_learning_topic(text: str) -> None:
    assert topic(text) in LEARNING


def test_a_numbered_line_reads_like_the_same_question_unnumbered() -> None:
    assert topic("7. How did you end up in conservation") == topic(
        "How did you end up in conservation?"
    )


def test_a_statement_in_the_meeting_is_not_made_a_question() -> None:
    assert topic("Thanks, that helps a lot.") is None


@pytest.mark.parametrize(
    ("text", "pay"),
    [
        ("What do you think makes someone calm under pressure in this job?", False),
        ("What do you think makes a strong site manager?", False),
        ("How much does a junior surveyor make in this region?", True),
        ("What do new paralegals make in their first year?", True),
    ],
)
def test_what_makes_someone_good_is_not_a_pay_question(text: str, pay: bool) -> None:
    assert (topic(text) == "salary") is pay


@pytest.mark.parametrize(
    "text",
    [
        "whats ur week like, early starts every day?",
        "are bakeries struggling to find staff still?",
    ],
)
def test_a_casual_question_is_english_not_unreadable(text: str) -> None:
    reading = read(text, "meeting")
    assert not reading.has("unreadable")
    assert reading.topic in LEARNING


def test_gibberish_and_another_language_are_still_unreadable() -> None:
    assert read("qwpl zxkv trmbl vvkq plmnq", "outreach").has("unreadable")
    assert read("Buenos días, quisiera hablar con usted sobre su trabajo.", "outreach").has(
        "unreadable"
    )


@pytest.mark.parametrize(
    "text",
    [
        "What should someone leaving retail build up before applying for warehouse roles?",
        "Is a forklift licence worth getting before applying to logistics jobs?",
        "Are there many open positions in school counselling generally?",
        "Are there more openings for welders in shipbuilding than in construction these days?",
        "How does the referral process usually work for people in general?",
    ],
)
def test_questions_about_people_in_general_are_not_pitches(text: str) -> None:
    assert not pitched(text, "meeting")
    assert topic(text) != "pitch"


@pytest.mark.parametrize(
    "text",
    [
        "Are there any openings on your team at the moment?",
        "I'd like to talk before applying to your studio.",
    ],
)
def test_the_same_words_about_their_own_place_still_pitch(text: str) -> None:
    assert pitched(text)


@pytest.mark.parametrize(
    "text",
    [
        "I am writing to enquire about possible vacancies in your drafting office.",
        "I would like to express my interest in any junior analyst positions at your bank.",
        "I'm between contracts and would be grateful if you kept me posted on anything suitable.",
    ],
)
def test_the_formal_enquiries_of_a_cover_letter_are_pitches(text: str) -> None:
    assert pitched(text)


def test_enquiring_how_roles_work_is_not_a_pitch() -> None:
    assert not pitched("I wanted to enquire about how roles in your field are usually graded.")


@pytest.mark.parametrize(
    "text",
    [
        "What should I be working on before I apply to physio programmes?",
        "How did you check that surgery suited you before applying for residency?",
        "What's a good way for me to find out if teaching suits me before applying?",
        "If you were job hunting today, what would you do first?",
    ],
)
def test_advice_about_applying_somewhere_is_not_going_around_them(text: str) -> None:
    assert not pitched(text, "meeting")


def test_wanting_to_talk_before_applying_to_them_still_goes_around_them() -> None:
    assert pitched("I hoped to speak with you before applying to your agency.")
    assert pitched("If you were hiring, would you consider me for the coordinator post?")


@pytest.mark.parametrize(
    "text",
    [
        "Hi Dana, I haven't heard back about the junior planner role and wanted to check in.",
        "Any news on the timeline for the warehouse lead position?",
        "Quick one: is the evening receptionist job still open?",
        "Would you know when recruiting kicks off at your bank for second-years?",
        "Ops analyst, six years in freight, open to roles at your company.",
    ],
)
def test_chasers_and_student_recruiting_notes_are_pitches(text: str) -> None:
    assert pitched(text)


@pytest.mark.parametrize(
    "text",
    [
        "I wanted to follow up on our talk about the role mentors play on a ward.",
        "When does recruiting usually start in this industry?",
        "Thanks for the update on the timeline for the new building.",
        "I have not heard back from the conference organisers yet, which is fine.",
    ],
)
def test_the_same_words_about_something_else_are_not(text: str) -> None:
    assert not pitched(text)


@pytest.mark.parametrize(
    "text",
    [
        "Maybe one day we'll get to work together on your ward.",
        "I'd jump at the chance to write for you someday.",
        "Honestly I wish I worked at your bakery.",
        "Your lab is the kind of place I've always wanted to end up.",
    ],
)
def test_a_wish_to_work_with_them_someday_is_a_pitch(text: str) -> None:
    assert pitched(text)


@pytest.mark.parametrize(
    "text",
    [
        "I hope to work in this field someday.",
        "I've always wanted to be a nurse, since I was small.",
        "How did you end up working alongside the city planners?",
    ],
)
def test_a_wish_about_the_field_or_their_path_is_not(text: str) -> None:
    assert not pitched(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'd love to hear about openings within your planning department.",
        "Could you tell me about the hiring process for the lab manager post?",
        "Do you know of any firms that are hiring junior surveyors?",
        "I'd love to learn more about opportunities at [Company].",
    ],
)
def test_template_asks_about_their_openings_are_pitches(text: str) -> None:
    assert pitched(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm trying to learn about clinical roles at device companies in general.",
        "I'd love to hear about career opportunities in the field.",
        "What is the hiring process like in your industry?",
        "Do you know anyone who could tell me more about audit work?",
    ],
)
def test_asks_about_the_field_are_not(text: str) -> None:
    assert not pitched(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'd gladly help out in any capacity, paid or unpaid.",
        "I would welcome the opportunity to interview.",
        "Any chance you could introduce me to someone on the hiring side?",
    ],
)
def test_cover_letter_closings_are_pitches(text: str) -> None:
    assert pitched(text)


def test_interviewing_them_for_a_school_paper_is_not_a_pitch() -> None:
    assert not pitched("I'd welcome the chance to interview you for my capstone paper.")


@pytest.mark.parametrize(
    "text",
    [
        "What's the quickest way to get into your lab as a technician?",
        "Who should I talk to about getting hired at your agency?",
        "What would make me a stronger candidate for your design team?",
    ],
)
def test_asking_how_to_get_into_their_team_is_a_pitch(text: str) -> None:
    assert pitched(text, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "How did you get into your current team?",
        "what did it take for u to get hired at ur first shop",
        "What makes a strong candidate for your team?",
        "How do people usually get into your field?",
    ],
)
def test_asking_how_they_or_people_got_in_is_not(text: str) -> None:
    assert not pitched(text, "meeting")
