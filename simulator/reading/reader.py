"""The reader, without a UI: a learner's text in, a ``Reading`` out, the same every time.

It reads frames rather than single keywords (see ``lexicon.yaml``): who wants what. A
phrase counts only when its clause does not negate, hypothesise, report or quote it
(``scope.py``). The stage and context decide what a phrase means: a resume offered after
the persona asked for it is not a pitch; asking who else to talk to is good, asking to
be referred for a role is a pitch. Time asks are read by their shape (``timeask.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from simulator.reading.learned import asks_for_time, model_findings
from simulator.reading.lexicon import Lexicon, standard_lexicon
from simulator.reading.manner import apply_manner
from simulator.reading.matcher import Tokens, tokenize
from simulator.reading.memo import remembered
from simulator.reading.message import (
    headline_pitch,
    pasted_subject,
    read_subject,
    still_open,
    unreadable,
)
from simulator.reading.model import Context, Reading, Signal, TimeAsk
from simulator.reading.no_post import RESUME_WORD
from simulator.reading.pitches import PITCH_IDS
from simulator.reading.posted import quoted_message
from simulator.reading.questions import (
    CALL_TOPIC,
    about_the_call,
    asked_apart,
    credit_topic,
    guessed_topic,
)
from simulator.reading.scope import Scope, fold
from simulator.reading.segment import prepare
from simulator.reading.status import is_resume, status_pitches
from simulator.reading.timeask import find_ask, is_bounded
from simulator.reading.vetoes import context_veto

MAX_TEXT_CHARS = 20_000
"""Longest text the reader looks at; the engine refuses longer input before reading."""


def is_pitch(signal: Signal) -> bool:
    """A built-in pitch signal, or a scenario's own signal built like one."""
    return signal.id in PITCH_IDS or (
        signal.criterion == "no_pitch" and signal.polarity == "negative"
    )


TOPIC_PRIORITY = ("pitch", "salary", "googleable", "contacts")
"""A meeting line's topic: these win over the ordinary topics, in this order."""

_WRAP_UP = re.compile(
    r"\b(respect your time|let you go|wrap up|wrap things up|i know we(?:'re| are) (?:almost )?"
    r"(?:at|out of) time|i(?:'ll| will) stop there|i(?:'ll| will) stop here|let me stop|"
    r"that(?:'s| is) all my questions|those are all my questions|that(?:'s| is) all i had|"
    r"let you get back|won't keep you|will not keep you|don't want to keep you|"
    r"do not want to keep you|don't want to take more of your time|"
    r"not take (?:up )?(?:any )?more of your time|give you (?:the rest of )?your time back|"
    r"i(?:'ll| will) end (?:it )?(?:there|here)|so you can get back to|"
    r"that(?:'s| is) (?:my list|everything i (?:hoped|wanted|had) to ask))\b",
    re.IGNORECASE,
)
_NAME_DROP = re.compile(
    r"(?<![A-Za-z])(?:I (?:also |already )?|[Aa]nd (?:also )?)"
    r"(?:know|am friends with|'m friends with|worked with) "
    r"((?:[A-Z][a-z]+)(?:(?:,|,? and| and) [A-Z][a-z]+)*)"
    r"(?P<where> (?:in|from|at|on) (?:the |your )?[A-Z]?\w+| there| at your company)?"
)
_NAMES_KNOWN = re.compile(
    r"(?<![A-Za-z])((?:[A-Z][a-z]+)(?:(?:,|,? and) [A-Z][a-z]+)+)\b[^.!?;\n]{0,40}?"
    r"\b(?:(?:are|is) (?:people|friends|contacts|colleagues|acquaintances) (?:[Ii] know|of mine)|"
    r"(?:are|is) (?:friends|contacts|colleagues|acquaintances) of mine|both know me|know me)\b"
)
"""Names said the other way round: "Priya and Tomas in Finance are people I know"."""
_AS_ASKED = re.compile(
    r"\b(?:as you (?:\w+ )?(?:asked|requested|suggested)|as requested|"
    r"you (?:\w+ )?asked (?:me )?(?:for|to)|"
    r"(?:asking|asked) (?:me )?to see|per your request|at your request|"
    r"you (?:\w+ )?offered to|for offering to|"
    r"you (?:\w+ )?(?:mentioned|said) (?:that )?you(?:'d| would) (?:like|love|want) to "
    r"(?:see|look))\b",
    re.IGNORECASE,
)
"""Words saying the persona asked for the resume."""

Add = Callable[..., None]
_KIN = {
    **{sid: PITCH_IDS for sid in PITCH_IDS},
    "question_salary": ("question_salary", "question_pay_range"),
}
"""Signals that rule each other out: a guarded "refer me" stops any model pitch there."""


