"""Each signal of the vocabulary: texts that show it, and look-alikes that must not."""

from __future__ import annotations

import pytest

from simulator.reading import Context, read, standard_lexicon

# (signal, stage, text): the reader must report the signal.
POSITIVE = [
    ("guilt_trip", "follow_up", "I'd appreciate the courtesy of a reply, even a no."),
    ("guilt_trip", "follow_up", "I'm surprised I haven't heard back from you."),
    ("big_ask", "meeting", "Would you be my mentor while I make the move?"),
    ("big_ask", "outreach", "Could I shadow you for a day next month?"),
    ("bounded_time_ask", "outreach", "Could I have 15 minutes by phone next week?"),
    ("bounded_time_ask", "outreach", "Would you have fifteen minutes for a call?"),
    ("bounded_time_ask", "outreach", "Could we do 15-20 min on a video call?"),
    ("bounded_time_ask", "outreach", "Any chance of ~20m on the phone?"),
    ("bounded_time_ask", "outreach", "Would a quick 20-minute call work for you?"),
    ("bounded_time_ask", "outreach", "Could I borrow half an hour of your time?"),
    ("open_ended_time_ask", "outreach", "I'd love to pick your brain about HR."),
    ("open_ended_time_ask", "outreach", "Could we grab coffee one afternoon?"),
    (
        "open_ended_time_ask",
        "outreach",
        "Could we set up some time to chat when you have a moment?",
    ),
    ("long_time_ask", "outreach", "Could we meet for an hour next week?"),
    ("long_time_ask", "outreach", "Would you have 45 minutes for a call?"),
    ("repeated_contact", "outreach", "I left you a couple voicemails and thought I'd email too."),
    ("repeated_contact", "follow_up", "Bumping this back to the top of your inbox."),
    ("acknowledges_busy", "outreach", "I know review season must have you swamped."),
    ("acknowledges_busy", "outreach", "I realize you're busy, so I'll keep this short."),
    ("flexible_scheduling", "outreach", "By phone or video, whenever suits you."),
    ("job_pitch", "outreach", "I'm very interested in working for your company."),
    ("job_pitch", "outreach", "I'd love to join your team."),
    ("job_pitch", "outreach", "I'd be able to contribute on day one."),
    ("job_pitch", "outreach", "I'd hit the ground running."),
    ("job_pitch", "outreach", "I'm currently looking for a new role in HR."),
    ("job_pitch", "outreach", "I think I'd be a strong fit for your people team."),
    ("job_pitch", "outreach", "I'm interested in the open HR coordinator role."),
    ("job_pitch", "meeting", "Let me find out if there's a place I would fit in."),
    ("asks_about_openings", "outreach", "Are you hiring?"),
    ("asks_about_openings", "outreach", "Are there any openings on your team?"),
    ("asks_about_openings", "outreach", "Do you have any open roles?"),
    ("asks_about_openings", "outreach", "Any open positions in HR?"),
    ("asks_about_openings", "meeting", "Does your company hire interns?"),
    ("asks_about_openings", "outreach", "If a role opens up, please let me know."),
    ("bypass_application", "outreach", "I just applied for the coordinator posting."),
    ("bypass_application", "meeting", "Could you check on the status of my application?"),
    ("resume_attached", "outreach", "I've attached my resume for your review."),
    ("resume_attached", "outreach", "Please find my CV attached."),
    ("resume_offered", "outreach", "Happy to send over my resume if helpful."),
    ("resume_offered", "meeting", "Could you take a look at my resume?"),
    ("referral_for_role", "meeting", "Would you refer me for the recruiter opening?"),
    ("referral_for_role", "outreach", "Could you connect me with the hiring manager?"),
    ("personalized", "outreach", "I read your article on onboarding last week."),
    ("personalized", "outreach", "We both studied at Lakeside College."),
    ("mutual_referral", "outreach", "My manager, Dana Ruiz, suggested I reach out."),
    (
        "name_drop",
        "outreach",
        "I have four years of experience and know Mark and Amy in Accounting.",
    ),
    ("clear_purpose", "outreach", "I'd like to learn how people move from operations into HR."),
    ("gratitude", "thank_you", "Thanks so much for your time."),
    ("asks_for_contacts", "meeting", "Is there anyone else you think I should talk to?"),
    ("asks_for_contacts", "meeting", "Could you refer me to someone in learning and development?"),
    ("question_career_path", "meeting", "How did you get into HR?"),
    ("question_day_to_day", "meeting", "What does the day-to-day look like in this role?"),
    ("question_advice", "meeting", "What advice would you give someone starting out?"),
    ("question_industry", "meeting", "Where do you see the field heading?"),
    ("question_companies", "meeting", "Which companies should I look at?"),
    ("question_skills", "meeting", "Which skills matter most in HR?"),
    ("question_googleable", "meeting", "What does your company do?"),
    ("question_salary", "meeting", "How much do you make?"),
    ("question_pay_range", "meeting", "What's a typical starting salary in HR?"),
    ("thank_you_specific", "thank_you", "You mentioned payroll, so I plan to shadow ours."),
]

