"""How a message is written, without a UI: intent, shouting, why-you and invented referrals.

These signals do not come from phrases. They read the message as a whole: whether it says
anything of its own (not one word, not a phrase repeated, not the persona's own words,
not a language the persona does not read), whether it is written in capitals, whether a
first outreach says why this person, and whether a referral it claims is one the
scenario's facts support. ``apply_manner`` runs last in ``read``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from simulator.reading.english import language_problem, shouting_case
from simulator.reading.model import Context, Signal
from simulator.reading.segment import frame_line, sentences

ECHO_SHINGLE = 5
ECHO_SHARE = 0.6
"""A text whose five-word runs mostly appear in the persona's words is an echo."""
OVERLAP_DROPS = {
    "guilt_trip": ("gratitude", "flexible_scheduling", "acknowledges_busy"),
    "big_ask": (
        "question_advice",
        "question_day_to_day",
        "question_career_path",
        "bounded_time_ask",
    ),
}
"""Credit a manner signal takes back from the same sentence ("I'd appreciate the courtesy
of a reply" is not gratitude; "would you be my mentor" is not a question for advice)."""
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f']+")
_SENTENCE_END = re.compile(r"[.!?]+")
_NAME = re.compile(r"\b[A-Z][a-z]+\b")
_CLAIMED = re.compile(
    r"\b(?P<names>[A-Z][a-z]+(?:(?:,| and) [A-Z][a-z]+)*)(?:,? \w+){0,4}?,? "
    r"(?:told me|said|suggested|recommended|advised|mentioned)\b"
)
"""A named go-between: "Peter and Patricia on your team told me to contact you"."""
_NOT_NAMES = frozenset(
    [
        "I",
        "Hi",
        "Hello",
        "Dear",
        "Thanks",
        "Thank",
        "Could",
        "Would",
        "Can",
        "May",
        "My",
        "Our",
        "Your",
        "The",
        "This",
        "That",
        "They",
        "We",
        "HR",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "LinkedIn",
    ]
)

Add = Callable[[str, int, int], None]
TOO_FEW_WORDS = "too few words"
"""The ``intent_problem`` of a line too short to say anything: in a meeting, a reply such as
"Thanks." or "Cheers!" that the grader accepts when the meeting's other lines carry intent."""


def words_of(text: str) -> list[str]:
    """The words of a text, lower-cased."""
    return [w.lower() for w in _WORD.findall(text)]


def intent_problem(text: str, stage: str, context: Context) -> str:
    """Why the text says nothing of its own ('' when it does)."""
    words = words_of(text)
    if context.echoes:
        return "the persona's own words"
    if len(words) < (2 if stage == "meeting" else 3):
        return TOO_FEW_WORDS
    sentences = [s.strip().lower() for s in _SENTENCE_END.split(text) if s.strip()]
    if len(sentences) >= 3 and len(set(sentences)) * 3 <= len(sentences):
        return "one phrase repeated"
    if language_problem(text):
        return "not in a language the persona reads"
    return ""


def is_shouting(text: str) -> bool:
    """Whether the text is readable English written mostly in capitals (shouting). Text
    nobody can read gets ``unreadable`` instead, never both."""
    return shouting_case(text) and not language_problem(text)


def echoes(text: str, sources: Iterable[str]) -> bool:
    """Whether most of the text's five-word runs appear in ``sources`` (pasted back)."""
    mine = _shingles(words_of(text))
    if not mine:
        return False
    theirs = _source_shingles(tuple(sources))
    return sum(s in theirs for s in mine) >= ECHO_SHARE * len(mine)


@lru_cache(maxsize=16)
def _source_shingles(sources: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """The five-word runs of a persona's texts, worked out once per persona (a review
    replays thousands of sessions against the same few personas)."""
    theirs: set[tuple[str, ...]] = set()
    for source in sources:
        theirs |= _shingles(words_of(source))
    return frozenset(theirs)


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + ECHO_SHINGLE]) for i in range(len(words) - ECHO_SHINGLE + 1)}


