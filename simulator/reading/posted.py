"""A message shown inside a frame: a post, a script or a transcript that quotes it.

People paste messages as they find them: a recruiter's post that quotes a cold DM it
received ("Got this today: "Hi X, I'd love to join your team..." Please don't."), a career
centre's phone script (``YOU: "Hi, is this [Name]? ..."``), a voicemail transcript. The
message being judged is the quoted one; the frame is someone else's words (a poster's
own "my team is hiring" is not the sender pitching). ``quoted_message`` finds such a text
and returns a copy **of the same length** with everything but the quoted message blanked,
so spans still cut the original.

It applies only when all of these hold, so a learner's own letter that quotes a phrase
("Your post "hire for curiosity" stayed with me") is read whole, as before:

- the text outside the quotes does not open as a letter (no greeting first);
- the quotes hold at least ``MIN_WORDS`` words, in the first or second person or asking;
- the frame names how the message came: received, sent, DMed, a script, a transcript, an
  example, an inbox, "one person asked", "what not to do"...;
- the frame asks nothing itself ("Could I have 15 minutes?" makes it the learner's own).
"""

from __future__ import annotations

import re

MIN_WORDS = 4
"""Fewer quoted words than this are a phrase, not a message."""

_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{10,}?)[\"\u201d]")
_PERSON = re.compile(r"\b(?:i|i'm|i'd|i've|my|me|you|your|we|our|u|ur|ya)\b", re.IGNORECASE)
_LETTER_OPENS = re.compile(
    r"^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b", re.IGNORECASE
)
_HOW_IT_CAME = re.compile(
    r"\b(?:got|get|received|receiving|receive|getting|gets|arrived|came in|landed)\b"
    r"|\bcallers?\b|\bsaid:"
    r"|\b(?:sent|wrote|dm'?d|dmed|messaged|emailed|texted|left|pinged)\s+(?:me|us|my)\b"
    r"|\b(?:dms?|inmails?|inbox|voicemails?|transcripts?|scripts?|templates?|screenshots?)\b"
    r"|\b(?:example|sample|verbatim|redacted|anonymi[sz]ed|quoted|sharing|paraphrased|psa)\b"
    r"|\bscreenshot\w*|\b(?:what|how) not to\b|\bthe audacity\b"
    r"|\bcold (?:e-?mails?|messages?|dms?|notes?|inmails?|outreach|pitch(?:es)?)\b"
    r"|\bposted by\b|\b(?:hiring manager|recruiter|coach|founder)(?:'s)? (?:post|comment|thread)\b"
    r"|\b(?:original|draft|before|after)\s*:|\bsent folder\b|\bshared with (?:her|his|their) "
    r"(?:blessing|permission|consent)\b|\bmy (?:note|reply|comment|feedback) back\b"
    r"|\b(?:names?|details?|identifying details) (?:removed|blurred|changed|redacted)\b"
    r"|\b(?:this|that|the) (?:e-?mail|message|note|dm|inmail|text|letter|voicemail|pitch|"
    r"follow-?up|thank-?you(?: note)?)\b(?! (?:i|you) (?:sent|wrote))"
    r"|\b(?:option|version|variant)\s+[a-z0-9]\b|\b(?:you|me|caller|student)\s*:"
    r"|\b(?:someone|somebody|one person|a person|a student|a candidate|an applicant|"
    r"a job seeker|a stranger|a grad|this person|a new grad|one applicant)\s+"
    r"(?:sent|wrote|dm'?d|dmed|messaged|emailed|asked|texted|said|opened with)\b",
    re.IGNORECASE,
)


_OWN_ASK = re.compile(
    r"\b(?:could|can|may|might) (?:i|we)\b|\bwould you (?:have|be|mind)\b|\bminutes\b",
    re.IGNORECASE,
)
"""An ask in the frame itself ("Could I have 15 minutes?"): the text is the learner's own
message, quoting something, not a frame around one."""


def quoted_message(text: str) -> str | None:
    """``text`` with all but its quoted message blanked (same length), or None when the
    text is not a frame around a quoted message (see the module docstring)."""
    if '"' not in text and "\u201c" not in text:
        return None
    quotes = [m for m in _QUOTE.finditer(text) if len(m.group(1).split()) >= 3]
    if not quotes:
        return None
    inside = " ".join(m.group(1) for m in quotes)
    if len(inside.split()) < MIN_WORDS or not (_PERSON.search(inside) or "?" in inside):
        return None
    gaps = _gaps([(m.start(1), m.end(1)) for m in quotes], len(text))
    frame = " ".join(text[a:b] for a, b in gaps)
    if (
        _LETTER_OPENS.match(text[: quotes[0].start()])
        or not _HOW_IT_CAME.search(frame)
        or _OWN_ASK.search(frame)
    ):
        return None
    kept = list(text)
    for a, b in gaps:
        kept[a:b] = _blank(text[a:b])
    return "".join(kept)


def _gaps(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """The stretches of text outside the quoted spans (the frame), as (start, end)."""
    edges = [0] + [x for span in spans for x in span] + [size]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


def _blank(part: str) -> str:
    """Spaces for the frame, keeping its line breaks (paragraphs stay paragraphs)."""
    return re.sub(r"[^\n]", " ", part)