# (signal, stage, text): a look-alike the reader must not report as that signal.
HARD_NEGATIVE = [
    (
        "guilt_trip",
        "follow_up",
        "I know silence is normal in review season, so no pressure at all.",
    ),
    ("big_ask", "meeting", "Did you have a mentor when you moved into HR?"),
    ("bounded_time_ask", "outreach", "I spent 15 minutes reading your article last night."),
    ("bounded_time_ask", "outreach", "I have 4 years of experience in operations."),
    ("bounded_time_ask", "outreach", "I built an app with 2.5M downloads."),
    ("open_ended_time_ask", "outreach", "Could I have 15 minutes by phone?"),
    ("long_time_ask", "outreach", "Not an hour, just 15 minutes on the phone would be plenty."),
    ("repeated_contact", "outreach", "This is my first note to you."),
    ("job_pitch", "outreach", "I'm not looking for a job; I'd like to learn about HR."),
    ("job_pitch", "meeting", "What does the day-to-day look like in this role?"),
    ("job_pitch", "meeting", "What makes someone a good fit for HR work?"),
    (
        "job_pitch",
        "meeting",
        "I'm interested in the role of an HR business partner: how is it different?",
    ),
    ("job_pitch", "outreach", "I'm exploring different career paths."),
    ("asks_about_openings", "outreach", "I'm not asking about openings at all."),
    ("asks_about_openings", "meeting", "When you're hiring, what do you look for?"),
    ("asks_about_openings", "meeting", "What do you look for when you hire new graduates?"),
    ("asks_about_openings", "outreach", 'A mentor said "are you hiring?" is the worst opener.'),
    ("asks_about_openings", "outreach", "Even if you were hiring, that's not why I'm writing."),
    ("bypass_application", "meeting", "Should I mention my application process in a cover letter?"),
    ("resume_attached", "outreach", "I have not attached my CV, to keep this short."),
    ("resume_offered", "outreach", "People told me not to send a resume, so I won't."),
    ("resume_offered", "meeting", "Should I send my resume to recruiters or apply online?"),
    ("referral_for_role", "meeting", "Could you refer me to someone who moved from ops to HR?"),
    ("referral_for_role", "meeting", "What do hiring managers look for in HR?"),
    ("personalized", "outreach", "I'd like to learn about HR."),
    ("mutual_referral", "outreach", "I know a few people in HR."),
    ("name_drop", "outreach", "I know Excel well."),
    ("gratitude", "outreach", "I'd like to learn how you moved into HR."),
    ("asks_for_contacts", "meeting", "Could you introduce me to the hiring manager?"),
    ("question_salary", "meeting", "What do you make of the new pay transparency law?"),
    ("question_pay_range", "meeting", "How do you set salary ranges during planning?"),
    ("question_googleable", "meeting", "How did your company's HR team change as it grew?"),
    ("question_career_path", "outreach", "How did you get into HR?"),
]


@pytest.mark.parametrize(("signal", "stage", "text"), POSITIVE)
def test_reports_signal(signal: str, stage: str, text: str) -> None:
    reading = read(text, stage)
    assert reading.has(signal), f"{signal} not found in {text!r}: {reading.ids()}"
    found = reading.first(signal)
    assert found is not None
    assert text[found.start : found.end] == found.quote


@pytest.mark.parametrize(("signal", "stage", "text"), HARD_NEGATIVE)
def test_does_not_report_look_alike(signal: str, stage: str, text: str) -> None:
    reading = read(text, stage)
    assert not reading.has(signal), f"{signal} wrongly found in {text!r}: {reading.ids()}"


def test_every_text_signal_has_a_positive_and_a_negative_example() -> None:
    # Signals the engine computes (clock, attachments, timing) say so with a `detector`;
    # long_message is computed from the word count but has an ordinary example below.
    engine_only = {sid for sid, spec in standard_lexicon().specs.items() if spec.detector}
    engine_only.add("long_message")
    ids = set(standard_lexicon().specs) - engine_only
    assert ids <= {s for s, _, _ in POSITIVE}
    missing_negative = ids - {s for s, _, _ in HARD_NEGATIVE}
    assert missing_negative <= {
        "flexible_scheduling",
        "clear_purpose",
        "question_advice",
        "question_day_to_day",
        "question_industry",
        "question_companies",
        "question_skills",
        "thank_you_specific",
        "acknowledges_busy",
    }


def test_resume_attachment_is_a_pitch_unless_asked_for() -> None:
    attached = Context(attachments=("Jane_Doe_Resume.pdf",))
    assert read("Hello.", "outreach", attached).has("resume_attached")
    asked = Context(attachments=("Jane_Doe_Resume.pdf",), resume_requested=True)
    assert not read("Hello.", "outreach", asked).has("resume_attached")
    receipt = Context(attachments=("cvs-receipt.png",))
    assert not read("Hello.", "outreach", receipt).has("resume_attached")


def test_resume_in_thank_you_after_the_persona_asked_is_fine() -> None:
    text = "Thank you again. As you asked, I've attached my resume for your colleague."
    assert not read(text, "thank_you").has("resume_attached")
    assert read(text.replace("As you asked, ", ""), "thank_you").has("resume_attached")


def test_long_message_uses_the_context_limit() -> None:
    text = "word " * 120
    assert read(text, "outreach", Context(max_words=100)).has("long_message")
    assert not read(text, "outreach", Context(max_words=150)).has("long_message")
    assert read("short", "outreach", Context(max_chars=3)).has("long_message")


def test_chasing_within_three_days_is_repeated_contact() -> None:
    soon = Context(prior_messages=1, days_since_last=2)
    later = Context(prior_messages=1, days_since_last=8)
    assert read("Just checking you saw my note.", "follow_up", soon).has("repeated_contact")
    assert not read("Just checking you saw my note.", "follow_up", later).has("repeated_contact")


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "We both studied at Lakeside College, and I'd love 15 minutes of your time.",
            "We both studied at Lakeside College",
        ),
        (
            "I read your article on night-shift staffing and would love 15 minutes.",
            "I read your article on night-shift staffing",
        ),
    ],
)
def test_why_them_quotes_what_was_said_of_them_not_just_the_trigger(text: str, quote: str) -> None:
    """ "We both" alone tells the learner nothing: the quote runs to the end of the clause."""
    found = read(text, "outreach").first("personalized")
    assert found is not None and found.quote == quote
    assert text[found.start : found.end] == found.quote