_THE_CALL = re.compile(r"(?i)(?:calling|call|ringing|ring|phoning|phone) your?$")
"""On a phone channel, "I'm calling you because..." is the call itself: one call is not
repeated contact ("I called you twice", "my third call" still are)."""


@remembered(MAX_TEXT_CHARS)
def read(
    text: str,
    stage: str = "outreach",
    context: Context | None = None,
    lexicon: Lexicon | None = None,
    *,
    headline: bool = False,
) -> Reading:
    """Read one learner text at a stage and return what it signals (``headline``: the text
    is a subject line, a few nouns that are never judged unreadable)."""
    context = context or Context()
    lexicon = lexicon or standard_lexicon()
    text = text[:MAX_TEXT_CHARS]
    framed = quoted_message(text)
    prepared = prepare(framed or text)  # the frame blanked once; prepare finds no quote left
    folded = fold(prepared)
    scope = Scope(folded)
    words = len(prepared.split())
    found: list[Signal] = []

    def add(signal_id: str, start: int, end: int, **extra: Any) -> None:
        spec = lexicon.specs.get(signal_id)
        if spec is None:
            return
        end = _quote_end(signal_id, text, scope, start, end)
        quote = text[start:end]
        found.append(Signal(signal_id, spec.polarity, spec.criterion, quote, start, end, **extra))

    tokens = tokenize(folded)
    claimed: dict[str, int] = {}
    rejected: list[tuple[str, int, int]] = []
    """Phrases the lexicon saw but ruled out (negated, guarded...): the model may not
    read the same words back in."""
    for signal_id, first, after in sorted(lexicon.matcher.find(tokens), key=_longest_first):
        if signal_id.startswith("question_") and stage != "meeting":
            continue
        if claimed.get(signal_id, -1) > first:
            continue  # one match per signal per stretch of words, the earliest and longest
        start, end = tokens.starts[first], tokens.ends[after - 1]
        clause = _clause_token(tokens, first, scope)
        if (
            scope.cancelled(lexicon, signal_id, start, end)
            or lexicon.matcher.guarded(signal_id, tokens, first, after, clause)
            or context_veto(signal_id, folded, scope, start, end)
        ):
            # "my own company is hiring like crazy" is not asking them for a job
            rejected.append((signal_id, start, end))
            continue
        claimed[signal_id] = after
        add(signal_id, start, end)

    time_ask = _read_time(scope, stage, add, context.bounded_minutes)
    _read_context(folded, scope, stage, context, add, found, words)
    _read_headlines(text, scope, stage, context, found, add)
    if not headline and unreadable(prepared):
        add("unreadable", 0, len(text.rstrip()), source="context")
    else:
        _read_model(folded, scope, stage, add, found, lexicon, tokens, rejected)
    if stage != "thank_you":
        found = [s for s in found if s.id != "thank_you_specific"]
    found = _resolve(found, folded, scope, context)
    if context.channel == "phone":
        found = [s for s in found if not (s.id == "repeated_contact" and _THE_CALL.match(s.quote))]
    if context.subject.strip():
        found += read_subject(context.subject, stage, context, lexicon, found)
    found = apply_manner(text, prepared, stage, context, found, add)
    found, topic = _meeting_topic(found, stage, prepared, lexicon, folded)
    credit_topic(topic, found, prepared, add)
    found = [s for s in found if s.id in lexicon.specs]  # a scenario may switch one off
    found.sort(key=lambda s: (s.start, s.id))
    return Reading(
        text=text,
        stage=stage,
        words=words,
        signals=tuple(found),
        topic=topic,
        time_ask=_time_ask(time_ask, found),
        wraps_up=bool(_WRAP_UP.search(folded)),
        is_question="?" in text,
        extra={"framed": True} if framed is not None else {},
    )


SURE_DESPITE = 0.95
"""How sure the model must be to keep a finding beside words the lexicon ruled out in the
same sentence (it never keeps one that rests on those very words)."""


