"""The whole message, without a UI: its subject line, and text the reader cannot read.

- The **subject** is read as part of the message: "Experienced coordinator seeking an HR
  role at your company" in the subject is a pitch even when the body is clean. Its
  signals carry ``part="subject"`` and spans into the subject, so they never mark the body.
- **Unreadable text** (another language, keyboard gibberish) gets the
  ``unreadable`` finding: a person would not read it as a careful message, so it must
  never pass as neutral.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from simulator.reading.english import language_problem
from simulator.reading.pitches import DISCLAIMED
from simulator.reading.segment import FROM_MONTH
from simulator.reading.timeask import DURATION_IDS

if TYPE_CHECKING:
    from simulator.reading.lexicon import Lexicon
    from simulator.reading.model import Context, Signal

_SUBJECT_PITCH = re.compile(
    r"\b(?:seeking|looking for|searching for|in search of|applying for|application for|"
    r"applicant for|candidate for|interested in|available for|open to|hoping for)\b[^.?!]{0,50}?"
    r"\b(?:roles?|positions?|jobs?|openings?|opportunit(?:y|ies)|vacanc(?:y|ies)|internships?|spots?|"
    r"employment|posts?|placements?|apprenticeships?|traineeships?|pupillages?)\b"
    r"|\b(?:resume|r\u00e9sum\u00e9|cv|portfolio)\b\s*(?:attached|enclosed|inside|included|"
    r"for|of|-|:|\+)"
    r"|(?:\bmy|\battached|\benclosed|\+|&)\s*(?:resume|r\u00e9sum\u00e9|cv|portfolio)\b"
    r"|\bopen to work\b|#opentowork"
    r"|\b(?:room|space|spot|place)s? for (?:an? |one more )?(?:intern|junior|trainee|apprentice|"
    r"graduate|new grad)"
    r"|\b(?:job|role|position|internship|externship|apprenticeship|placement|traineeship|"
    r"vacancy|stage|pupillage)s?\s+(?:request|application|enquiry|inquiry|opportunit(?:y|ies))"
    r"|^\W*(?:application|applying|referral request|job enquiry|job inquiry)\b"
    r"|\b(?:transfer|move|moving|switch|relocate|relocating|cross(?:ing)? over|come over|"
    r"coming over) (?:to|into|onto) your\b"
    r"|(?<!new )(?<!your )(?<!recent )\b(?:internship|externship|apprenticeship|placement|"
    r"traineeship|job|position|vacancy|spot|role|post|opening)s?\s+(?:(?:at|with)\s+(?:your\b|(?-i:[A-Z]))|(?:on|in)\s+your\b)"
    # a post named as the sender's own: "Graduate civil engineer role", "Trainee post"
    r"|\b(?:junior|graduate|trainee|entry-level|assistant|apprentice|intern|new grad)\b"
    r"[\w\s/&-]{0,25}?\b(?:role|post|position|spot|job|vacancy)\b(?![\w\s]{0,12}\bquestion)"
    # the sender offering to start: "happy to start unpaid", "available to work weekends"
    r"|\b(?:happy|willing|glad|keen|ready|available|free) to (?:start|work|help out|volunteer)\b"
    r"|\b(?:available|free) (?:immediately|now|straight away|right away|from (?:\w+ )?\d|"
    rf"{FROM_MONTH}\b"
    r"(?![^.?!]{0,20}\b(?:call|chat|coffee|meeting|talk|zoom)\b)|"
    r"for (?:work|hire))\b"
    r"|\b(?:love|like|glad|happy|keen) to (?:assist|help|work with|work for|join) you\b"
    # "free to join your practice from February", "available for your R&D team from June",
    # "can coach JV wrestling for you next season"
    r"|\b(?:free|available|ready|able) (?:to (?:join|start at|start with|work (?:for|with|at))"
    r" your\b|for your (?:[\w&-]+ ){0,2}(?:team|practice|firm|company|lab|studio|clinic|crew|"
    r"department|unit|kitchen|shop|hospital|school|agency|office|group)\b)"
    r"|\b(?:can|could) [\w\s-]{2,30}? for you (?:next|this) (?:season|year|summer|term|spring|fall|"
    r"autumn|winter)\b"
    # paid work asked for as a noun: "open to contract work", "- and freelance work?"
    r"|\b(?:open to|available for|seeking|looking for|after|and|any|or)\s+"
    r"(?:contract|freelance|paid|part-time|full-time|casual|seasonal|shift|locum|relief|temp|"
    r"temporary|weekend|summer)\s+(?:[\w-]+\s+)?(?:work|roles?|positions?|shifts|cover|gigs?)\b"
    r"|\b(?:seeking|looking for|searching for|after)\b[^.?!]{0,30}?\b(?:paid|part-time|"
    r"full-time|freelance|summer|seasonal|casual|weekend|shift|relief|locum|agency)\s+"
    r"(?:[\w-]+\s+)?(?:work|shifts|cover)\b"
    r"|\b(?:internship|externship|apprenticeship|placement|job|position|vacancy|role)s?\b"
    r"[^.?!]{0,30}\b(?:opening|open|available)\s*\?"
    # a last part that asks about hiring: "HVAC controls - hiring?", "(and is your base
    # recruiting?)", "Analyst programme - referral?"
    r"|(?:^|[-\u2013\u2014:|(/,+&]|\band\b)\s*(?:any |still |are you |is (?:your|the) [\w-]+ "
    r"(?:[\w-]+ )?)?(?:hiring|recruiting|referrals?|openings?|vacanc(?:y|ies)|internships?)"
    r"\s*\?(?!\s*(?:no|nope|not|nah)\b)"
    # the whole subject is a post, or asks about hiring: "Internship?", "Hiring?"
    r"|^\W*(?:any |still |are you )?(?:hiring|internships?|externships?|apprenticeships?|"
    r"openings?|vacanc(?:y|ies)|jobs?|positions?|placements?|(?:apprentice|intern|help) wanted)"
    r"\s*\??\W*$"
    # a post added to the subject's real topic: "coffee? (and your associate opening)"
    r"|(?:\b(?:and|plus|also)|\+|&)\s+(?:(?:a|an|the|your|any)\s+)?"
    r"(?:(?!(?:about|on|of|in|re|for|into|like)\b)[\w'-]+\s+){0,3}?"
    r"(?:opening|vacancy|job|position|role|internship|apprenticeship|placement|spot|slot|"
    r"(?<!blog )(?<!linkedin )(?<!recent )(?<!latest )(?<!last )(?<!medium )post)s?\b"
    r"(?!\s+(?:of|in the (?:field|industry)))"
    # the sender as an applicant or a future hire: "Dispatcher applicant - quick question",
    # "Future driver for your fleet?"
    r"|(?<!school )(?<!programme )(?<!program )(?<!phd )(?<!mba )(?<!pgce )(?<!course )"
    r"(?<!degree )(?<!masters )(?<!master's )(?<!university )(?<!college )(?<!residency )"
    r"(?<!fellowship )(?<!scholarship )(?<!training )\b(?:applicant|job candidate)\b"
    r"|\b(?:future|next|new) [\w-]+ (?:for|on|at|in|with) your\b"
    r"|\b(?:could|can) (?:you|your [\w-]+) use (?:a|an|another|someone|an extra|one more)\b"
    r"|\bappl(?:ied|ying) (?:to|for) your\b"
    r"|\b(?:love|like|hoping|hope|keen|eager) to join (?-i:[A-Z])"
    r"|(?:\band|\+|&|\bplus) (?:a |my )?(?:cv|resume|r\u00e9sum\u00e9|portfolio)\b"
    # a post asked about in a question: "Adjunct opening in math?"
    r"|\b(?:opening|openings|vacancy|vacancies|spots?)\b[^.?!]{0,30}\?",
    re.IGNORECASE,
)
"""A subject line that is a job hunter's headline ("Experienced coordinator seeking an HR
role at your company", "Resume - J. Doe") is a pitch even with no verb of asking."""
SUBJECT_SKIP = frozenset(
    {
        "long_message",
        "repeated_contact",
        "resume_attached",
        "unreadable",
        "no_intent",
        "no_why_you",
    }
)
"""Signals that come from the whole message (its context, length or manner), not from the
subject's words: a one-word subject is not a message empty of intent."""


