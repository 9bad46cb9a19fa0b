"""Lexicon pitches that their context rules out, whatever their words (issue 12).

A phrase can match and still ask nothing of the person written to: someone else's hunt
("my own company is hiring like crazy", "my brother applied for a job at the council"), a
referral that already happened ("the study group you referred me to"), a reference for a
school application ("would you write me a letter for my master's application?"), or a
resume someone already looked at ("you reviewed my resume in the workshop"). The reader
asks ``context_veto`` before it keeps a lexicon pitch; the words it rules out are handed
on as rejected, so the intent model cannot read them back in.
"""

from __future__ import annotations

import re

from simulator.reading.no_post import JOB_NAMED as _JOB_NAMED
from simulator.reading.no_post import school_reference
from simulator.reading.scope import Scope

_OWN_SIDE = re.compile(
    r"\b(?:my|our)(?: own)?(?: (?!dream\b|ideal\b|target\b|future\b)\w+)? "
    r"(?:company|team|employer|firm|department|org|organi[sz]ation|startup|shop|hospital|school|agency|lab|store|restaurant|plant|manager|"
    r"boss|practice|clinic|studio|band|label|nonprofit|non-profit|charity|business|office|"
    r"branch)\b"
    r"|\bmy (?:friend|sister|brother|partner|dad|mom|"
    r"mother|father|cousin|wife|husband)'s\b|\bwe(?:'re| are)\b"
    r"|\bi(?:'ll| will|'m| am) (?:be )?(?:hiring|recruiting|taking on)\b"
    # ...but a student "recruiting for SA 2027" is hunting, not hiring
    r"(?! (?:for|this|in) (?:[\w&]+ ){0,3}(?:ib|investment banking|banking|consulting|sa|summer|ft|"
    r"full[- ]time|internships|s&t|sales and trading|private equity|pe|fall|spring|cycle|"
    r"season|analyst|associate|roles|positions|jobs|equity research)\b)"
    # someone else's hunt told as a story: "my brother applied for a job at the council"
    r"|\bmy (?:brother|sister|friend|cousin|partner|husband|wife|son|daughter|mum|mom|dad|"
    r"nephew|niece|classmate|colleague|flatmate|roommate)\b(?: \w+)? (?:applied|is applying|"
    r"has applied|was hired|got hired|got a job|is looking|was looking|was (?:just )?rejected|"
    r"got (?:just )?rejected|interviewed|did (?:a|his|her|their) superday)\b",
    re.IGNORECASE,
)
_OWN_SIDE_IDS = ("asks_about_openings", "job_pitch", "referral_for_role")
_MANY_APPLICATIONS = re.compile(
    r"\bappl(?:y|ying|ied)\s+(?:to|for)\s+(?:a lot of|lots of|so many|many|dozens of|hundreds of|"
    r"a bunch of|a few|several|some|other|different|a handful of|\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty)\b"
    r"(?![^.?!]*\b(?:your|yours|here|including)\b)",
    re.IGNORECASE,
)
"""Applications counted, elsewhere ("I've been applying to a lot of roles lately", "I applied
to a few federal postings"): the learner's hunt as a story, not a post of theirs asked for
("..., including the one on your team" still is)."""
_APPLIED_AROUND = re.compile(
    r"\bappl(?:y|ying|ied)\b[^.?!]{0,60}\b(?:at|to|with) (?:a few|several|many|lots of|a lot of|"
    r"a bunch of|some|two|three|four|five|six|\d+) (?:[\w-]+ )?(?:practices|firms|companies|places|"
    r"hospitals|studios|agencies|banks|schools|offices|organi[sz]ations|labs|shops|teams)\b",
    re.IGNORECASE,
)
"""Applications made around the field ("I applied for a Part 1 year out at a few practices
and none felt right"): the learner's hunt as a story."""
_DONE_REFERRAL = re.compile(
    r"\breferred me\b|\boffer(?:ed|ing) to refer me to (?-i:[A-Z])", re.IGNORECASE
)
"""A referral that already happened ("a colleague referred me to your post", "the study
group you referred me to"): it asks for nothing. (Asking is "refer me", "be referred".)"""
_DONE_REVIEW = re.compile(
    r"\b(?:you|she|he|they|someone|[a-z]+ (?:tutor|adviser|advisor|coach|teacher))\s+"
    r"(?:kindly |already |once )?(?:reviewed|looked (?:at|over)|read|went over|critiqued|"
    r"edited|checked|helped with)\b",
    re.IGNORECASE,
)
"""Someone who already looked at the learner's resume ("you reviewed my resume in the
workshop"): a thing that happened, not an offer of it."""