def _read_model(
    folded: str,
    scope: Scope,
    stage: str,
    add: Add,
    found: list[Signal],
    lexicon: Lexicon,
    tokens: Tokens,
    rejected: list[tuple[str, int, int]],
) -> None:
    """Add what the intent model reads that no lexicon phrase found (``learned.py``).

    The lexicon's look-alike guards (``unless_before``...) stay with the phrases they were
    written for: applied to every word before a model pitch's strongest word in its
    sentence, they dropped more true pitches than false ones on the tuning sets ("when",
    "she", "program" anywhere before "I'd jump at it"), so a model pitch answers to its
    own rules (``pitches.py``) and to the scenario's vetoes below."""
    taken = [(s.id, s.start, s.end) for s in found if s.end > s.start]
    for f in model_findings(folded, scope, stage, taken):
        if lexicon.matcher.vetoed(f.signal_id, tokens, f.start, f.end):
            continue  # the scenario dropped these words, or cancels the signal here
        kin = _KIN.get(f.signal_id, (f.signal_id,))
        # The lexicon read these words and ruled them out: a model finding in the same
        # sentence is dropped, unless the model is all but sure and the words ruled out
        # are not the ones it rests on ("how would I apply" is advice; "does your firm
        # have a placement scheme, and how would I apply to it?" still asks for a place).
        a, b = f.anchor if (f.confidence or 0) >= SURE_DESPITE else (f.start, f.end)
        if any(sid in kin and s < b and a < e for sid, s, e in rejected):
            continue
        if f.signal_id in PITCH_IDS and any(
            sid == "asks_for_contacts" and s < f.end and f.start < e for sid, s, e in taken
        ):
            continue  # "refer me to someone in L&D" asks for contacts, as the lexicon says
        add(f.signal_id, f.start, f.end, source="model", confidence=f.confidence, weighed=f.weighed)


def _read_headlines(
    text: str, scope: Scope, stage: str, context: Context, found: list[Signal], add: Add
) -> None:
    """Lines an email says who the sender is or what it is about with: signature status
    lines ("Open to data roles"), and a pasted email's "Subject:" line read as the headline
    it is, as a subject given apart is ("Subject: Internship?")."""
    if stage == "meeting":
        return
    for signal_id, start, end in status_pitches(text, scope, found):
        add(signal_id, start, end)
    line = pasted_subject(text) if not context.subject.strip() else None
    if line is None:
        return
    start, end = line
    if any(is_pitch(s) and s.start < end and start < s.end for s in found):
        return
    headline = headline_pitch(text[start:end])
    if headline is not None:
        signal_id, first, last = headline
        add(signal_id, start + first, start + last)


def _longest_first(match: tuple[str, int, int]) -> tuple[int, int, str]:
    signal_id, first, after = match
    return first, -after, signal_id


def _clause_token(tokens: Tokens, index: int, scope: Scope) -> int:
    """The first token of the clause holding token ``index``."""
    start = scope.clause_start(tokens.starts[index])
    k = index
    while k > 0 and tokens.starts[k - 1] >= start:
        k -= 1
    return k


def _read_time(scope: Scope, stage: str, add: Add, limit: int = 30) -> TimeAsk | None:
    if stage == "thank_you":
        return None
    ask = find_ask(scope, asks_for_time)
    if ask is None:
        return None
    if ask.vague:  # "a few minutes": asked for, with no number in it
        add("open_ended_time_ask", ask.start, ask.end)
        return None
    short = is_bounded(ask.minutes) and ask.minutes <= limit
    signal_id = "bounded_time_ask" if short else "long_time_ask"
    add(signal_id, ask.start, ask.end)
    return TimeAsk(ask.minutes, scope.text[ask.start : ask.end], ask.start, ask.end)


def _time_ask(duration: TimeAsk | None, found: list[Signal]) -> TimeAsk | None:
    if duration is not None:
        signal = next((s for s in found if s.start == duration.start), None)
        quote = signal.quote if signal else duration.quote
        return TimeAsk(duration.minutes, quote, duration.start, duration.end)
    for signal in found:
        if signal.id == "open_ended_time_ask":
            return TimeAsk(None, signal.quote, signal.start, signal.end)
    return None


def _read_context(
    folded: str,
    scope: Scope,
    stage: str,
    context: Context,
    add: Add,
    found: list[Signal],
    words: int,
) -> None:
    if stage in ("outreach", "follow_up", "thank_you"):
        too_many_chars = context.max_chars is not None and len(folded) > context.max_chars
        if too_many_chars or words > context.max_words:
            add("long_message", 0, min(len(folded), 80))
    resumes = (
        [a for a in context.attachments if is_resume(a)]
        if context.pitch_files is None
        else list(context.pitch_files)
    )
    if resumes and not context.resume_requested:
        found.append(Signal("resume_attached", "negative", "no_pitch", resumes[0], 0, 0))
    if (
        stage in ("outreach", "follow_up")
        and context.prior_messages >= 1
        and context.days_since_last is not None
        and context.days_since_last < 3
    ):
        add("repeated_contact", 0, min(len(folded), 60))
    if not any(s.id in PITCH_IDS for s in found):  # "...a porter role. Is that still open?"
        for start, end in still_open(folded, scope)[:1]:
            add("asks_about_openings", start, end)
    if not any(s.id == "mutual_referral" for s in found):
        for match in _NAME_DROP.finditer(folded):
            several = " and " in match.group(1) or "," in match.group(1)
            if (several or match.group("where")) and not scope.negated(match.start(), match.end()):
                add("name_drop", match.start(), match.end())
        for match in _NAMES_KNOWN.finditer(folded):
            if not scope.negated(match.start(), match.end()):
                add("name_drop", match.start(), match.end())