def unreadable(text: str) -> bool:
    """Whether a person could not read ``text`` as English: another language or keyboard
    gibberish (``english.language_problem``, the same check ``no_intent`` uses). Text in
    capitals is still read: it is shouting (``manner.py``), not unreadable."""
    return bool(language_problem(text))


def headline_pitch(subject: str) -> tuple[str, int, int] | None:
    """The pitch a subject line makes as a headline, as (signal id, start, end), or None:
    a CV or portfolio named in it is a resume offered, any other a job pitch."""
    headline = _SUBJECT_PITCH.search(subject)
    if headline is None or _DENIED.search(subject, 0, headline.start() + 1):
        return None  # "Not a job request, promise"
    if DISCLAIMED.search(subject):
        return None  # "Seeking perspective (not a position)", "the analyst role (I'm not applying)"
    resume = bool(re.search(r"\b(?:resume|r\u00e9sum\u00e9|cv|portfolio)\b", subject, re.I))
    return ("resume_offered" if resume else "job_pitch", *headline.span())


_DENIED = re.compile(r"\b(?:not|no|never|nor|without)\b[^.?!,;]{0,12}$", re.IGNORECASE)
"""A denial just before a headline's job words ("Not a job request", "no CV attached")."""

_PASTED_SUBJECT = re.compile(r"\A\s*subject\s*:[ \t]*(?P<line>[^\n]*\S)", re.IGNORECASE)
"""A pasted email's own subject line, first in the text ("Subject: Internship?")."""


def pasted_subject(text: str) -> tuple[int, int] | None:
    """Where the subject line a pasted email opens with is (its words after "Subject:")."""
    match = _PASTED_SUBJECT.match(text)
    return match.span("line") if match else None


def read_subject(
    subject: str, stage: str, context: Context, lexicon: Lexicon, found: list[Signal]
) -> list[Signal]:
    """The subject line's own signals, not already found in the body."""
    from simulator.reading.model import Signal
    from simulator.reading.reader import is_pitch, read

    plain = replace(context, subject="", attachments=(), prior_messages=0, max_chars=None)
    plain = replace(plain, max_words=10_000)
    reading = read(subject, stage, plain, lexicon, headline=True)
    have = {s.id for s in found}
    pitched = any(is_pitch(s) for s in found)
    signals = list(reading.signals)
    headline = headline_pitch(subject)
    if headline and not any(is_pitch(s) for s in signals):
        signal_id, start, end = headline
        spec = lexicon.specs.get(signal_id)  # None: the scenario switched it off
        if spec is not None:
            quote = subject[start:end]
            signals.append(Signal(signal_id, spec.polarity, spec.criterion, quote, start, end))
    out = []
    for signal in signals:
        if signal.id in have:
            continue
        if signal.id == "open_ended_time_ask" and have & DURATION_IDS:
            continue  # "Coffee?" above a body that asks for 15 minutes asks for those
        if signal.id in SUBJECT_SKIP and not (signal.id == "resume_attached" and signal.end):
            continue  # but "CV attached - J. Doe" says so in words
        if pitched and is_pitch(signal):
            continue
        out.append(replace(signal, part="subject"))
        have.add(signal.id)
    return out
