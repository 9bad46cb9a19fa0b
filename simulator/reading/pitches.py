"""The intent model's pitches, without a UI: whether a sentence pitches, which kind, and
every kind of pitch a sentence or a message carries.

A pitch needs the union intent and its likeliest kind to agree; it must rest on a word
that means something; a question about what the learner should do in general, or about
the learner's own side hiring, is no pitch. Each kind of pitch present is its own finding
(a CV beside a job ask is two): a kind the lexicon did not find in a sentence is quoted by
its own clause, and a kind spread over the rest of a message is placed at the sentence
weighing most for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from simulator.reading.english import FUNCTION_WORDS
from simulator.reading.intents import PITCH, Intent, IntentModel
from simulator.reading.no_post import OPENINGS as _OPENINGS
from simulator.reading.no_post import no_post_asked, no_post_of_theirs

PITCH_SIGNAL = {
    "pitch_job": "job_pitch",
    "pitch_self_promo": "job_pitch",
    "pitch_referral": "referral_for_role",
    "pitch_resume": "resume_offered",
    "pitch_chase": "bypass_application",
}
SUBS = frozenset(PITCH_SIGNAL)
PITCH_IDS = (
    "job_pitch",
    "asks_about_openings",
    "bypass_application",
    "resume_attached",
    "resume_offered",
    "referral_for_role",
)
"""Every built-in signal that is a pitch (the lexicon's and the model's)."""
_OWN_HIRING = re.compile(
    r"\b(?:we(?:'re| are)|(?:my|our)(?: own)? \w+(?: \w+)? (?:is|are)|i(?:'m| am)(?: the one)?)"
    r"(?: also| now| currently| actively)? (?:hiring|recruiting|interviewing)\b"
    r"|\bhiring (?:committee|panel)\b"
    # someone on the learner's side moving them on: "my boss offered to put me forward"
    r"|\b(?:my|our) (?:boss|manager|line manager|supervisor|employer|team lead|director|head)\b"
    r"[^.?!]{0,30}\b(?:put me forward|offered|nominat\w*|promot\w*|second(?:ed|ing) me|move me)",
    re.IGNORECASE,
)
"""The learner's own side hiring ("we're hiring coordinators at my organisation", "I'm the
one hiring now"): a model pitch in that sentence reads the learner's job, not a request."""

_NOT_THEIRS = re.compile(
    r"\bnot (?:necessarily |specifically |just )?(?:here|there|with you|at your|on your|your|"
    r"this (?:team|firm|company|place))\b"
    r"|\bwhichever (?:firm|company|team|employer|hospital|agency|school|lab|practice|studio)\b"
    r"|\bwherever (?:that|it|i) (?:ends? up|lands?)\b"
    r"|\b(?:contribut\w* to|(?:be |become |a )?part of) (?:this|the|that|my) (?:field|industry|"
    r"profession|sector|area|work|trade)\b"
    r"|\bjoin\w* (?:a |the )?(?:professional (?:body|association|society|network)|union|"
    r"association|society)\b|\bprofessional (?:body|association|society)\b[^.?!]{0,25}\bjoin"
    # time that opens up, their past hiring: "if 15 minutes after a shift ever opens up",
    # "when you were hiring for your last junior position"
    r"|\b(?:minutes?|time|slot|window)\b[^.?!]{0,25}\bopens? up\b"
    r"|\byou (?:were|last) hiring\b|\byou (?:last )?hired\b"
    # someone in general, or things to read: "if someone wanted to work somewhere like your
    # firm eventually...", "in case you think of a book to send my way"
    r"|\bif (?:someone|somebody|a person|one) (?:wanted|wants|were|was)\b"
    r"|\b(?:book|article|resource|podcast|course|reading)s?\b[^.?!]{0,20}\b(?:send|pass|point)"
    r" (?:it |them )?my way\b"
    r"|\bjoin(?:ing)? (?:your|the|this) (?:profession|field|industry|trade|sector|line of work)\b"
    # someone else's hunt: "my nephew is looking for a job", "my daughter hopes to join"
    r"|\bmy (?:nephew|niece|son|daughter|brother|sister|cousin|friend|partner|husband|wife|kid|"
    r"child|mum|mom|dad|father|mother)\b(?:,? [A-Z]\w+,?)?(?: \w+)?"
    r" (?:is|was|'s|wants|hopes|hoping|would love|would like|has been)\b",
    re.IGNORECASE,
)
"""A sentence that says the place is not theirs ("someday, not necessarily here",
"whichever firm it ends up being") or that the hunt is someone else's: no model pitch."""
_FIELD_WISH = re.compile(
    r"\b(?:work|be|become|end up|train) (?:as |in )?(?:an? )?[\w-]+(?: [\w-]+){0,2} "
    r"(?:one day|someday|some day|eventually|in the future|down the line|long[ -]term)\b"
    r"|\b(?:being|becoming) an? [\w-]+(?: [\w-]+)? (?:has|is|was) (?:always |long )?(?:been )?"
    r"(?:my|a) (?:dream|goal|ambition|calling)\b",
    re.IGNORECASE,
)
"""A wish for the work itself, some day ("I'd love to work as a parliamentary researcher one
day"): the field's, not a pitch, when the sentence names no place of theirs (``_TO_THEM``)
and the wish does not point back at one (``_BACK``)."""
_SKILL_QUESTION = re.compile(
    r"\b(?:build|learn|develop|improve|strengthen|practi[sc]e|get better at|brush up|pick up|"
    r"work on|prepare)\b[^?]{0,30}\b(?:skills?|knowledge|habits|craft|basics|techniques?)\b",
    re.IGNORECASE,
)
"""A question about building skills asks for advice, even about their team's skills ("how
could I build the skills your night-shift team relies on?")."""
_HEAR_ABOUT = re.compile(
    r"\b(?:hear|learn|know|understand|ask you) (?:a bit |a little |more )?(?:about|how|what|why)\b",
    re.IGNORECASE,
)
"""Before a pitch's strongest words, wanting to hear or learn about something asks to learn,
unless those words are a post, hiring or applying (``_POST_WORD``: "learn about openings on
your team")."""
_POST_WORD = re.compile(
    r"(?:roles?|jobs?|positions?|openings?|opportunit\w*|vacanc\w*|hir\w*|internships?|"
    r"placements?|posts?|spots?|appl\w*|recruit\w*)$",
    re.IGNORECASE,
)
"""A strongest word that is a post, hiring or applying."""
DISCLAIMED = re.compile(
    r"\b(?:not|never)\s+(?:a |an |any |for a |about a |after a |asking for a )?"
    r"(?:job|position|role|post|opening|vacancy|internship|pitch|application)s?\b"
    r"|\b(?:i'?m|i am) not (?:applying|asking|looking|seeking|job hunting|after a)\b"
    r"|\bno (?:job )?(?:ask|pitch|strings|stuff|talk|request)\b",
    re.IGNORECASE,
)
"""Words that say outright the text is no job request, wherever they stand in a subject ("Seeking
perspective (not a position)") or in the sentence a model pitch was read in ("my LinkedIn
is on my card - no job stuff, I promise")."""

