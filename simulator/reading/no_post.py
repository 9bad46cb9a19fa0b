"""Sentences a model pitch rests on that name no post of theirs (issue 12, tenth round).

The intent model reads word weights, so "opportunities", "position" or "the chance to"
can carry a pitch where the sentence asks for no post: the field's opportunities as a
topic, the speaker's situation or the other person's own job, a chance to watch them
work, the learner's own edit of their papers, or hiring as a thing to learn about.
``pitches.sentence_pitch`` asks these two questions before it keeps a model pitch.
"""

from __future__ import annotations

import re

_FIELD_WIDE = re.compile(
    r"(?:\s+\w+){0,2}?\s+(?:in|across|within|throughout)\s+(?:the|this|that|my|your)?\s*"
    r"(?:field|industry|sector|profession|trade|area|world)\b|(?:\s+\w+){0,2}?\s+in general\b",
    re.IGNORECASE,
)
"""Words right after a pitch's strongest word that make it the whole field's ("roles in
the industry", "openings in general"), not a post with the person written to."""

_SITUATION = re.compile(
    r"\b(?:in|from) (?:my|your|his|her|their|our) (?:position|shoes|place|situation)$",
    re.IGNORECASE,
)
"""A "position" that is the speaker's situation, ending where the strongest word ends."""

_THEIR_OWN_POST = re.compile(
    r"\byour (?:own |current |first |old )?(?:job|role|position|post)$"
    r"|\b(?:leaving|left|leave|quitting|quit) your (?:\w+ )?(?:job|role|position|post)$",
    re.I,
)
"""Their own job, ending where the strongest word ends ("any part of your job you'd hand
off"): what they do, not a post asked for."""

_FIELD_TOPIC = re.compile(
    r"opportunit(?:y|ies) (?:in|for|across|within|around) (?!(?:your|you|ur|here|there|us)\b)"
    r"(?![^.?!]*\b(?:at|with|on|in|for) (?:your|you|ur)\b)",
    re.IGNORECASE,
)
"""Opportunities in a field, as a topic ("Opportunities in coastal bridge research", "your
post on opportunities in agtech"), starting at the strongest word; "opportunities in audit
at your firm" still asks them."""

