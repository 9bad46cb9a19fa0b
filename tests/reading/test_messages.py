"""Whole messages: hard wraps, quoted replies, signatures, placeholders, the subject line,
unreadable text, and what each stage gives credit for (issue 12)."""

from __future__ import annotations

import textwrap

import pytest

from simulator.content import Library
from simulator.content.models import Persona
from simulator.conversation.judgement import judge
from simulator.reading import PITCH_IDS, Context, read
from simulator.reading.segment import prepare, sentences

CAREFUL = (
    "Hi Dana,\n\n"
    "I heard your session on payroll audits at the state conference last month, and your "
    "point about small teams owning compliance early has stayed with me. I'm a bookkeeper "
    "trying to understand how people move into HR operations. Would you have 15 minutes by "
    "phone in the next few weeks? I know review season is busy, so whenever suits you.\n\n"
    "Thank you,\nSam Ortiz"
)


def wrapped(text: str, width: int) -> str:
    """The text hard-wrapped the way a mail client does it, line by line."""
    return "\n".join(
        textwrap.fill(line, width, break_on_hyphens=False, break_long_words=False) or line
        for line in text.split("\n")
    )


def persona() -> Persona:
    found, _, _ = Library().load_persona("hr-manager-review-season")
    return found


def test_a_hard_wrapped_careful_email_gets_the_same_verdict_as_its_twin() -> None:
    flat = judge(CAREFUL, "outreach", persona())
    for width in (72, 80):
        hard = judge(wrapped(CAREFUL, width), "outreach", persona())
        assert hard.reading.ids() == flat.reading.ids()
        assert hard.decision.reply == flat.decision.reply == "accept"
    assert flat.reading.has("bounded_time_ask")


def test_unwrapping_keeps_length_paragraphs_and_the_learners_words() -> None:
    text = wrapped(CAREFUL, 60)
    prepared = prepare(text)
    assert len(prepared) == len(text)
    assert "Hi Dana,\n" in prepared
    quoted = [prepared[a:b] for a, b in sentences(prepared)]
    assert "Would you have 15 minutes by phone in the next few weeks?" in quoted


def test_a_quoted_reply_and_a_signature_are_not_the_learners_words() -> None:
    text = (
        "Hi Dana,\n\nThanks for answering. Could I have a 15-minute call with you on Thursday?\n\n"
        "Best,\nSam Ortiz\nPayroll analyst | sam.ortiz@example.com | 555-0100\n\n"
        "On Mon, Oct 1, 2024 at 9:45 AM Dana Lee wrote:\n"
        "> Are you looking for a job with us? Send your resume.\n"
    )
    reading = read(text, "follow_up")
    assert reading.has("bounded_time_ask")
    assert not any(reading.has(p) for p in PITCH_IDS), reading.ids()


@pytest.mark.parametrize(
    ("status", "signal"),
    [
        ("Open to work | Analyst", "job_pitch"),
        ("Payroll analyst | Seeking new opportunities", "job_pitch"),
        ("Resume: samortiz.dev/cv", "resume_offered"),
        ("samortiz.dev/resume.pdf", "resume_offered"),
        ("Payroll | Lookbook attached", "resume_offered"),
        ("1st AC | Reel: samcam.example | Available for camera dept roles", "job_pitch"),
        ("Line cook | Open to pastry work", "job_pitch"),
    ],
)
def test_a_job_hunting_line_in_the_signature_is_read(status: str, signal: str) -> None:
    """Name, title and contact lines are not prose, but a line saying the sender is job
    hunting, or linking a resume, is a pitch however small the type."""
    text = (
        "Hi Dana,\n\nCould I have a 15-minute call about payroll audits?\n\n"
        f"Best,\nSam Ortiz\n{status}\n"
    )
    reading = read(text, "outreach")
    found = [s for s in reading.signals if s.id == signal]
    assert found, reading.ids()
    assert found[0].quote in status


def test_template_placeholders_read_as_ordinary_words() -> None:
    text = "Hi {name}, I'd love to join [Company] as a $ROLE. Could we talk for 15 minutes?"
    prepared = prepare(text)
    assert len(prepared) == len(text)
    assert "[" not in prepared and "{" not in prepared and "$" not in prepared
    assert any(read(text).has(p) for p in PITCH_IDS)


def test_a_pitch_only_in_the_subject_is_caught() -> None:
    body = "Hi Dana,\n\nCould I have 15 minutes by phone in the next few weeks?\n\nThanks,\nSam"
    subject = "Experienced coordinator seeking an HR Generalist role at your company"
    clean = read(body, "outreach")
    assert not any(clean.has(p) for p in PITCH_IDS)
    reading = read(body, "outreach", Context(subject=subject))
    pitch = next(s for s in reading.signals if s.id in PITCH_IDS)
    assert pitch.part == "subject"
    assert subject[pitch.start : pitch.end] == pitch.quote
    verdict = judge(body, "outreach", persona(), subject=subject)
    assert verdict.decision.reply != "accept"