_HIRING_NEWS = re.compile(
    r"\b(?:saw|seen|noticed|heard|read|see)(?: on [\w-]+| online| in the news)?(?: that)? your "
    r"[\w\s'-]{1,30}? (?:is|are|was|were)"
    r"(?: \w+)? (?:hiring|recruiting|expanding|growing)\b",
    re.IGNORECASE,
)
_ASKS_AFTER = re.compile(
    r"\b(?:apply|applying|application|join|considered|consider me|interested|keen|love to|"
    r"like to|fit|for me|my cv|my resume|put me|candidate|someone like me|people like me|"
    r"a chance|a shot|wonder(?:ed|ing)? (?:whether|if))\b",
    re.IGNORECASE,
)
"""Their hiring seen as news ("saw your clinic is hiring a receptionist, so I know it's
busy") is no pitch unless the sentence goes on to want in ("...and I'd love to apply")."""
_BACK = re.compile(r"\b(?:part|it|that|this|them|those|team|crew)\b", re.IGNORECASE)
"""Words in a wish that point back at their place ("be a part of it someday")."""
_TO_THEM = re.compile(r"\b(?:you|your|yours|ur|u|here|there|us)\b", re.IGNORECASE)
"""Words that name the person written to or their place."""

AGREE = 0.2
"""A model pitch needs the union intent and its likeliest kind of pitch both at least this
sure: "I'm interested in your experience as a lead" may look like wanting a job to one
of them, never to both..."""
UNION_SURE = 0.9
"""...unless the union is this sure on its own: a pitch in a wording no writer used for
any one kind ("where would I slot in on your team?") still reads as a pitch to the model
of all kinds together, which is fitted on every kind's examples at once."""

_ADVICE_QUESTION = re.compile(
    r"\b(?:how|what|which|where|when|should)\b[^?]{0,40}\b(?:i|me|my)\b[^?]*\?", re.IGNORECASE
)
_THEIR_PLACE = re.compile(
    r"\byour (?:[\w'-]+ ){0,2}?(?:team|company|firm|org\w*|department|lab|unit|group|crew|"
    r"office|hospital|school|store|shop|studio|practice|clinic|agency|kitchen|ward|hiring manager|"
    r"manager|recruiters?|boss|director|hr)\b"
    r"|\b(?:here|there|with you|at your|you hiring|in front of you)\b"
    # their something, unless it is their view, their own path or their work
    r"|\byour\s+(?!(?:experience|view|opinion|eyes|mind|"
    r"field|industry|sector|profession|career|path|journey|day|week|role|job|work|time|"
    r"shoes|position|case|own|words|talk|article|post|book|podcast|area|line)\b)[\w'-]+",
    re.IGNORECASE,
)
"""A question about what the learner should do in general asks for advice, not a job; one
about their organisation ("how can I get onto your team?", "a spot in your SOC", "your
consultancy's placement scheme") may still be a pitch. Anything of theirs counts but their
view, their own path and their work ("in your experience", "your career")."""