_OWN_EDIT = re.compile(
    r"\b(?:updated|rewrote|rewritten|revised|reworked|redid|redone|tweaked|edited|polished|"
    r"trimmed|cut down|fixed|reformatted|started rewriting) my (?:resume|r\u00e9sum\u00e9|cv|"
    r"portfolio|linkedin|cover letter)\b(?![^.?!]*\b(?:attach|send|sent|share|look|review|"
    r"forward|glance|see|bring)\w*)",
    re.IGNORECASE,
)
"""The learner's own edit of their papers ("I updated my resume after reading your blog"):
something they did, not an offer of it."""
_HIRING_AS_TOPIC = re.compile(
    r"\b(?:hardest|toughest|trickiest|best|worst|biggest|most surprising) (?:part|thing|"
    r"challenge|mistake)s? (?:of|about|in|with|when) (?:hiring|recruiting|interviewing)\b"
    r"|\bhow do you (?:hire|recruit|decide who|choose who|pick who|screen|decide when|"
    r"decide whether|decide if|know when)\b"
    # hiring across the field: "are the regional airlines still hiring as they were?"
    r"|\b(?:the|most|many|other|big|small|regional|local) [\w -]{0,25}?(?:airlines|companies|firms|"
    r"hospitals|banks|agencies|employers|schools|labs|studios|practices|teams) (?:are|is) "
    r"(?:still )?(?:hiring|recruiting)\b"
    r"|\b(?:teams?|companies|firms|organi[sz]ations?|places|employers|groups|labs)\b[^.?!]{0,25}"
    r"\b(?:i should|should i|to) (?:look at|look into|consider|research|follow|read about)\b"
    r"|\bwork for myself\b|\bbe my own boss\b|\b(?:start|open|run) my own\b"
    # the call's own time, a post that had closed: "can we keep going for another five
    # minutes?", "thanks for taking the time even though the RA position had closed"
    r"|\bkeep going\b|\bneed to run\b|\banother (?:five|few|ten|\d+) minutes\b"
    r"|\b(?:had|has|have) (?:already )?(?:closed|been filled)\b"
    r"(?![^.?!]*\b(?:apply|still|consider))"
    # calls and messages tallied, a past wish, people like theirs: "I also called your office
    # twice", "I came here thinking I'd want a hospital job", "patients like yours"
    r"|\b(?:called|rang|phoned|emailed|messaged|texted) (?:you|your)\b[^.?!]{0,30}"
    r"\b(?:twice|again|times|last week|yesterday|messages?|voicemails?)\b"
    r"|\b(?:came (?:here|in) thinking|thought|used to think) i'?d want\b"
    r"|\b(?:patients|clients|customers|students|cases|kids|families|projects) like yours\b"
    # the field's growth, work of a kind, a favour returned, a piece for their newsletter
    r"|\b(?:your|the|this|my) (?:field|industry|sector|profession|trade|market) (?:is )?"
    r"(?:still )?growing\b|\bwork on (?:problems|projects|questions|issues|things|cases) like "
    r"(?:this|these|that|yours)\b"
    r"|\banything i can (?:do|send|share)\b[^.?!]{0,20}\b(?:for you|you|in return)\b"
    r"|\breturn the favou?r\b"
    # the field's fit, a school's programme, a resume described: "is my background a fit for
    # customer success?", "join the pre-apprenticeship program at school", "my resume is
    # basically a summer job"
    r"|\bfit for (?:this|the|that) (?:field|industry|profession|line of work|career|trade|work)\b"
    r"|\b(?:do you think|whether|wondering if)\b[^.?!]{0,20}\bmy background\b[^.?!]{0,30}"
    r"\b(?:a fit|fit for)\b(?![^.?!]*\b(?:your|you|here|team|it)\b)"
    r"|\bjoin (?:the |a )?[\w-]+ (?:program|programme|club|course|class) at (?:my |our )?school\b"
    r"|\bmy (?:resume|cv|r\u00e9sum\u00e9) is (?:basically|mostly|pretty|just|only|thin|short|"
    r"light)\b"
    r"|\bas you (?:\w+ )?(?:requested|asked)\b|\bi'?d been (?:treating|picturing|thinking|"
    r"imagining|assuming|seeing|reading)\b|\b(?:might|may|could) be (?:the|a) (?:right |good |"
    r"better |great )?fit for me\b|\b(?:offer|invitation|invite) (?:of|for) (?:a |that )?"
    r"(?:chat|call|coffee|meeting|conversation)\b"
    r"|\bcontribute to your (?:newsletter|blog|podcast|panel|event|journal|magazine|column|"
    r"series|zine|anthology)\b|\byou'?d be (?:a|an) (?:real |great |huge )?asset\b"
    # their own past choices, helping at an event, going back to work in general, what a
    # new hire should know: "was there an opportunity you turned down?", "help out at your
    # farm's spring workday", "I'm ready to go back to work"
    r"|\b(?:opportunit\w+|offers?|jobs?|roles?|positions?) (?:that )?you (?:turned down|passed on|"
    r"declined|took|regret|said no to|walked away from)\b"
    r"|\bhelp(?:ing)? (?:out )?(?:at|with) your [\w' ]{0,24}?(?:workday|work day|volunteer day|"
    r"open day|event|fair|festival|clean-?up|fundraiser|gala|race|drive)\b"
    r"|\bready to (?:go back|get back|return) to work\b(?![^.?!]*\b(?:your|you|here)\b)"
    r"|\bwhat (?:would|do|should) you (?:want|expect|need) (?:a|your) new (?:hire|starter|grad|"
    r"nurse|teacher|analyst|engineer|associate)s?\b"
    # places to learn about, not to join: "I'd love to learn more about teams like yours"
    r"|\blearn(?:ing)? (?:more )?about (?:teams|places|companies|firms|labs|groups|practices|"
    r"units|shops|studios|organi[sz]ations) like (?:yours|this one)\b"
    # a business growing, not a post: "your group is opening two more locations"
    r"|\bopening (?:up )?(?:two|three|four|five|several|a few|more|new|another|a new|a second|"
    r"a third|\d+)(?: \w+)? (?:locations?|stores?|sites?|branches|branch|clinics?|restaurants?|"
    r"offices?|shops?|cafes?|studios?|outlets?|hotels?|practices|labs?)\b",
    re.IGNORECASE,
)
"""Sentences that ask for no post though they name hiring or a post: hiring as a topic
("What's the hardest part of hiring for your team?"), hiring across the field, places to
research ("Is there a team I should look at?"), working for oneself, the call's own time, a
post that had closed, calls already made, a wish one used to have, people like theirs,
places like theirs to learn about."""
_SHADOW_ASK = re.compile(
    r"\b(?:chance|opportunity|able|allowed|possible|could i|can i|may i|to)\b[^.?!]{0,25}?"
    r"\b(?:shadow|observe|sit in on|tag along|follow you)\b"
    r"|\b(?:take|do|allow|offer|host)\w* ride[- ]?alongs?\b",
    re.IGNORECASE,
)
"""An ask to watch them work ("the chance to shadow on your unit"): a big ask, not a post."""
_POST_NOUN = re.compile(
    r"\b(?:roles?|jobs?|positions?|openings?|vacanc\w*|hir\w*|internships?|placements?|"
    r"posts?|appl\w*|recruit\w*|resume|cv|work for|work at|join|joining|paid|helper|wages?|"
    r"tryout|try-out|trial)\b",
    re.IGNORECASE,
)
"""Words that make a sentence about a post after all ("...and maybe help out as a paid
helper"): with them, a shadowing ask or a question about routes in is still read."""


