"""Email-aware segmentation, without a UI: what of a pasted message is the learner's prose.

``prepare`` returns a copy of the text **of the same length**, so every span the reader
finds still cuts the learner's own words out of the original:

- a hard line break inside a paragraph (a mail client wrapping at 72-80 columns, a YAML
  block) becomes a space; blank lines, bullets, a greeting line, a sign-off and short
  lines that end a thought keep their break, so paragraphs stay paragraphs;
- quoted replies (``>`` lines) and the "On Monday, X wrote:" line above them are blanked:
  those are someone else's words, not the learner's;
- the signature under a sign-off ("Best,\\nDana Reyes\\nAnalyst | dana@x.com") is blanked,
  except a line that says the sender is job hunting ("Open to new roles", "Resume:
  dana.me/cv"): that line is the learner's pitch, however small the type;
- template placeholders (``{name}``, ``[Company]``, ``$COMPANY``, ``**Founder**``) lose
  their brackets and capitals, so "join [Company]" reads as "join  company " would.

``sentences`` cuts the prepared text into sentence spans for the intent model.
"""

from __future__ import annotations

import re

from simulator.reading.posted import quoted_message

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa>]|\d{1,2}[.)]|[a-z][.)])\s+")
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|hiya)\b"
    r"(?:[^.!?\n]{0,60}[,:!]|(?:\W+\w+){0,3}\W*)\s*$",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^\s*(?:best|best regards|kind regards|warm regards|warmly|regards|sincerely|"
    r"yours(?: sincerely| truly)?|cheers|thanks|thank you|many thanks|thanks again|"
    r"thanks so much|with thanks|with gratitude|gratefully|respectfully|all the best|"
    r"take care|talk soon|cordially|best wishes)\s*[,.!-]*\s*$",
    re.IGNORECASE,
)
_WROTE = re.compile(r"^\s*on .{4,120}\bwrote:\s*$", re.IGNORECASE)
_PROSE = re.compile(r"^\s*(?:p\.?\s?s\b|ps:)", re.IGNORECASE)
_SUBJECT = re.compile(r"^\s*(?:subject|re|fwd?)\s*:", re.IGNORECASE)
_PLACEHOLDER = re.compile(
    r"\{\{?\s*([A-Za-z][\w .'/-]{0,40}?)\s*\}?\}"
    r"|\[([A-Za-z][\w .'/&-]{0,40})\]"
    r"|<([A-Za-z][\w .'/-]{0,30})>"
    r"|\$([A-Z][A-Z_]{2,30})\b"
    r"|\*\*([^*\n]{1,40})\*\*"
)
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\]]|$)|\n|;")
_ABBREVIATION = re.compile(
    r"(?:\b(?:mr|ms|mrs|dr|prof|st|sr|jr|vs|approx|dept|no)|\be\.g|\bi\.e)$", re.IGNORECASE
)
RESUME_ATTACHED = re.compile(r"\b(?:resume|cv|portfolio|lookbook|reel)\s+attached\b", re.I)
"""A resume, portfolio or reel said to be attached ("Lookbook attached")."""
FROM_MONTH = (
    r"from (?:early |mid-?|late )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
)
"""A start named by its month ("from June", "from early Sept"): a job hunter's availability
in a signature line or a subject."""
_SEEKING = re.compile(
    r"\b(?:open|available)\s+(?:to|for)\s+(?:[\w&/-]+\s+){0,3}?"
    r"(?:work|roles?|positions?|opportunit\w+|offers?|jobs?|gigs?|contracts?|hire|internships?|"
    r"placements?|externships?|practicums?)\b|#?opentowork"
    r"|\b(?:seeking|looking\s+for|searching\s+for|hunting\s+for|on\s+the\s+hunt\s+for|pursuing|"
    r"on\s+the\s+lookout\s+for|in\s+the\s+market\s+for)\s+(?:[\w&/-]+\s+){0,5}?"
    r"(?:roles?|positions?|opportunit\w+|employment|work|jobs?|gigs?|internships?|posts?|"
    r"placements?|apprenticeships?|traineeships?|externships?|practicums?|vacanc(?:y|ies))\b"
    r"|\bjob[\s-]hunting\b"
    # "Hoping to join an ECMO team in 2027", "Transitioning to civilian PM roles"
    r"|\b(?:hoping|looking|aiming|keen|eager|planning)\s+to\s+(?:join|work\s+(?:at|for|in|on))\b"
    r"|\btransitioning\s+(?:in)?to\s+(?:[\w&/-]+\s+){0,4}?(?:roles?|positions?|jobs?|work)\b"
    # "actively interviewing", "on the industry job market, 2027", "...is taking trainees!"
    r"|\bactively\s+interviewing\b|\bon\s+the\s+(?:[\w-]+\s+)?job\s+market\b"
    # a student in their field's recruiting: "Recruiting for SA 2027", "Seeking rotational programs"
    r"|\brecruiting\s+(?:for|in)\s+(?:[\w&/-]+\s+){0,3}?(?:sa|ft|summer|full[\s-]time|"
    r"internships?|ib|banking|consulting|20\d\d)\b"
    r"|\b(?:seeking|looking\s+for|searching\s+for)\s+(?:[\w&/-]+\s+){0,3}?(?:rotational|analyst|"
    r"associate|trainee|new[\s-]grad|graduate|leadership\s+development)\s+(?:programs?|programmes?|"
    r"schemes?|residenc(?:y|ies))\b"
    r"|\btaking\s+(?:on\s+)?(?:trainees|apprentices|interns|new\s+grads|juniors)\b"
    r"|\b(?:resume|r\u00e9sum\u00e9|cv|references)\s+(?:available|on\s+request|upon\s+request)\b"
    rf"|\bavailable (?:{FROM_MONTH}|immediately|now|to start)\b"
    r"|\b(?:resume|résumé|cv)\s*[:@]|[/.](?:resume|cv)\b"
    rf"|{RESUME_ATTACHED.pattern}",
    re.IGNORECASE,
)
"""A signature line that says the sender is job hunting, or links a resume."""
SIGNATURE_LINES = 6
"""At most this many short lines under a sign-off are read as a signature."""