@dataclass(frozen=True)
class Finding:
    """A model finding: the signal id, its sentence span and the model's reasons."""

    signal_id: str
    start: int
    end: int
    anchor: tuple[int, int]
    """Where its strongest word is (the scope rules look there)."""
    confidence: float
    weighed: tuple[str, ...]
    negative: bool


def rest_of_message(
    model: IntentModel,
    prepared: str,
    scored: list[tuple[int, int, list[float]]],
    named: list[dict[str, tuple[int, ...]]],
    wanted: frozenset[str],
    taken: list[tuple[str, int, int]],
) -> list[Finding]:
    """A second kind of pitch spread over the sentences that hold no pitch yet: once a
    message has a pitch, the rest of it (without those sentences, so their words are not
    read twice) is read again as a message, and a kind of pitch it carries that is not yet
    among the message's findings is placed at the sentence weighing most for it."""
    pitches = [(sid, s, e) for sid, s, e in taken if is_pitch_id(sid)]
    if not pitches:
        return []
    rest = [
        k
        for k, (start, end, _) in enumerate(scored)
        if not any(s < end and start < e for _, s, e in pitches)
    ]
    if not rest or len(rest) == len(scored):
        return []
    union: set[str] = set()
    for k in rest:
        union.update(named[k])
    whole = model.confidences(union)
    found = {i.label: i for i in model.passing(whole, model.message_thresholds, wanted | SUBS)}
    if PITCH not in found:
        return []
    families = {_FAMILY.get(sid, sid) for sid, _, _ in pitches}
    column = {label: k for k, label in enumerate(model.labels)}
    raw = dict(zip(model.labels, whole, strict=True))
    out: list[Finding] = []
    for kind in sorted((i for label, i in found.items() if label in SUBS), key=_surest):
        signal_id = PITCH_SIGNAL[kind.label]
        if kind.label not in wanted or _FAMILY.get(signal_id, signal_id) in families:
            continue
        k = max(rest, key=lambda row: scored[row][2][column[kind.label]])
        start, end, _ = scored[k]
        sentence = prepared[start:end]
        pitch = sentence_pitch(model, sentence, {PITCH: found[PITCH], kind.label: kind}, raw)
        if pitch is None:
            continue
        families.add(_FAMILY.get(signal_id, signal_id))
        out.append(
            make_finding(signal_id, start, end, model.explain(sentence, kind), negative=True)
        )
    return out


def sentence_pitch(
    model: IntentModel, sentence: str, intents: dict[str, Intent], raw: dict[str, float]
) -> Intent | None:
    """The sentence's pitch, explained: the union intent passes, or one kind of pitch whose
    threshold held its precision in cross-validation does; and it rests on a word that
    means something ("I'd be happy to help if I can" weighs nothing but grammar), for the
    union or for a kind of pitch that passed ("pass my details along": referral)."""
    subs = [i for label, i in intents.items() if label in SUBS]
    pitch = intents.get(PITCH) or max(subs, key=lambda i: i.confidence, default=None)
    if pitch is None:
        return None
    union = raw.get(PITCH, 1.0)
    kind = max((v for label, v in raw.items() if label in SUBS), default=1.0)
    if min(union, kind) < AGREE and union < UNION_SURE:
        return None  # the union and the kinds of pitch must both see one
    pitch = model.explain(sentence, pitch)
    if no_post_of_theirs(sentence, pitch.anchor):
        return None
    if _ADVICE_QUESTION.search(sentence) and (
        not _THEIR_PLACE.search(sentence) or _SKILL_QUESTION.search(sentence)
    ):
        return None  # "how do you think I can best use my background in this field?"
    hear = _HEAR_ABOUT.search(sentence, max(0, pitch.anchor[0] - 40), pitch.anchor[0])
    if (
        hear
        and not _CLAUSE_BREAK.search(sentence, hear.end(), pitch.anchor[0])
        and not any(_POST_WORD.match(word) for word in pitch.words)
    ):
        return None  # "I'd love to hear about working with your clients"
    if _OWN_HIRING.search(sentence) or _NOT_THEIRS.search(sentence) or DISCLAIMED.search(sentence):
        return None
    if no_post_asked(sentence, any(_POST_WORD.match(word) for word in pitch.words)):
        return None
    news = _HIRING_NEWS.search(sentence)
    if news and not _ASKS_AFTER.search(sentence, news.end()):
        return None  # "saw your clinic is hiring a receptionist, so I know it's busy"
    wish = _FIELD_WISH.search(sentence)
    if wish and not _TO_THEM.search(sentence) and not _BACK.search(wish.group()):
        return None
    if meaningful(pitch):
        return pitch
    for sub in sorted(subs, key=_surest):  # the union leaned on grammar; does its kind?
        sub = model.explain(sentence, sub)
        if meaningful(sub):
            return Intent(pitch.label, pitch.confidence, sub.words, sub.anchor)
    return None