_GENERAL_ROUTE = re.compile(
    r"\b(?:do|did|would|does) (?:you|one|people|someone) need (?:a|an|the|to have)\b"
    r"|\bhire (?:from|people from|people with)\b|\bother (?:routes|backgrounds|paths|ways in)\b"
    r"|\bopportunity to (?:learn|hear|talk|speak|chat|ask)\b"
    r"|\b(?:whether|if|do) i need (?:a|an|the|to have)\b"
    r"|\bwhat(?: \w+){0,2} (?:could|should|can|would|does|do) (?:someone|somebody|a person|"
    r"people|one|a new grad|a student)\b|\b(?:a|the) (?:role|job|position|career) like yours\b"
    # their own path: "can you tell me how you got the role you're in now?"
    r"|\bhow (?:did )?you (?:got|get|landed|land|found|find|ended up in) (?:the|your|this) "
    r"(?:role|job|position|post)\b"
    # someone to learn from: "could you introduce me to anyone who made the same move?"
    r"|\b(?:introduce|connect|put) me (?:in touch )?(?:to|with) (?:anyone|someone|somebody|"
    r"people|others|a few people|one or two|colleagues?)\b",
    re.IGNORECASE,
)
"""A question about the routes into the work in general ("Did you need a PharmD, or do MSL
teams hire from other backgrounds too?", "What skills would someone need to do a role like
yours?"), a chance to learn from them, or someone else to learn from ("introduce me to
anyone who's made the move?")."""
_ABOUT_ME = re.compile(r"\b(?:me|my|i'?d|i would|i could|myself)\b", re.IGNORECASE)


def asks_no_post(sentence: str) -> bool:
    """Whether the sentence asks for something other than a post: to watch them work ("the
    chance to shadow on your unit"), about hiring as a topic, or it tells of the learner's
    own edit of their papers ("I updated my resume after reading your blog")."""
    shadow = _SHADOW_ASK.search(sentence) and not _POST_NOUN.search(sentence)
    route = _GENERAL_ROUTE.search(sentence) and not (
        _ABOUT_ME.search(sentence) and _POST_NOUN.search(sentence)
    )
    return bool(shadow or route or _OWN_EDIT.search(sentence) or _HIRING_AS_TOPIC.search(sentence))


def no_post_of_theirs(sentence: str, anchor: tuple[int, int]) -> bool:
    """Whether the word a pitch rests on names no post of theirs: the field's ("career
    opportunities in the field", "opportunities in agtech"), a situation ("someone in my
    position") or their own job ("any part of your job you'd hand off")."""
    start, end = anchor
    return bool(
        _FIELD_WIDE.match(sentence, end)
        or _FIELD_TOPIC.match(sentence, start)
        or _SITUATION.search(sentence, 0, end)
        or _THEIR_OWN_POST.search(sentence, 0, end)
    )