def prepare(text: str) -> str:
    """The text as the reader reads it: same length, wraps undone, quotes and signature
    blanked, placeholders neutralised (see the module docstring)."""
    text = text.replace("\r", " ")
    text = quoted_message(text) or text
    lines = text.split("\n")
    keep = [False] * len(lines)
    """Whether the break after line i is a real break."""
    blank = [not line.strip() for line in lines]
    for i, line in enumerate(lines):
        if line.lstrip().startswith(">") or _WROTE.match(line):
            lines[i] = " " * len(line)
            blank[i] = True
    _blank_signature(lines, blank)
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        keep[i] = (
            blank[i]
            or (i + 1 < len(lines) and blank[i + 1])
            or frame_line(line)
            or bool(_BULLET.match(nxt) or _SIGN_OFF.match(nxt))
        )
    out = "".join(line + ("\n" if keep[i] else " ") for i, line in enumerate(lines))[:-1]
    return _PLACEHOLDER.sub(_neutral, out)


def frame_line(line: str) -> bool:
    """Whether a line is the frame of a message (its subject, greeting or sign-off), not
    its prose: the break after it is real, and nothing is missing from it."""
    return bool(_GREETING.match(line) or _SIGN_OFF.match(line) or _SUBJECT.match(line))


def _blank_signature(lines: list[str], blank: list[bool]) -> list[int]:
    """Blank the short lines under the last sign-off (name, title, phone, links); return
    the signature's lines that say the sender is job hunting, which stay."""
    for i in range(len(lines) - 1, -1, -1):
        if _SIGN_OFF.match(lines[i]):
            rest: list[int] = []
            status: list[int] = []
            for j in range(i + 1, len(lines)):
                if _PROSE.match(lines[j]) or not _short_line(lines[j]):
                    break  # a P.S. or a real sentence is still the learner's words
                if not blank[j]:
                    (status if _SEEKING.search(lines[j]) else rest).append(j)
            if len(rest) + len(status) > SIGNATURE_LINES:
                return []
            for j in rest:
                lines[j] = " " * len(lines[j])
                blank[j] = True
            return status
        if not blank[i] and len(lines) - i > SIGNATURE_LINES + 2:
            return []
    return []


def _short_line(line: str) -> bool:
    """Whether a line is short enough for a signature: a few words, fields split by "|",
    or a dozen words split by a dash ("Classroom teacher moving to L&D - available from
    June"), or a status line of up to 14 words ("Looking for hospital pharmacy positions in
    the Tri-County area")."""
    size = len(line.split())
    return (
        size <= 8
        or "|" in line
        or (size <= 12 and bool(_DASHED.search(line)))
        or (size <= 14 and bool(_SEEKING.search(line)) and not _SENTENCE_LIKE.search(line))
    )


_SENTENCE_LIKE = re.compile(r"[?!]\s*$|\bi\b|\bi'|\bnot\b|n't\b|\bp\.?\s?s\b", re.IGNORECASE)
"""What a longer status line never has: a question, the word "I", a denial, a "P.S."."""


_DASHED = re.compile(r"\s[-\u2013\u2014]\s")


def job_hunting_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the signature lines that say the sender is job hunting or link a resume
    ("Open to camera roles", "Resume: kim.dev/cv"): a status, not prose, so the reader
    reports it as such rather than asking the lexicon to read a sentence that has no
    subject. With no sign-off line, the message's last lines count when they look like a
    status (a few words, fields split by "|", or a dozen words split by " - "): "...hear
    how you did it? Best, Sam" then "Ops coordinator | Open to HR roles"."""
    lines = text.replace("\r", " ").split("\n")
    blank = [not line.strip() or line.lstrip().startswith(">") for line in lines]
    offsets, at = [], 0
    for line in lines:
        offsets.append(at)
        at += len(line) + 1
    status = _blank_signature(lines, blank)
    if not status and not any(_SIGN_OFF.match(line) for line in lines):
        status = _status_tail(lines, blank)
    return [(offsets[j], offsets[j] + len(lines[j])) for j in status]


def _status_tail(lines: list[str], blank: list[bool]) -> list[int]:
    """The last non-blank lines (at most three) that read as a status, not a sentence."""
    found: list[int] = []
    seen = 0
    for j in range(len(lines) - 1, 0, -1):
        if blank[j]:
            continue
        seen += 1
        line = lines[j]
        short = _short_line(line)
        if short and not line.rstrip().endswith((".", "?", "!")) and _SEEKING.search(line):
            found.append(j)
        if seen == 3:
            break
    return sorted(found)


def _neutral(match: re.Match[str]) -> str:
    whole = match.group(0)
    inner = next(g for g in match.groups() if g is not None)
    at = whole.index(inner)
    word = inner.replace("_", " ").lower()
    return " " * at + word + " " * (len(whole) - at - len(inner))


def sentences(prepared: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of a prepared text, whitespace trimmed, empty ones left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(prepared):
        at = match.start()  # an abbreviation just before the dot (not the whole text again)
        if match.group() == "." and _ABBREVIATION.search(prepared, max(0, at - 10), at):
            continue
        _add_span(prepared, start, match.end(), spans)
        start = match.end()
    _add_span(prepared, start, len(prepared), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and (text[start].isspace() or text[start] in ".;"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if any(ch.isalpha() for ch in text[start:end]):
        spans.append((start, end))
