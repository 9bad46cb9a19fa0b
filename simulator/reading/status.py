"""What a message says of the sender's job hunt outside its sentences, without a UI.

A signature is blanked before reading (name, title, phone, a profile link), but a line of
it saying the sender is job hunting ("Open to camera roles", "Seeking new opportunities")
is a pitch however small the type, and a resume linked or attached there ("Resume:
kim.dev/cv", "Lookbook attached") is an offer of it. A resume linked in the body
("kim.dev/resume.pdf") is one too. These are statuses and links, not sentences the lexicon
could read, so they are found here and reported as ``job_pitch`` or ``resume_offered``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from simulator.reading.model import Signal
from simulator.reading.pitches import PITCH_IDS
from simulator.reading.scope import Scope
from simulator.reading.segment import RESUME_ATTACHED, job_hunting_lines

_SEEKING_WORDS = re.compile(
    r"\b(?:open|available|seeking|looking|searching|hoping|transitioning)\b|opentowork", re.I
)
RESUME_LINK = re.compile(
    r"\b(?:resume|cv)\s*[:@]\s*(?:https?://)?[\w-]+\.[\w./-]+"
    r"|\b(?:https?://)?[\w-]+\.[a-z]{2,}(?:/[\w.-]+)*/(?:resume|cv)(?:\.pdf)?(?![\w/-])",
    re.IGNORECASE,
)
"""A resume linked in the text or the signature ("Resume: kim.dev/cv", "kim.dev/resume.pdf")."""


_RESUME_ON_ASK = re.compile(r"\b(?:resume|r\u00e9sum\u00e9|cv)\s+(?:available|on request)", re.I)
"""A signature offering the resume ("Resume available on request"): a resume offered."""

_PIPED_STATUS = re.compile(
    r"\|\s*(?P<status>(?:seeking|open to|looking for|searching for|available for|"
    r"transitioning (?:in)?to)\b[^|]{0,60}?"
    r"\b(?:roles?|positions?|jobs?|opportunities|openings|work|internships?|placements?|posts?|"
    r"contracts?)\b"
    r"|(?:hoping|looking|aiming|keen|would love|i'd love) to (?:join|be part of|"
    r"work (?:at|for|in|on|with))\b[^|\n]{0,60})",
    re.IGNORECASE,
)
"""A job-hunting status after a bar, as a one-line note signs off ("- Dr. R. Haddad |
Seeking industry scientist roles"): no line of its own for the signature scan to find."""


def status_pitches(text: str, scope: Scope, found: Iterable[Signal]) -> list[tuple[str, int, int]]:
    """(signal id, start, end) for each resume link in ``text`` (not negated) and each
    job-hunting line of its signature that no pitch already covers."""
    out = [
        ("resume_offered", m.start(), m.end())
        for m in RESUME_LINK.finditer(scope.text)
        if not scope.negated(m.start(), m.end())
    ]
    taken = [(s.start, s.end) for s in found if s.id in PITCH_IDS]
    taken += [(start, end) for _, start, end in out]
    for start, end in job_hunting_lines(text):
        if any(s < end and start < e for s, e in taken):
            continue
        line = text[start:end]
        lead = len(line) - len(line.lstrip())
        resume = (
            RESUME_LINK.search(line) or RESUME_ATTACHED.search(line) or _RESUME_ON_ASK.search(line)
        )
        seeking = _SEEKING_WORDS.search(line)
        out.append(("resume_offered" if resume and not seeking else "job_pitch", start + lead, end))
        taken.append((start + lead, end))
    for m in _PIPED_STATUS.finditer(text):  # after the lines: a status line keeps its quote
        start, end = m.span("status")
        if not any(s < end and start < e for s, e in taken):
            out.append(("job_pitch", start, end))
    return out


def is_resume(name: str) -> bool:
    """Whether an attachment's file name looks like a resume or CV."""
    lowered = name.lower()
    stem = re.split(r"[^a-z\u00e9]+", lowered)
    return any(w in lowered for w in ("resume", "r\u00e9sum\u00e9")) or any(
        part in ("cv", "curriculum") for part in stem
    )