_QUOTE_THE_CLAUSE = ("personalized", "clear_purpose")
"""Signals whose trigger words say little alone ("We both", "moving into"): their span
runs on to the end of the clause, so the report quotes what the learner actually said."""


def _quote_end(signal_id: str, text: str, scope: Scope, start: int, end: int) -> int:
    if signal_id in _QUOTE_THE_CLAUSE and len(text[start:end].split()) < 4:
        return scope.quote_end(start, end)
    return end


def _resolve(found: list[Signal], folded: str, scope: Scope, context: Context) -> list[Signal]:
    """Apply context: drop what the situation makes fine, and overlapping duplicates."""
    ids = {s.id for s in found}
    kept: list[Signal] = []
    for signal in found:
        resume = signal.id in ("resume_offered", "resume_attached") or (
            signal.id == "job_pitch" and RESUME_WORD.search(signal.quote) is not None
        )
        if resume and _resume_welcome(signal, folded, scope, context):
            continue
        if signal.id == "open_ended_time_ask" and "bounded_time_ask" in ids:
            continue  # bounded, so not open-ended; an hour to "pick your brain" is both
        if signal.id == "resume_offered" and "resume_attached" in ids:
            continue
        kept.append(signal)
    pitches = [s for s in kept if s.id in PITCH_IDS and s.end > s.start]
    by_criterion: dict[str, list[Signal]] = {}
    for signal in kept:
        by_criterion.setdefault(signal.criterion, []).append(signal)
    result: list[Signal] = []
    for signal in kept:
        if (
            signal.polarity == "positive"
            and signal.id != "bounded_time_ask"
            and any(_overlaps(signal, p) for p in pitches)
        ):
            # "introduce me to the hiring manager" is not asking for contacts; but "15
            # minutes to ask about openings" is still a short ask, and the pitch is its own
            # finding.
            continue
        inside = signal.id not in PITCH_IDS and any(
            other.id != signal.id
            and other.source != "model"
            and other.start <= signal.start
            and signal.end <= other.end
            and (other.end - other.start) > (signal.end - signal.start)
            for other in by_criterion[signal.criterion]
        )
        if not inside:
            result.append(signal)
    unique = {(s.id, s.start, s.end): s for s in result}
    return list(unique.values())


def _resume_welcome(signal: Signal, folded: str, scope: Scope, context: Context) -> bool:
    """A resume is fine when the persona asked for it (recorded in the context), or when
    the sentence says they did ("as you asked, I've attached my CV"; "you offered to look at
    my CV"), at any stage: a reply to their request is no pitch."""
    if context.resume_requested:
        return True
    if signal.end <= signal.start:
        return False
    start, end = scope.sentence(signal.start)
    return bool(_AS_ASKED.search(folded, start, end + 1))


def _overlaps(a: Signal, b: Signal) -> bool:
    return a.start < b.end and b.start < a.end


def _meeting_topic(
    found: list[Signal], stage: str, prepared: str, lexicon: Lexicon, folded: str
) -> tuple[list[Signal], str | None]:
    """A meeting line's signals and topic; one only about the call ("Can you hear me?") has
    none, and "should I call you back?" is not a repeated call."""
    if stage != "meeting":
        return found, None
    if about_the_call(prepared):
        off = ("question_", "repeated_contact")
        return [s for s in found if not s.id.startswith(off)], CALL_TOPIC
    return found, _topic(found, lexicon, folded)


def _topic_of(signal: Signal, lexicon: Lexicon) -> str | None:
    if is_pitch(signal):
        return "pitch"
    if signal.id == "question_googleable":
        return "googleable"
    if signal.id == "asks_for_contacts":
        return "contacts"
    spec = lexicon.specs.get(signal.id)
    return spec.topic if spec else None


def _topic(found: list[Signal], lexicon: Lexicon, folded: str) -> str | None:
    topics = [(_topic_of(signal, lexicon), signal.start) for signal in found]
    present: dict[str, int] = {}
    for topic, at in topics:
        if topic and topic not in present:
            present[topic] = at
    ordinary = {t: at for t, at in present.items() if t not in TOPIC_PRIORITY}
    for topic in TOPIC_PRIORITY:
        if topic not in present:
            continue
        # one pay or search-engine question beside an ordinary one asked apart ("How did
        # you make the move? Did your pay take a hit?"): the ordinary one is the topic
        if topic in ("salary", "googleable"):
            sidelined = [at for t, at in topics if t == topic]
            if any(asked_apart(folded, at, sidelined) for at in ordinary.values()):
                break
        return topic
    if ordinary:
        return min(ordinary, key=lambda t: ordinary[t])
    return guessed_topic(folded)
