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
from simulator.reading.no_post import RESUME_WORD
from simulator.reading.pitches import DISCLAIMED
from simulator.reading.segment import FROM_MONTH
from simulator.reading.timeask import DURATION_IDS

if TYPE_CHECKING:
    from simulator.reading.lexicon import Lexicon
    from simulator.reading.model import Context, Signal
    from simulator.reading.scope import Scope

_SUBJECT_PARTS: tuple[tuple[str, str], ...] = (
    # "Experienced coordinator seeking an HR role at your company"
    (
        "seeking",
        r"\b(?:seeking|looking for|searching for|in search of|applying for|application for|"
        r"applicant for|candidate for|interested in|available for|open to|hoping for)\b"
        r"[^.?!]{0,50}?"
        r"\b(?:roles?|positions?|jobs?|openings?|opportunit(?:y|ies)|vacanc(?:y|ies)|"
        r"internships?|spots?|employment|posts?|placements?|apprenticeships?|traineeships?|"
        r"pupillages?)\b",
    ),
    # "Resume - J. Doe", "my CV", "+ portfolio"
    (
        "resume",
        r"\b(?:resume|r\u00e9sum\u00e9|cv|portfolio)\b\s*(?:attached|enclosed|inside|included|"
        r"for|of|-|:|\+)"
        r"|(?:\bmy|\battached|\benclosed|\+|&)\s*(?:resume|r\u00e9sum\u00e9|cv|portfolio)\b"
        r"|(?:\band|\+|&|\bplus) (?:a |my )?(?:cv|resume|r\u00e9sum\u00e9|portfolio)\b",
    ),
    ("open_to_work", r"\bopen to work\b|#opentowork"),
    (
        "room_for",
        r"\b(?:room|space|spot|place)s? for (?:an? |one more )?(?:intern|junior|trainee|"
        r"apprentice|graduate|new grad)",
    ),
    # "Internship request", "Application - analyst programme"
    (
        "request",
        r"\b(?:job|role|position|internship|externship|apprenticeship|placement|traineeship|"
        r"vacancy|stage|pupillage)s?\s+(?:request|application|enquiry|inquiry|"
        r"opportunit(?:y|ies))"
        r"|^\W*(?:application|applying|referral request|job enquiry|job inquiry)\b"
        r"(?![^.?!]{0,30}\b(?:school|program|programme|course|degree|college|university|msw|"
        r"mba|phd|masters?|grad|residency|scholarship|visa|licen[cs]e|academy)\b)",
    ),
    (
        "moving_over",
        r"\b(?:transfer|move|moving|switch|relocate|relocating|cross(?:ing)? over|come over|"
        r"coming over) (?:to|into|onto) your\b",
    ),
    # "Internship at Acme", "Opportunities at Halvorsen Capital", "a spot on your team"
    (
        "post_at",
        r"(?<!new )(?<!your )(?<!recent )(?<!learning )(?<!volunteer )(?<!shadowing )"
        r"(?<!networking )(?<!speaking )(?<!my )(?<!after )(?<!last )(?<!recent )(?<!former )"
        r"\b(?:internship|externship|apprenticeship|placement|"
        r"traineeship|job|position|vacancy|spot|role|post|opening|opportunit(?:y|ie))s?"
        r"\s+(?:(?:at|with)\s+(?:your\b|(?-i:[A-Z])|(?-i:[a-z]+-[A-Z]))|(?:on|in)\s+your\b)",
    ),
    # a post named as the sender's own: "Graduate civil engineer role", "Trainee post"
    (
        "junior_post",
        r"\b(?:junior|graduate|trainee|entry-level|assistant|apprentice|intern|new grad)\b"
        r"[\w\s/&-]{0,25}?\b(?:role|post|position|spot|job|vacancy)\b"
        r"(?![\w\s]{0,12}\bquestion)",
    ),
    # the whole subject is a post's title: "Spring event coordinator role"
    (
        "post_title",
        r"^\W*(?:(?!(?:about|on|re|fwd?|your|my|the|in|of|for|into|question|questions|chat|"
        r"advice|learning|career|careers|curious|quick|informational)\b)[\w'&/-]+\s+){1,5}"
        r"(?:role|position|opening|vacancy|posting|job)\s*[.!]?\s*$",
    ),
    # a post named first, then the ask: "Summer analyst position - 20 minutes?"
    (
        "post_first",
        r"^\W*(?:(?!(?:about|on|re|your|my|in|of|for|into|question|questions|chat|advice|"
        r"learning|career|careers|curious|quick|informational)\b)[\w'&/-]+\s+){1,4}"
        r"(?:role|position|opening|vacancy|posting|internship)"
        r"(?:\s+(?:summer|fall|autumn|spring|winter)?\s*\d{4})?\s*[-\u2013\u2014:|]",
    ),
    # a dream post: "Dream job: joining the Met Office", "My dream role at Halvorsen"
    (
        "dream_post",
        r"(?:^\W*|\bmy\s+)dream (?:job|role|position|employer|company|firm|team|workplace)\b",
    ),
    # a requisition number: "Backend Engineer II (req 4471) - 20 minutes?"
    (
        "requisition",
        r"\b(?:req|requisition|job id|job no|job ref|vacancy ref|ref no)\.?\s*[#:]?\s*\d{3,}\b",
    ),
    # a posting as the subject's matter: "Regarding the Senior Biostatistician posting"
    (
        "posting_matter",
        r"^\W*(?:re:?|regarding|concerning|about|ref:?)\s+(?:the|your)\s+(?:[\w&/-]+\s+){0,4}"
        r"(?:posting|opening|vacancy|listing|advert|job ad)\b",
    ),
    # the sender offering to start: "happy to start unpaid", "available to work weekends"
    (
        "offer_to_start",
        r"\b(?:happy|willing|glad|keen|ready|available|free) to (?:start|work|help out|"
        r"volunteer)\b"
        r"|\b(?:available|free) (?:immediately|now|straight away|right away|"
        rf"from (?:\w+ )?\d|{FROM_MONTH}\b"
        r"(?![^.?!]{0,20}\b(?:call|chat|coffee|meeting|talk|zoom)\b)|"
        r"for (?:work|hire))\b"
        r"|\b(?:love|like|glad|happy|keen) to (?:assist|help|work with|work for|join) you\b",
    ),
    # "free to join your practice from February", "available for your R&D team from June",
    # "can coach JV wrestling for you next season"
    (
        "free_for_you",
        r"\b(?:free|available|ready|able) (?:to (?:join|start at|start with|"
        r"work (?:for|with|at)) your\b|for your (?:[\w&-]+ ){0,2}(?:team|practice|firm|"
        r"company|lab|studio|clinic|crew|department|unit|kitchen|shop|hospital|school|agency|"
        r"office|group)\b)"
        r"|\b(?:can|could) [\w\s-]{2,30}? for you (?:next|this) (?:season|year|summer|term|"
        r"spring|fall|autumn|winter)\b",
    ),
    # paid work asked for as a noun: "open to contract work", "- and freelance work?"
    (
        "paid_work",
        r"\b(?:open to|available for|seeking|looking for|after|and|any|or)\s+"
        r"(?:contract|freelance|paid|part-time|full-time|casual|seasonal|shift|locum|relief|"
        r"temp|temporary|weekend|summer)\s+(?:[\w-]+\s+)?(?:work|roles?|positions?|shifts|"
        r"cover|gigs?)\b"
        r"|\b(?:seeking|looking for|searching for|after)\b[^.?!]{0,30}?\b(?:paid|part-time|"
        r"full-time|freelance|summer|seasonal|casual|weekend|shift|relief|locum|agency)\s+"
        r"(?:[\w-]+\s+)?(?:work|shifts|cover)\b",
    ),
    # a post asked after: "Adjunct opening in math?", "Internship still available?"
    (
        "post_open",
        r"\b(?:internship|externship|apprenticeship|placement|job|position|vacancy|role)s?\b"
        r"[^.?!]{0,30}\b(?:opening|open|available)\s*\?"
        r"|\b(?:opening|openings|vacancy|vacancies|spots?)\b[^.?!]{0,30}\?",
    ),
    # a last part that asks about hiring: "HVAC controls - hiring?", "(and is your base
    # recruiting?)", "Analyst programme - referral?"
    (
        "hiring_asked",
        r"(?:^|[-\u2013\u2014:|(/,+&]|\band\b)\s*(?:any |still |are you |is (?:your|the) [\w-]+ "
        r"(?:[\w-]+ )?)?(?:hiring|recruiting|referrals?|openings?|vacanc(?:y|ies)|internships?)"
        r"\s*\?(?!\s*(?:no|nope|not|nah)\b)",
    ),
    # "Special ed conference - and is Lincoln Middle hiring for fall?"
    (
        "and_hiring",
        r"\band (?:is|are) (?:your\b[\w'& -]{0,25}?"
        r"|(?-i:[A-Z])[\w'&-]*(?: (?-i:[A-Z])[\w'&-]*){0,3})"
        r" (?:hiring|recruiting)\b[^.?!]{0,20}\?",
    ),
    # the whole subject is a post, or asks about hiring: "Internship?", "Hiring?"
    (
        "post_alone",
        r"^\W*(?:any |still |are you )?(?:hiring|internships?|externships?|apprenticeships?|"
        r"openings?|vacanc(?:y|ies)|jobs?|positions?|placements?|(?:apprentice|intern|help) "
        r"wanted)\s*\??\W*$",
    ),
    # a post added to the subject's real topic: "coffee? (and your associate opening)",
    # "Informational interview - and the audit associate posting"
    (
        "post_added",
        r"(?:\b(?:and|plus|also)|\+|&)\s+(?:(?:a|an|the|your|any)\s+)?"
        r"(?:(?!(?:about|on|of|in|re|for|into|like)\b)[\w'-]+\s+){0,3}?"
        r"(?:opening|vacancy|job|position|role|internship|apprenticeship|placement|spot|slot|"
        r"posting|listing|advert|"
        r"(?<!blog )(?<!linkedin )(?<!recent )(?<!latest )(?<!last )(?<!medium )post)s?\b"
        r"(?!\s+(?:of|in the (?:field|industry)))",
    ),
    # the sender as an applicant or a future hire: "Dispatcher applicant - quick question",
    # "Future driver for your fleet?", "Research assistant for your lab?"
    (
        "applicant",
        r"(?<!school )(?<!programme )(?<!program )(?<!phd )(?<!mba )(?<!pgce )(?<!course )"
        r"(?<!degree )(?<!masters )(?<!master's )(?<!university )(?<!college )(?<!residency )"
        r"(?<!fellowship )(?<!scholarship )(?<!training )(?<!former )(?<!past )(?<!previous )"
        r"(?<!unsuccessful )(?<!rejected )\b(?:applicant|job candidate)\b"
        r"|\b(?:future|next|new) [\w-]+ (?:for|on|at|in|with|of) your\b"
        r"|\bcandidate for your\b"
        r"|\b(?:assistant|intern|apprentice|trainee|helper|technician|associate|analyst|"
        r"volunteer|hand) (?:for|on|at|in|with) your [\w&-]+(?: [\w&-]+)?\s*\?",
    ),
    # "Could you use a hand?", "Could your crew use another welder?"
    (
        "could_use",
        r"\b(?:could|can) (?:you|your [\w-]+) use (?:a|an|another|someone|an extra|"
        r"one more)\b",
    ),
    # "Applied to your graduate scheme", "Hoping to join Acme"
    (
        "applied",
        r"\bappl(?:ied|ying) (?:to|for) your\b"
        r"|\b(?:love|like|hoping|hope|keen|eager) to join (?-i:[A-Z])"
        r"|\binterested in joining (?:your\b|(?-i:[A-Z]))"
        r"|^\W*join(?:ing)? your (?:[\w&-]+ )?(?:team|crew|firm|company|practice|lab|studio|group|"
        r"unit|staff|department)\b"
        r"|\bfuture (?:teammate|colleague|co-?worker|hire|employee|team member)\b"
        r"|\b(?:hoping for|seeking|looking for) a (?:chance|shot|start|foot in) (?:at|with) "
        r"(?:your\b|(?-i:[A-Z]))"
        r"|^\W*(?:is|are) (?-i:[A-Z])[\w&-]*(?: (?-i:[A-Z])[\w&-]*){0,3} (?:hiring|recruiting)\b"
        r"|\bstill open\?\W+[\w -]{0,30}\b(?:posting|role|job|position|vacancy|opening)"
        r"|\b(?:trainee|internship|apprenticeship|analyst|graduate scheme) application\b"
        r"|^\W*applying (?:to|for) the [\w' -]{0,30}?(?:residency|internship|position|"
        r"role|opening|fellowship|apprenticeship|traineeship|new[- ]grad program(?:me)?)\b"
        r"|\b(?:sa|ft|summer analyst|summer|intern)\s*'?(?:20)?\d{2}\s+(?:candidate|applicant)\b"
        r"|\binterested in your [\w ]{0,20}(?:analyst|associate|intern|trainee|graduate) "
        r"(?:class|program|programme|intake|cohort)\b"
        r"|^\W*(?:[\w-]+\s+){0,3}internships?\s+(?:for|in|at|this|next)\b[^.?!]{0,25}\?",
    ),
    # "could I work for you afterwards?", "Can I intern with you?"
    (
        "may_i_work",
        r"\b(?:could|can|may|might) i (?:work|intern|apprentice|start|volunteer|train) "
        r"(?:for|with|at|under) you(?:r)?\b",
    ),
    # a post of theirs named in the headline: "re: your credit research analyst opening",
    # "Summer law clerk - interested in your office", "Hoping to land a travel nurse contract"
    (
        "their_post",
        r"\byour\s+(?:[\w&'-]+\s+){0,4}?(?:opening|vacanc(?:y|ies)|job posting|job ad|requisition|"
        r"open (?:role|position))s?"
        r"(?=\s*(?:$|[-\u2013\u2014:|(),!?.;]|(?:on|in|at|for|with|and)\b))"
        r"|^\W*(?:[\w&'-]+\s+){1,4}[-\u2013\u2014:|]\s*interested in (?:your|joining your)\s+"
        r"(?:[\w&-]+\s+)?(?:office|team|firm|company|practice|unit|lab|department|group|clinic|"
        r"hospital|studio|agency)\s*\W*$"
        r"|\b(?:hoping|looking|trying|aiming|keen) to (?:land|get|find|secure)\s+"
        r"(?:a|an|my first)\s+"
        r"(?:[\w&'-]+\s+){0,3}?(?:job|role|position|post|contract|placement|internship|"
        r"residency)\b(?!\s+like\b)",
    ),
    # "Still interested - part-time role"
    (
        "still_interested",
        r"\bstill (?:interested|keen|eager|hoping)\b[^.?!]{0,40}?\b(?:roles?|positions?|jobs?|"
        r"openings?|vacanc(?:y|ies)|internships?|posts?|postings?)\b",
    ),
)
_SUBJECT_PITCH = re.compile(
    "|".join(f"(?P<{name}>{pattern})" for name, pattern in _SUBJECT_PARTS), re.IGNORECASE
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
    resume = bool(RESUME_WORD.search(subject))
    if resume and _ASKED_FOR.search(subject):
        return None  # "Thank you + CV as requested": they asked for it
    return ("resume_offered" if resume else "job_pitch", *headline.span())


_ASKED_FOR = re.compile(
    r"\b(?:as (?:requested|you asked|promised)|you asked for|per your request|at your request)\b",
    re.IGNORECASE,
)


_DENIED = re.compile(r"\b(?:not|no|never|nor|without)\b[^.?!,;]{0,12}$", re.IGNORECASE)
"""A denial just before a headline's job words ("Not a job request", "no CV attached")."""

_PASTED_SUBJECT = re.compile(r"\A\s*subject\s*:[ \t]*(?P<line>[^\n]*\S)", re.IGNORECASE)
"""A pasted email's own subject line, first in the text ("Subject: Internship?")."""


_STILL_OPEN = re.compile(
    r"\b(?:is|are) (?:that|it|this|they|those|these|the (?:role|position|posting|opening|job|"
    r"vacancy|internship|placement)) still (?:open|available|accepting|live|being filled)\b"
    r"|\b(?:has|have) (?:that|it|this|they) (?:already )?been filled\b",
    re.IGNORECASE,
)
_POST_NAMED = re.compile(
    r"\b(?:role|position|posting|opening|job|vacancy|vacancies|internship|placement|"
    r"apprenticeship|traineeship|req)s?\b",
    re.IGNORECASE,
)


def still_open(folded: str, scope: Scope) -> list[tuple[int, int]]:
    """Asks whether a post named just before is still open, as spans: "your practice posted
    a seasonal preparer role. Is that still open?" The post may be named in the sentence
    before, which a sentence-by-sentence reader cannot see."""
    out = []
    for match in _STILL_OPEN.finditer(folded):
        start, _ = scope.sentence(match.start())
        before, _ = scope.sentence(max(0, start - 2))
        if not _POST_NAMED.search(folded, before, match.start()):
            continue
        if scope.negated(match.start(), match.end()) or scope.reported(match.start()):
            continue
        out.append(match.span())
    return out


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
