"""The reader, without a UI: a learner's text in, a ``Reading`` out, the same every time.

It reads frames rather than single keywords: a phrase from the lexicon counts only when
no negation, hypothetical or reported speech cancels it in the same sentence, and the
stage and context decide what a phrase means (a resume offered after the persona asked
for it is not a pitch). Time asks are read by their shape: a named duration, or a
meeting request without one.
"""

from __future__ import annotations

import re

from simulator.reading.lexicon import Lexicon, standard_lexicon
from simulator.reading.model import Context, Reading, Signal, TimeAsk

MAX_TEXT_CHARS = 20_000
"""Longest text the reader looks at; the engine refuses longer input before reading."""

PITCH_IDS = (
    "job_pitch",
    "asks_about_openings",
    "bypass_application",
    "resume_attached",
    "resume_offered",
    "referral_for_role",
)

_NUMBER_WORDS = {
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
}
_NUM = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_MIN = r"(?:minutes?|mins?|m)\b"
_DURATION = re.compile(
    rf"~?{_NUM}(?:\s*(?:-|–|to|or)\s*{_NUM})?[\s-]*{_MIN}"
    r"|\b(half an hour|half-hour|half hour|an hour|one hour|1 hour|hour-long|two hours|"
    r"a couple of hours|an afternoon|a morning|lunch)\b",
    re.IGNORECASE,
)
_MEETING_WORDS = re.compile(
    r"\b(call|chat|conversation|meet|meeting|coffee|talk|speak|zoom|teams call|phone)\b",
    re.IGNORECASE,
)
_NEGATORS = re.compile(
    r"\b(not|never|no|without|rather than|instead of|n't|nor|neither|"
    r"told me not to|advised against|don't want to)\b|n't\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(people (?:told|tell|say)|i(?:'ve| have)? (?:read|heard) (?:that|you should)|"
    r"they say|was told|were told|the advice is|common advice)\b",
    re.IGNORECASE,
)
_WRAP_UP = re.compile(
    r"\b(respect your time|let you go|wrap up|wrap things up|i know we(?:'re| are) (?:almost )?"
    r"(?:at|out of) time|i(?:'ll| will) stop there|that(?:'s| is) all my questions|"
    r"won't keep you|will not keep you|don't want to keep you|do not want to keep you)\b",
    re.IGNORECASE,
)
_NAME_DROP = re.compile(
    r"\b(?:i )?know ((?:[A-Z][a-z]+)(?:,? (?:and )?[A-Z][a-z]+)*)(?: (?:in|from|at|on) [A-Z]?\w+)?"
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def read(
    text: str,
    stage: str = "outreach",
    context: Context | None = None,
    lexicon: Lexicon | None = None,
) -> Reading:
    """Read one learner text at a stage and return what it signals."""
    context = context or Context()
    lexicon = lexicon or standard_lexicon()
    text = text[:MAX_TEXT_CHARS]
    words = len(re.findall(r"\S+", text))
    found: list[Signal] = []

    def add(signal_id: str, start: int, end: int) -> None:
        spec = lexicon.specs.get(signal_id)
        if spec is None:
            return
        found.append(Signal(signal_id, spec.polarity, spec.criterion, text[start:end], start, end))

    for signal_id, pattern in lexicon.patterns.items():
        if signal_id.startswith("question_") and stage != "meeting":
            continue
        for match in pattern.finditer(text):
            if _cancelled(text, match.start()):
                continue
            add(signal_id, match.start(), match.end())

    _read_time(text, stage, add, found)
    _read_context(text, stage, context, add, found, words)
    found = _resolve(found, stage, context)
    found.sort(key=lambda s: (s.start, s.id))
    topic = _topic(found, lexicon)
    return Reading(
        text=text,
        stage=stage,
        words=words,
        signals=tuple(found),
        topic=topic if stage == "meeting" else None,
        time_ask=_time_ask(text, found),
        wraps_up=bool(_WRAP_UP.search(text)),
        is_question="?" in text,
    )


def _sentence_bounds(text: str, index: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, index):
        start = m.end()
    end_match = _SENTENCE_END.search(text, index)
    return start, end_match.start() if end_match else len(text)


def _cancelled(text: str, index: int) -> bool:
    """A phrase is cancelled by a negation or reported speech shortly before it."""
    start, _ = _sentence_bounds(text, index)
    window = text[max(start, index - 60) : index]
    return bool(_NEGATORS.search(window) or _REPORTED.search(text[start:index]))


def _read_time(text: str, stage: str, add, found: list[Signal]) -> None:
    if stage == "thank_you":
        return
    for match in _DURATION.finditer(text):
        minutes = _minutes(match)
        if minutes is None:
            continue
        if stage == "meeting" and not _MEETING_WORDS.search(text):
            continue
        add("bounded_time_ask" if minutes <= 30 else "long_time_ask", match.start(), match.end())
        return


def _minutes(match: re.Match[str]) -> int | None:
    first, second, phrase = match.group(1), match.group(2), match.group(3)
    if phrase:
        phrase = phrase.lower()
        if "half" in phrase:
            return 30
        if phrase in ("two hours", "a couple of hours", "an afternoon", "a morning"):
            return 120
        if phrase == "lunch":
            return 60
        return 60
    values = [_number(v) for v in (first, second) if v]
    if not values or any(v is None for v in values):
        return None
    return max(v for v in values if v is not None)


def _number(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token)


def _time_ask(text: str, found: list[Signal]) -> TimeAsk | None:
    for signal in found:
        if signal.id in ("bounded_time_ask", "long_time_ask"):
            match = _DURATION.search(signal.quote)
            minutes = _minutes(match) if match else None
            return TimeAsk(minutes, signal.quote, signal.start, signal.end)
        if signal.id == "open_ended_time_ask":
            return TimeAsk(None, signal.quote, signal.start, signal.end)
    return None


def _read_context(text, stage, context: Context, add, found, words: int) -> None:
    if stage in ("outreach", "follow_up", "thank_you"):
        limit = context.max_words
        too_many_chars = context.max_chars is not None and len(text) > context.max_chars
        if too_many_chars or words > limit:
            add("long_message", 0, min(len(text), 80))
    if any(_is_resume(name) for name in context.attachments) and not context.resume_requested:
        spec_quote = next((a for a in context.attachments if _is_resume(a)), "resume")
        found.append(Signal("resume_attached", "negative", "no_pitch", spec_quote, 0, 0))
    if (
        stage in ("outreach", "follow_up")
        and context.prior_messages >= 1
        and context.days_since_last is not None
        and context.days_since_last < 3
    ):
        add("repeated_contact", 0, min(len(text), 60))
    if not any(s.id == "mutual_referral" for s in found):
        for match in _NAME_DROP.finditer(text):
            if _cancelled(text, match.start()):
                continue
            add("name_drop", match.start(), match.end())


def _is_resume(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in ("resume", "résumé", "cv", "curriculum"))


def _resolve(found: list[Signal], stage: str, context: Context) -> list[Signal]:
    """Apply context: drop what the situation makes fine, and overlapping duplicates."""
    ids = {s.id for s in found}
    kept: list[Signal] = []
    for signal in found:
        if signal.id in ("resume_offered", "resume_attached") and context.resume_requested:
            continue
        if signal.id == "open_ended_time_ask" and (
            "bounded_time_ask" in ids or "long_time_ask" in ids
        ):
            continue
        if signal.id == "resume_offered" and "resume_attached" in ids:
            continue
        if signal.id == "gratitude" and stage == "meeting":
            pass
        kept.append(signal)
    # A span claimed by a stronger pitch signal is not also reported as a weaker one.
    result: list[Signal] = []
    for signal in kept:
        overlap = any(
            other is not signal
            and other.id != signal.id
            and other.start <= signal.start
            and signal.end <= other.end
            and (other.end - other.start) > (signal.end - signal.start)
            for other in kept
        )
        if not overlap:
            result.append(signal)
    # Keep one occurrence per (id, span).
    unique = {(s.id, s.start, s.end): s for s in result}
    return list(unique.values())


def _topic(found: list[Signal], lexicon: Lexicon) -> str | None:
    pitch = [s for s in found if s.id in PITCH_IDS]
    if pitch:
        return "pitch"
    if any(s.id == "question_salary" for s in found):
        return "salary"
    if any(s.id == "question_googleable" for s in found):
        return "googleable"
    if any(s.id == "asks_for_contacts" for s in found):
        return "contacts"
    for signal in found:
        spec = lexicon.specs.get(signal.id)
        if spec and spec.topic:
            return spec.topic
    return None