def test_an_ordinary_subject_changes_nothing() -> None:
    body = "Hi Dana, could I have 15 minutes by phone in the next few weeks?"
    plain = read(body, "outreach")
    with_subject = read(body, "outreach", Context(subject="Quick question from a bookkeeper"))
    assert with_subject.ids() == plain.ids()


def test_thank_you_credit_comes_only_from_the_thank_you() -> None:
    outreach = "Your point about payroll audits stuck with me. Could we talk for 15 minutes?"
    meeting = "Who else would you suggest I talk to? You mentioned the payroll team."
    note = (
        "Thank you for Tuesday. Your advice to learn payroll properly made sense, "
        "so I've started the evening course you named."
    )
    assert not read(outreach, "outreach").has("thank_you_specific")
    assert not read(meeting, "meeting").has("thank_you_specific")
    assert read(note, "thank_you").has("thank_you_specific")


@pytest.mark.parametrize(
    "text",
    [
        "I applied to grad school last year and deferred.",
        "I applied the advice from your panel to my own job search.",
        "My own company is hiring like crazy, so I know how stretched recruiters are.",
        "I applied the card-sorting method from your article to a volunteer project.",
        "I applied to an MSW programme, and before I start I'd value 15 minutes of your time.",
        "My manager is hiring two interns this summer, which made me curious about your work.",
        "I saw your post on district nursing and would value 15 minutes by phone.",
        "Would a 20-minute call work? I can fit around your calendar.",
        "My mentor said to talk to people in the field before I apply anywhere.",
        "I'd be happy to help if I can.",
    ],
)
def test_look_alike_pitches_are_not_pitches(text: str) -> None:
    reading = read(text, "outreach")
    assert not any(reading.has(p) for p in PITCH_IDS), reading.ids()


@pytest.mark.parametrize(
    ("text", "signal_id"),
    [
        ("I applied for the analyst role last week and wanted to follow up.", "bypass_application"),
        ("I saw your posting for the analyst role.", "job_pitch"),
        ("My CV is enclosed so you can look it over.", "resume_offered"),
        ("Could you put in a good word with the hiring manager?", "referral_for_role"),
    ],
)
def test_the_real_pitches_beside_those_look_alikes_still_count(text: str, signal_id: str) -> None:
    assert read(text, "outreach").has(signal_id)


def test_an_hour_to_pick_their_brain_is_long_and_open_ended() -> None:
    reading = read("Could we meet for an hour over coffee so I can pick your brain?", "outreach")
    assert reading.has("long_time_ask") and reading.has("open_ended_time_ask")
    bounded = read("Could I have 15 minutes by phone to pick your brain?", "outreach")
    assert bounded.has("bounded_time_ask") and not bounded.has("open_ended_time_ask")


@pytest.mark.parametrize(
    "text",
    [
        "What would make my application stand out?",
        "Could you point me to the right person for the analyst role?",
        "Would you be my mentor?",
    ],
)
def test_job_hunting_questions_earn_no_learning_credit(text: str) -> None:
    reading = read(text, "meeting")
    assert reading.topic in (None, "pitch")
    credited = [s for s in reading.signals if s.id.startswith("question_")]
    assert not [s for s in credited if s.polarity == "positive"]


def test_why_them_from_a_session_they_gave() -> None:
    reading = read("I heard your session at the state conference and wanted to ask one thing.")
    assert reading.has("personalized")


@pytest.mark.parametrize(
    "text",
    [
        "Hola, me gustaría hablar con usted sobre su trabajo en la empresa.",
        "Bonjour, je voudrais vous parler de votre travail dans les ressources humaines.",
        "asdkfj qwrtpl zxcvbn mnbvcx lkjhgf poiuyt",
    ],
)
def test_unreadable_text_gets_a_clear_finding(text: str) -> None:
    reading = read(text, "outreach")
    assert reading.has("unreadable")
    assert not reading.has("shouting")
    verdict = judge(text, "outreach", persona())
    assert verdict.decision.reply != "accept"


def test_english_in_capitals_is_shouting_not_unreadable() -> None:
    # One finding for one fault: the words are read (here a bounded ask and a purpose),
    # and the capitals cost the message as shouting.
    text = "HELLO, COULD I HAVE 15 MINUTES BY PHONE TO LEARN HOW YOU MOVED INTO HR? THANK YOU."
    reading = read(text, "outreach")
    assert reading.has("shouting") and not reading.has("unreadable")
    assert reading.has("bounded_time_ask")
    assert judge(text, "outreach", persona()).decision.reply != "accept"