_TURNED_DOWN = re.compile(
    r"\b(?:wasn't|was not|weren't|didn't get|did not get|never got)\s+(?:selected|chosen|picked|"
    r"shortlisted|through|in|it|the (?:job|role|post|position|offer)|an? (?:interview|offer))\b"
    r"|\b(?:was|got|were) (?:rejected|turned down|declined|unsuccessful)\b|\bdidn't make it\b"
    r"|\bdid not make it\b|\bno luck\b|\bdidn't work out\b|\bdid not work out\b",
    re.IGNORECASE,
)
_TRY_AGAIN = re.compile(
    r"\b(?:another (?:chance|shot|try|go)|again|re-?apply\w*|next (?:cycle|round|intake|time)|"
    r"this (?:cycle|round|year|time)|still (?:\w+ )?(?:interested|keen|open)|reconsider\w*)\b",
    re.IGNORECASE,
)
"""A past application told with its ending ("I applied for the associate post last spring and
wasn't selected, which was fair"): a story of what the learner learned, unless it asks to
be tried again ("...and I'd really like another chance this cycle")."""


_SCHOOL_WORDS = (
    r"university|college|(?:grad|graduate|law|med|medical|nursing) school|degree|msc|mba|"
    r"master'?s|undergraduate|admissions?"
)
"""Words naming a school, shared by a school applied to and a school's reference."""