def apply_manner(
    text: str, prepared: str, stage: str, context: Context, found: list[Signal], add: Add
) -> list[Signal]:
    """Add the manner signals to ``found`` (through ``add``) and take back overlapped credit.
    ``prepared`` is the reader's ``segment.prepare(text)``: an absence finding quotes its
    opening sentence, found only when one is added."""
    problem = intent_problem(text, stage, context)
    if problem:
        add("no_intent", *opening(prepared))
    if is_shouting(text):
        add("shouting", *opening(prepared))
    if stage in ("outreach", "follow_up", "meeting") and context.referrers is not None:
        _check_referral(text, context.referrers, found, add)
    if stage == "outreach" and not problem and not _says_why_you(found):
        add("no_why_you", *opening(prepared))
    return _drop_overlapped(text, found)


OPENING_LIMIT = 160
"""The longest quote an absence finding takes from the opening sentence."""


@lru_cache(maxsize=16)
def opening(prepared: str) -> tuple[int, int]:
    """In a text prepared by ``segment.prepare`` (same length as the learner's), the span
    of the first sentence of the learner's own prose, past the frame of the
    message (``segment.frame_line``: subject, greeting, sign-off) and any quoted reply, cut
    at a word near ``OPENING_LIMIT``. Findings about something *missing* (no reason for
    writing to them, no clear purpose) quote it: it is where the missing line belongs, and
    a reader sees their own sentence, not a cut-off run of characters."""
    spans = sentences(prepared)
    for at, (start, end) in enumerate(spans):
        if frame_line(prepared[start:end]):
            continue
        while prepared[end - 1] == ";" and at + 1 < len(spans):  # one sentence
            at += 1
            end = spans[at][1]
        if end - start > OPENING_LIMIT:
            cut = prepared.rfind(" ", start, start + OPENING_LIMIT)
            end = cut if cut > start else start + OPENING_LIMIT
        return start, end
    return 0, min(len(prepared.rstrip()), 80)


def _says_why_you(found: list[Signal]) -> bool:
    """Whether the message gives a reason for writing to this person (even a bad one)."""
    return any(
        s.id in ("personalized", "mutual_referral", "invented_referral", "name_drop") for s in found
    )


def _check_referral(text: str, referrers: tuple[str, ...], found: list[Signal], add: Add) -> None:
    """A claimed referral naming nobody in the facts is invented: it replaces the credit."""
    known = {part.lower() for name in referrers for part in name.split()}
    for match in _CLAIMED.finditer(text):
        # every capitalised word of the claim, so "Our friend, Dana, said" credits Dana
        names = [n for n in _NAME.findall(match.group(0)) if n not in _NOT_NAMES]
        if names and referrers and any(n.lower() in known for n in names):
            # "Dana from the gym told me you precept new nurses": the real go-between
            start, end = _sentence_bounds(text, match.start())
            if not any(s.id == "mutual_referral" and start <= s.start < end for s in found):
                add("mutual_referral", start, end)
            continue
        if names and not any(n.lower() in known for n in names):
            start, end = _sentence_bounds(text, match.start())
            found[:] = [
                s for s in found if not (s.id == "mutual_referral" and start <= s.start < end)
            ]
            add("invented_referral", start, end)
            return
    for signal in list(found):
        if signal.id != "mutual_referral":
            continue
        start, end = _sentence_bounds(text, signal.start)
        names = [n for n in _NAME.findall(text[start:end]) if n not in _NOT_NAMES]
        if referrers and (not names or any(n.lower() in known for n in names)):
            continue  # names the real referrer (or an unnamed "they", read with the facts)
        found.remove(signal)
        add("invented_referral", start, end)


def _sentence_bounds(text: str, index: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, index) for ch in ".!?\n") + 1
    ends = [i for i in (text.find(ch, index) for ch in ".!?\n") if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _drop_overlapped(text: str, found: list[Signal]) -> list[Signal]:
    drops: list[tuple[tuple[str, ...], tuple[int, int]]] = [
        (OVERLAP_DROPS[s.id], _sentence_bounds(text, s.start))
        for s in found
        if s.id in OVERLAP_DROPS
    ]
    if not drops:
        return found
    return [
        s for s in found if not any(s.id in ids and lo <= s.start < hi for ids, (lo, hi) in drops)
    ]