_REFERENCE_ASKED = re.compile(
    r"\b(?:letters?|recommendations?|references?|referees?|recommend me|vouch for me)\b", re.I
)
_SCHOOL_APPLICATION = re.compile(
    r"\b(?:(?:grad(?:uate)?|medical|med|law|nursing|dental|pharmacy|vet|veterinary|business|"
    r"film|art|design|culinary|architecture|journalism|divinity|pa|pt|ot) school|college|"
    r"university|universities|master'?s|mba|ph\.?\s?d|doctoral|doctorate|dnp|msn|bsn|msc?|mph|"
    r"mfa|llm|jd|mlis|mls|msw|macc|mpp|mpa|edd|psyd|pharmd|ma|med|dpt|crna|dnp|np|pa-c|mpas|"
    r"drph|dvm|dds|dmd|aud|mat|mdiv|b\.?\s?arch|m\.\s?arch|(?:graduate )?certificate|"
    r"degree|bachelor'?s|admissions?|undergrad\w*|"
    r"(?:graduate|degree|bridge|masters?|doctoral|phd|academic|accelerated|certificate|"
    r"counseling|counselling|nursing|np|pa|dpt|mpa|mph|teaching credential|ot|pt|slp|lpn|rn|"
    r"dental|pharmacy) programs?|"
    r"programmes?)\b",
    re.I,
)
_APPLYING = re.compile(
    r"\b(?:appl(?:y|ying|ied|ication|ications)|admission)\b|\bfor (?:my|the|a|an|their)\b", re.I
)
JOB_NAMED = re.compile(
    r"\b(?:jobs?|positions?|posts?|roles?|residenc(?:y|ies)|internships?|openings?|vacanc\w+|"
    r"hiring|hired|employment|apprenticeships?|traineeships?|fellowship position|"
    r"new[- ]grad|summer analyst|analyst class|rotation program)\b",
    re.I,
)


_NAMED_APPLICATION = re.compile(
    r"\b(?!(?:my|the|these|those|your|for|an|a|his|her|their|our)\b)\w+ applications?\b", re.I
)
"""An application the sentence names itself ("my seasonal ranger application"): then the
sentence alone says whether it is for a school."""


_HEADED_FOR = re.compile(
    r"\b(?:appl(?:y|ying|ied|ication|ications)|thinking about|considering|going back to|"
    r"heading to|headed to|starting)\b",
    re.I,
)
"""Where the rest of the message says the learner is bound for a school ("I'm applying to
PhD programs", "thinking about CRNA school"): the school is looked for right after."""


def school_reference(sentence: str, around: str = "") -> bool:
    """A reference or a letter asked for an application to a school or a degree ("would
    you write me a letter for my master's program application?"): not a job pitch. One for
    a job, a residency or an internship still is. ``around`` is the rest of the message,
    where the school may be named ("I'm applying to CRNA programs. Would you write me a
    recommendation?"); then no job may be named anywhere in it."""
    if not _REFERENCE_ASKED.search(sentence) or JOB_NAMED.search(sentence):
        return False
    if _SCHOOL_APPLICATION.search(sentence) and _APPLYING.search(sentence):
        return True
    if not around or _NAMED_APPLICATION.search(sentence) or JOB_NAMED.search(around):
        return False
    return any(
        _SCHOOL_APPLICATION.search(around, m.end(), m.end() + 60)
        for m in _HEADED_FOR.finditer(around)
    )


