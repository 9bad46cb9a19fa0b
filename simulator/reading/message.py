"""The whole message, without a UI: its subject line, and text the reader cannot read.

- The **subject** is read as part of the message: "Experienced coordinator seeking an HR
  role at your company" in the subject is a pitch even when the body is clean. Its
  signals carry ``part="subject"`` and spans into the subject, so they never mark the body.
- **Unreadable text** (another language, mostly capitals, keyboard gibberish) gets the
  ``unreadable`` finding: a person would not read it as a careful message, so it must
  never pass as neutral.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.reading.lexicon import Lexicon
    from simulator.reading.model import Context, Signal

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_ENGLISH_WORDS = (
    "a about after all also am an and any are as at be been but by can could did do does for "
    "from had has have how i if in into is it its just me my no not now of on or our out so "
    "some than that the their them then there they this to up us was we were what when where "
    "which who why will with would you your i'm it's don't hi hello thanks thank please dear "
    "best"
)
_FOREIGN_WORDS = (
    "de la el los las que y en un una por para con del al es lo se su le les et des du est "
    "une pour pas je vous nous avec dans sur und der die das ist nicht ich sie wir ein eine "
    "mit auf zu den von il di che non per sono una della ik het een niet wij em os nao voce"
)
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_FOREIGN = frozenset(_FOREIGN_WORDS.split())
_SUBJECT_PITCH = re.compile(
    r"\b(?:seeking|looking for|searching for|in search of|applying for|application for|"
    r"applicant for|candidate for|interested in|available for|open to)\b[^.?!]{0,50}?"
    r"\b(?:roles?|positions?|jobs?|openings?|opportunit(?:y|ies)|vacanc(?:y|ies)|internships?|"
    r"employment)\b"
    r"|\b(?:resume|r\u00e9sum\u00e9|cv)\b\s*(?:attached|enclosed|for|of|-|:)",
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
    """Whether a person could not read ``text`` as English prose: mostly capitals, another
    language, or keyboard gibberish (short texts are never judged)."""
    letters = [ch for ch in text if ch.isalpha()]
    words = [w.lower() for w in _WORD.findall(text)]
    if len(letters) < 16 or len(words) < 4:
        return False
    upper = sum(1 for ch in letters if ch.isupper())
    if upper / len(letters) > 0.7:
        return True
    if sum(1 for ch in letters if not ch.isascii()) / len(letters) > 0.3:
        return True
    english = sum(1 for w in words if w in _ENGLISH)
    foreign = sum(1 for w in words if w in _FOREIGN)
    if len(words) >= 5 and foreign > english and foreign / len(words) >= 0.15:
        return True
    long_words = [w for w in words if len(w) >= 4]
    garbled = sum(1 for w in long_words if _garbled(w))
    if len(long_words) >= 4 and garbled / len(long_words) >= 0.5:
        return True
    return len(words) >= 10 and english == 0


def _garbled(word: str) -> bool:
    vowels = set("aeiouy")
    if not any(ch in vowels for ch in word):
        return True
    run = 0
    for ch in word:
        run = 0 if ch in vowels else run + 1
        if run >= 5:
            return True
    return False


def read_subject(
    subject: str, stage: str, context: Context, lexicon: Lexicon, found: list[Signal]
) -> list[Signal]:
    """The subject line's own signals, not already found in the body."""
    from simulator.reading.model import Signal
    from simulator.reading.reader import is_pitch, read

    plain = replace(context, subject="", attachments=(), prior_messages=0, max_chars=None)
    plain = replace(plain, max_words=10_000)
    reading = read(subject, stage, plain, lexicon)
    have = {s.id for s in found}
    pitched = any(is_pitch(s) for s in found)
    signals = list(reading.signals)
    headline = _SUBJECT_PITCH.search(subject)
    if headline and not any(is_pitch(s) for s in signals):
        resume = bool(re.search(r"\b(?:resume|r\u00e9sum\u00e9|cv)\b", subject, re.I))
        signal_id = "resume_offered" if resume else "job_pitch"
        spec = lexicon.specs.get(signal_id)  # None: the scenario switched it off
        if spec is not None:
            start, end = headline.span()
            quote = subject[start:end]
            signals.append(Signal(signal_id, spec.polarity, spec.criterion, quote, start, end))
    out = []
    for signal in signals:
        if signal.id in SUBJECT_SKIP or signal.id in have:
            continue
        if pitched and is_pitch(signal):
            continue
        out.append(replace(signal, part="subject"))
        have.add(signal.id)
    return out