def other_kinds(
    model: IntentModel,
    prepared: str,
    span: tuple[int, int],
    intents: dict[str, Intent],
    taken: list[tuple[str, int, int]],
) -> list[Finding]:
    """Kinds of pitch a sentence carries besides the one(s) already found in it ("I've
    attached my CV, and I'd love a place on your team" is a resume and a job ask): each its
    own finding, quoting only its own clause, and only when its strongest word lies
    outside every pitch already found (the same words are never read twice)."""
    start, end = span
    sentence = prepared[start:end]
    # Only the findings that overlap this sentence (a long paste has one per sentence).
    near = [(sid, s, e) for sid, s, e in taken if s < end and start < e and is_pitch_id(sid)]
    spans = [(s, e) for _, s, e in near]
    families = {_FAMILY.get(sid, sid) for sid, _, _ in near}
    out: list[Finding] = []
    kinds = sorted((i for label, i in intents.items() if label in SUBS), key=_surest)
    for kind in kinds:
        signal_id = PITCH_SIGNAL[kind.label]
        if _FAMILY.get(signal_id, signal_id) in families:
            continue
        kind = model.explain(sentence, kind)
        at = start + kind.anchor[0]
        if not meaningful(kind) or any(s <= at < e for s, e in spans):
            continue
        first, last = _clause(prepared, span, at)
        families.add(_FAMILY.get(signal_id, signal_id))
        anchor = (at, start + kind.anchor[1])
        out.append(Finding(signal_id, first, last, anchor, kind.confidence, kind.words, True))
    return out


_FAMILY = {"asks_about_openings": "job_pitch", "resume_attached": "resume_offered"}
"""Pitch signals that say the same thing (a job ask; a resume) count as one kind."""
_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013]|\s-\s|\b(?:and|but|so)\b", re.IGNORECASE)


def _surest(intent: Intent) -> float:
    return -intent.confidence


def _clause(prepared: str, span: tuple[int, int], at: int) -> tuple[int, int]:
    """The clause of the sentence ``span`` holding offset ``at``, whitespace trimmed."""
    start, end = span
    first, last = start, end
    for match in _CLAUSE_BREAK.finditer(prepared, start, end):
        if match.end() <= at:
            first = match.end()
        elif match.start() > at:
            last = match.start()
            break
    while first < last and prepared[first].isspace():
        first += 1
    while last > first and prepared[last - 1] in " \t\n.!?":
        last -= 1
    return first, last


def pitch_signal(sentence: str, every: dict[str, Intent]) -> str:
    """The pitch signal for the kind of pitch the model is surest of."""
    subs = [i for label, i in every.items() if label in SUBS]
    best = max(subs, key=lambda i: i.confidence).label if subs else "pitch_job"
    signal_id = PITCH_SIGNAL[best]
    if signal_id == "job_pitch" and "?" in sentence:
        lowered = sentence.lower()
        if any(word in lowered for word in _OPENINGS):
            signal_id = "asks_about_openings"
    return signal_id


def meaningful(intent: Intent) -> bool:
    """Whether a word that means something (not "if", "my", "can") is among the words
    that weighed most: a pitch read from grammar alone is a guess, not a reading."""
    return any(fold_word(word) not in FUNCTION_WORDS for word in intent.words)


def fold_word(word: str) -> str:
    """A weighed word as the common-word list spells it (lower case, straight quote)."""
    return word.lower().replace("\u2019", "'")


_PITCH_ID_SET = frozenset(PITCH_IDS)
"""``PITCH_IDS`` as a set: ``is_pitch_id`` is asked about every finding so far, for every
sentence of a message."""


def is_pitch_id(signal_id: str) -> bool:
    return signal_id in _PITCH_ID_SET


def has_pitch(ids: set[str]) -> bool:
    return any(is_pitch_id(sid) for sid in ids)


def make_finding(signal_id: str, start: int, end: int, intent: Intent, negative: bool) -> Finding:
    anchor = (start + intent.anchor[0], start + intent.anchor[1])
    return Finding(signal_id, start, end, anchor, intent.confidence, intent.words, negative)