_DONE_THERE = re.compile(
    r"(?:interned|volunteered|shadowed|externed|temped|rotated|did (?:my|a) (?:placement|"
    r"rotation|internship|externship))\b",
    re.IGNORECASE,
)
_DONE_BEFORE = re.compile(
    r"\b(?:finished|completed|did|done|come off|came off|just had|after)\s+(?:a|an|my|the)?\s*"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_TIME_THERE = re.compile(
    r"(?:placement|rotation|internship|externship|practicum|clinicals|shift|residency)", re.I
)
_WAS_THERE = re.compile(r"\b(?:was|were|been|used to be) (?:an?|the|your) $", re.IGNORECASE)
"""A post held there before ("I was an intern at your agency in 2016")."""
_SCHOOL_NAMED = re.compile(rf"\b(?:{_SCHOOL_WORDS}|mph|phd|dpt|doctoral)\b", re.IGNORECASE)
"""A school named: a reference for its programme is no job pitch ("a reference for my
application to the MPH program")."""
_NEWS_SEEN = re.compile(r"\b(?:saw|seen|noticed|spotted|heard|read)\b", re.IGNORECASE)
_NOT_APPLYING = re.compile(
    r"\b(?:i'?m|i am) not (?:applying|asking for (?:a|any) (?:job|position|role))\b"
    r"|\bi didn'?t apply\b|\bi did not apply\b",
    re.IGNORECASE,
)
"""Their hiring seen, and the next words say the learner is not applying ("I saw you're
hiring for a junior copywriter. I'm not applying (I'm happy where I am)")."""
_IF_BEFORE = re.compile(r"\b(?:if|were|suppose|say)\s+(?:i\s+)?$", re.IGNORECASE)
_COME_BACK = re.compile(r"\b(?:come back|return|rejoin|go back|back there|back with you)\b", re.I)
"""Time already spent at their place ("I interned at your pharmacy last summer through the
school program"): a shared past, not a post asked for, unless it asks to come back."""


_NOT_MY_FIT = re.compile(
    r"\b(?:poor|bad|terrible|awful|worse|not a|no|not the right|wrong) fit\b"
    r"|\b(?:not sure|unsure|whether|wondering if)\b[^.?!]{0,40}\bfit for me\b"
    r"|\bbetter fit\b(?! (?:for|at|on|with|in) (?:your|you|ur|the team)\b)",
    re.IGNORECASE,
)
"""A fit that is not sold ("I'd be a poor fit for big-firm life", "whether management would
be a better fit", "not sure it would be a fit for me")."""
_TO_SCHOOL = re.compile(
    r"\s*(?:(?:to|for)\s+)?(?:your |the |an? |my )?(?:[\w.'-]+\s+){0,3}?"
    rf"(?:{_SCHOOL_WORDS}|(?:dental|pharmacy) school|ms|ma|b\.?\s?arch|bachelor'?s|drph)\b",
    re.IGNORECASE,
)
"""An application to a school ("I applied to your university's B.Arch program", "I've
applied to the MS in Construction Management"): no post of theirs."""


_HOW_HIRING_WORKS = re.compile(
    r"\bhiring process\b[^.?!]*\b(?:works?|looks?|like|in general)\b"
    r"|\bhow (?:does )?hiring works?\b"
    r"|\bhow (?:[\w-]+ ){0,3}?(?:hire|hires|recruit|recruits)\b(?! (?:me|him|her)\b)",
    re.IGNORECASE,
)
"""How hiring works, asked about ("how the team's hiring process works in general"): a topic,
not a post asked for."""


_IN_GENERAL = re.compile(r"\b(?:usually|generally|in general|typically)\b", re.IGNORECASE)
_TO_THEM = re.compile(r"\b(?:you|your|yours|ur|here)\b", re.IGNORECASE)
"""Hiring asked about across the field ("How do contractors usually hire apprentices?",
"when positions open in archives... Asking generally"): no post of theirs."""
_SHADOWING = re.compile(r"\b(?:shadow\w*|observation hours|observe)\b", re.IGNORECASE)
"""Students taken on to watch ("shadowing hours required by pre-vet programs"): not a post."""


_VETOED = frozenset((*_OWN_SIDE_IDS, "bypass_application", "asks_about_openings", "resume_offered"))
"""The signals some rule here can veto."""


def _no_post_here(
    signal_id: str, folded: str, clause: int, start: int, end: int, sentence: str, stop: int
) -> bool:
    """For a job pitch or an openings ask at ``start:end``: how hiring works asked about,
    shadowing, time already spent there, a school reference, or their hiring seen by someone
    not applying (``stop`` is where the sentence ends)."""
    if _HOW_HIRING_WORKS.search(sentence) or (
        _IN_GENERAL.search(sentence) and not _TO_THEM.search(sentence)
    ):
        return True
    if signal_id == "asks_about_openings" and _SHADOWING.search(sentence):
        return not _JOB_NAMED.search(sentence)
    if _TIME_THERE.match(folded, start) and _DONE_BEFORE.search(
        folded, max(clause, start - 40), start
    ):
        return not _COME_BACK.search(sentence)  # "I've just finished a placement on your ward"
    if (
        _WAS_THERE.search(folded, max(clause, start - 20), start)
        or (
            "reference" in folded[start:end].lower()
            and _SCHOOL_NAMED.search(sentence)
            and not _JOB_NAMED.search(sentence)
        )
        or (
            _NEWS_SEEN.search(folded, max(clause, start - 3), end)
            and _NOT_APPLYING.search(folded, start, stop + 120)
        )
    ):
        return True
    if _DONE_THERE.match(folded, start) and not _IF_BEFORE.search(
        folded, max(clause, start - 12), start
    ):
        return not _TRY_AGAIN.search(sentence) and not _COME_BACK.search(sentence)
    return False


def context_veto(signal_id: str, folded: str, scope: Scope, start: int, end: int) -> bool:
    """Whether the lexicon match ``signal_id`` at ``start:end`` of the folded text is ruled
    out by its context (see the module docstring)."""
    if signal_id not in _VETOED:
        return False  # called for every lexicon match: most signals have no veto here
    clause = scope.clause_start(start)
    if signal_id in _OWN_SIDE_IDS and _OWN_SIDE.search(folded, clause, end):
        return True
    if signal_id in ("job_pitch", "bypass_application") and (
        _MANY_APPLICATIONS.search(folded, clause, end + 40)
        or _APPLIED_AROUND.search(folded, start, end + 80)
        or ("appl" in folded[start:end].lower() and _TO_SCHOOL.match(folded, end))
    ):
        return True
    if signal_id == "job_pitch" and _NOT_MY_FIT.search(folded, clause, end + 30):
        return True
    sentence_start, sentence_end = scope.sentence(start)
    sentence = folded[sentence_start:sentence_end]
    if (
        signal_id in ("job_pitch", "bypass_application")
        and "applied" in sentence.lower()
        and _TURNED_DOWN.search(sentence)
        and not _TRY_AGAIN.search(folded, sentence_start, sentence_end + 160)
    ):
        return True
    if signal_id in ("asks_about_openings", "job_pitch"):
        return _no_post_here(signal_id, folded, clause, start, end, sentence, sentence_end)
    if signal_id == "referral_for_role":
        return bool(
            _DONE_REFERRAL.search(folded, clause, end + 24) or school_reference(sentence, folded)
        )
    return signal_id == "resume_offered" and bool(_DONE_REVIEW.search(folded, clause, end))