def test_capitals_that_are_not_english_are_unreadable_only() -> None:
    reading = read("ASDKFJ QWRTPL ZXCVBN MNBVCX LKJHGF POIUYT", "outreach")
    assert reading.has("unreadable") and not reading.has("shouting")


@pytest.mark.parametrize(
    "text",
    ["Thanks!", "HR ops?", "I work at IBM in NYC.", "Could we talk for 15 minutes, Dr. Okafor?"],
)
def test_short_or_ordinary_text_is_readable(text: str) -> None:
    assert not read(text, "outreach").has("unreadable")


@pytest.mark.parametrize(
    "line",
    [
        "Typical week outside review season?",
        "Biggest mistakes early in your career?",
        "Certifications worth the money?",
        "Skills hiring managers undervalue these days?",
    ],
)
def test_a_terse_question_from_a_list_is_read_as_english_and_given_its_topic(line: str) -> None:
    # Question lists are written in fragments with hardly a grammar word; they were
    # judged gibberish (-20) and "says nothing of its own" (-40) in a meeting.
    reading = read(line, "meeting")
    assert not reading.has("unreadable") and not reading.has("no_intent")
    assert any(i.startswith("question_") for i in reading.ids())


@pytest.mark.parametrize(
    "text",
    [
        "Ihre Arbeit interessiert mich sehr, haben Sie Zeit",
        "Vorrei parlare con lei della sua carriera nelle risorse umane",
        "Gostaria de conversar sobre sua carreira em recursos humanos",
    ],
)
def test_other_languages_are_still_unreadable(text: str) -> None:
    assert read(text, "outreach").has("unreadable")


@pytest.mark.parametrize(
    "text",
    [
        "Would you have a quick 15 sometime to talk about the library career?",
        "could u do 15 on the phone sat morning? wanna ask abt commercial vs resi",
        "Would you be willing to spend 15 minutes telling me how you moved into policy?",
        "i know ur swamped, could i get 15 min in january?",
        "I'd only need fifteen minutes, maybe between crossings.",
    ],
)
def test_short_asks_in_everyday_words_are_bounded(text: str) -> None:
    assert read(text, "outreach").has("bounded_time_ask")


@pytest.mark.parametrize(
    "text",
    [
        "I spent 15 minutes on your site before writing.",
        "We have a quick 15 left in the agenda, so I'll be brief.",
    ],
)
def test_durations_that_ask_for_nothing_are_not_time_asks(text: str) -> None:
    assert not read(text, "outreach").has("bounded_time_ask")


@pytest.mark.parametrize(
    "text",
    [
        "Your conference talk on hybrid reviews was the clearest I have heard.",
        "The exhibition you curated last spring is why I'm writing.",
        "I noticed you moved from payroll into HR a few years ago.",
        "We were both at Tufts for the MPH program, a few years apart.",
    ],
)
def test_why_them_in_words_beyond_the_old_phrases(text: str) -> None:
    assert read(text, "outreach").has("personalized")


def test_talking_to_them_is_not_a_reason_to_write_to_them() -> None:
    reading = read("Could we meet for 15 minutes near your office to talk about HR?", "outreach")
    assert not reading.has("personalized")


@pytest.mark.parametrize(
    "line",
    ["Reel: samcam.example", "Portfolio: sam.example/work", "Analyst | Open Data Society member"],
)
def test_a_profile_link_in_the_signature_is_not_a_pitch(line: str) -> None:
    """A profile, reel or portfolio link in the signature is what the advice allows."""
    text = (
        "Hi Dana,\n\nCould I have a 15-minute call about payroll audits?\n\n"
        f"Best,\nSam Ortiz\n{line}\n"
    )
    reading = read(text, "outreach")
    assert not any(reading.has(p) for p in PITCH_IDS), reading.ids()


def test_a_status_line_at_the_end_counts_without_a_sign_off_line() -> None:
    """Typed into the app's box as one paragraph, the sign-off shares a line with the ask;
    the status line under it is still a status, not prose."""
    text = (
        "Hi Robert, could I have 15 minutes to hear how you moved into HR? Best, Sam\n"
        "Ops coordinator | Open to HR roles"
    )
    reading = read(text, "outreach")
    found = reading.first("job_pitch")
    assert found is not None and found.quote == "Ops coordinator | Open to HR roles"
    clean = read("Hi Robert, could I have 15 minutes?\nOpen to any advice!", "outreach")
    assert not any(clean.has(p) for p in PITCH_IDS)