OPENINGS = ("opening", "hiring", "vacanc", "posting", "position", "intern", "role open")
"""Word parts that name a post or hiring."""
_JOIN_EVENT = re.compile(
    r"\b(?:join|joining|sit in on|tag along (?:on|to|for)|come along (?:on|to))\s+"
    r"(?:you\s+(?:on|at|for|in)\s+)?"
    r"(?:your|the|a|an|one of your|their)?\s*(?:[\w'-]+\s+){0,3}?"
    r"(?:visits?|tours?|calls?|meetings?|sessions?|webinars?|seminars?|rounds|walk-?throughs?|huddles?|stand-?ups?|workshops?|"
    r"lectures?|classes|open (?:day|house)|events?|talks?|panels?|demos?|inspections?)\b",
    re.IGNORECASE,
)
"""Joining an event, not a team ("could I join your next site visit to see the approvals
process?"): a thing to watch, not a post."""
_NEWCOMER = re.compile(
    r"\b(?:a|an|any|the|most|your|new|typical)\s+(?:new\s+|typical\s+|first-year\s+|junior\s+)?"
    r"(?:hires?|grads?|graduates?|starters?|joiners?|recruits?|employees?|someone|person|people)\b"
    r"[^?]*\?",
    re.IGNORECASE,
)
_TAKES_ON = re.compile(
    r"\b(?:take|takes|taking|took|accept\w*|bring\w* on|onboard\w*|recruit\w*|sponsor\w*|"
    r"consider\w*|(?<!a )(?<!new )hir(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i'd|i've|i'll|me|my|mine|myself)\b", re.IGNORECASE)
"""A question about newcomers in general ("What would a new hire in your department be
expected to know on day one?"): it asks what the work demands, not for a place, when the
learner is not in it and no post or hiring is named."""
_THEY_LOOK_FOR = re.compile(
    r"\bwhat (?:do|does|did|would|will) (?:the |a |your |most |their )?(?:hiring managers?|"
    r"recruiters?|employers?|firms?|banks?|interviewers?|screeners?|they|you)\s+(?:\w+\s+)?"
    r"(?:look (?:at|for)|want|value|care about|screen for|notice)\b",
    re.IGNORECASE,
)
"""What hiring people look for, asked about ("What does the hiring manager actually look at
first on an analyst CV, in your experience?"): how hiring works, unless about the learner."""
_NOT_A_RESUME = re.compile(
    r"\battach(?:ed|ing)?\s+(?:the|a|an|my|our)?\s*(?:[\w-]+\s+){0,2}?(?:forms?|agenda|questions|"
    r"list|article|paper|slides|deck|invite|invitation|log|sheet|timesheet|waiver|consent|"
    r"schedule|itinerary|minutes|notes)\b"
    r"|\b(?:forms?|agenda|log|sheet|timesheet|waiver)\s+(?:is|are)\s+attached\b",
    re.IGNORECASE,
)
"""A form attached for their signature, or an agenda: no resume ("I've attached the hours
form for your signature")."""
RESUME_WORD = re.compile(r"\b(?:resume|r\u00e9sum\u00e9|cv|portfolio)\b", re.IGNORECASE)
"""A resume named: the reader, the subject line and the tests here share it."""
_WORK_SHOWN = re.compile(r"\b(?:reel|clips|samples?)\b", re.IGNORECASE)
_TAKING_ON_WORK = re.compile(
    r"\b(?:taking|take|takes|took|bringing|bring|brings) on (?:more |any |new |extra |additional )?"
    r"(?:[\w-]+ )?(?:work|projects?|clients?|cases?|contracts?|accounts?|patients?|customers?|"
    r"responsibilit\w+|tasks?|assignments?|business|volume|risk)\b",
    re.IGNORECASE,
)
"""Work taken on, not people ("Is your team taking on more quality work now?")."""
_EVENT_SIT_IN = re.compile(
    r"\b(?:talks?|events?|sessions?|seminars?|webinars?|lectures?|panels?|meetings?)\b[^.?!]{0,50}"
    r"\b(?:sit in on|attend|come along|join|come to)\b",
    re.IGNORECASE,
)


_SCHOOL_HOURS = re.compile(
    r"\b(?:clinical rotations?|rotations? for (?:my|our)|(?:my|our) (?:next |upcoming |final |"
    r"current |last )?(?:placement|rotation|practicum|clinicals|preceptorship)s?(?: block)?|"
    r"placement block|ride-?outs?|ride-?along hours|observation hours|observer shifts?|"
    r"shadowing hours|"
    r"(?:university|school|program|programme|course) (?:needs|requires|wants) me)\b",
    re.IGNORECASE,
)
"""Time a school sends or requires ("my university needs me to complete ride-out hours",
"takes NP students for clinical rotations", "on your delivery suite for my next placement
block"): not a post asked for, like shadowing hours."""
_WANTS_IN = re.compile(
    r"\b(?:fit|asset|hire|hired|join\w*|candidate|strong|eventually|after i graduate|"
    r"afterwards|work(?:ing)? (?:here|there|for you|with you|at your|on your|in your))\b",
    re.IGNORECASE,
)
_NOT_A_JOB_POST = re.compile(
    r"\b(?:guest|blog) (?:posts?|articles?|pieces?)\b|\bposts? (?:for|on) (?:your|the) (?:blog|"
    r"newsletter|site|page|podcast)\b",
    re.IGNORECASE,
)
_WHERE_LISTED = re.compile(
    r"\b(?:which|what|where)\b[^?]{0,40}\b(?:job boards?|boards|websites?|sites|listservs?|"
    r"mailing lists|societies)\b[^?]{0,30}\b(?:list|post|advertise|carry)\w*",
    re.IGNORECASE,
)
"""Where a field's posts are listed, asked about ("Which job boards or societies list
postdoc positions in ecology?"): how to search, not a post of theirs."""
_CLOSED = re.compile(
    r"\b(?:posting|opening|role|position|vacancy|job)\b[^.?!]{0,40}\b(?:closed|was filled|has been "
    r"filled|got filled|is filled)\b",
    re.IGNORECASE,
)
"""A post that has closed ("the Operations Manager posting at your company closed last week"):
nothing left to ask for."""
_SOMEONE_IF = re.compile(
    r"\bif (?:someone|somebody|a candidate|an applicant|a person|a new grad|a student|"
    r"a graduate)\b",
    re.IGNORECASE,
)
"""Someone else's application supposed ("If someone applied for a role on your team, what
would a strong resume show?"): how hiring works, asked in the third person."""
_CV_STATE = re.compile(
    r"\bmy (?:cv|resume|r\u00e9sum\u00e9) (?:is|was|looks) (?:\w+ )?(?:a mess|a disaster|terrible|"
    r"awful|out of date|outdated|rough|embarrassing|not ready|a work in progress|thin|weak)\b",
    re.IGNORECASE,
)
"""The learner's CV described, not offered ("My CV is a mess honestly, but that's a problem
for next year")."""


def no_post_asked(sentence: str, names_a_post: bool) -> bool:
    """Whether a sentence the model reads as a pitch asks for no post of theirs.

    - It says so (``asks_no_post``), asks a reference for a school, names time a school
      sends or requires, a guest blog post, a CV described, or a post that has closed.
    - It joins an event to watch ("could I join your next site visit?"), when the word the
      pitch rests on is no post (``names_a_post``).
    - It attaches a form rather than a resume.
    - Without the learner in it, it asks how hiring works in the third person: where posts
      are listed, someone else's application supposed, what hiring people look for, work
      taken on, or newcomers in general ("What would a new hire need to know on day one?").
    """
    if asks_no_post(sentence) or school_reference(sentence):
        return True
    if (
        _SCHOOL_HOURS.search(sentence)
        and not JOB_NAMED.search(sentence)
        and not _WANTS_IN.search(sentence)
    ):
        return True
    if _NOT_A_JOB_POST.search(sentence) or _CV_STATE.search(sentence) or _CLOSED.search(sentence):
        return True
    if (_JOIN_EVENT.search(sentence) or _EVENT_SIT_IN.search(sentence)) and not names_a_post:
        return True
    if (
        _NOT_A_RESUME.search(sentence)
        and not RESUME_WORD.search(sentence)
        and not _WORK_SHOWN.search(sentence)
    ):
        return True
    if _FIRST_PERSON.search(sentence):
        return False
    return bool(
        _WHERE_LISTED.search(sentence)
        or _SOMEONE_IF.search(sentence)
        or _THEY_LOOK_FOR.search(sentence)
        or _TAKING_ON_WORK.search(sentence)
        or (
            _NEWCOMER.search(sentence)
            and not _TAKES_ON.search(sentence)
            and not any(word in sentence.lower() for word in OPENINGS)
        )
    )
