"""The name a learner signed, without a UI: read from the sign-off of their own message.

A persona calls the learner by the name under "Best," (or "Thanks, Priya", "- Priya"),
never by a name it made up. Only the learner's own words count: quoted replies (``>``
lines) are skipped, and a line counts as a name only when every word looks like one
(a capital, then letters; no title such as "Dr." or suffix such as "PhD" is kept).
Nothing is guessed: a message without a recognisable signature gives ``None``.
"""

from __future__ import annotations

import re

from simulator.conversation.identities import TITLES

_SIGN_OFF = re.compile(
    r"^(?:best(?: regards| wishes)?|kind regards|warm regards|warmly|regards|sincerely|"
    r"yours(?: sincerely| truly)?|cheers|thanks(?: again| so much| very much)?|thank you|"
    r"many thanks|with thanks|with gratitude|gratefully|respectfully|all the best|"
    r"take care|talk soon|cordially|warm wishes)\b[\s,.!:;\u2014\u2013-]*",
    re.IGNORECASE,
)
"""A sign-off, with whatever punctuation follows it ("Best," "Thanks!" "Cheers -")."""
_DASH = re.compile(r"^[\u2014\u2013~-]+\s*")
"""An em dash, en dash, tilde or hyphen before a name: "- Priya", "\u2014 Priya Raman"."""
_SENTENCE_END = re.compile(r"[.!?]\s+")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'\u2019-]*(?:['\u2019-][^\W\d_]+)*$")
"""A word of a name: letters, with inner hyphens or apostrophes (Anne-Marie, O'Neil)."""
_NOT_NAMES = frozenset(
    re.findall(
        r"\w+",
        "hi hello hey dear thanks thank best regards cheers sincerely yours warmly sent from "
        "my the a an and or to of for with in on at i we you looking forward again soon "
        "talk care all many kind warm take have good great please appreciate appreciated "
        "hr operations manager coordinator student analyst recruiter linkedin email phone "
        "sure ok okay yes no bye anyway later ciao p ps cc",
    )
)
"""Words that end a message without being anyone's name."""
_ASIDE = re.compile(r"\([^)]{0,40}\)")
"""A bracketed aside after a name: "(she/her)", "(Priya)"."""
MAX_NAME_WORDS = 3
SIGNATURE_LINES = 3
"""How many lines under a sign-off may hold the name (a blank line or two is allowed)."""


def signed_name(text: str) -> str | None:
    """The name the learner signed ``text`` with ("Priya Raman"), or None.

    Looked for, last first: a name on the line of a sign-off ("Thanks, Priya"), the first
    line under the last sign-off ("Best,\\nPriya Raman\\nOperations"), a dashed name on
    the last line ("- Priya"), or a last line that is nothing but a name."""
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    lines = [line for line in lines if not line.startswith(">")]
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return None
    for i in range(len(lines) - 1, max(-1, len(lines) - 9), -1):
        match = _SIGN_OFF.match(lines[i])
        if match is None:
            continue
        rest = lines[i][match.end() :]
        if rest:
            named = _as_name(rest)
            if named:
                return named
            continue  # "Thanks for your time." is a sentence, not a sign-off
        under = [line for line in lines[i + 1 : i + 1 + SIGNATURE_LINES] if line]
        return _as_name(under[0]) if under else None
    last = lines[-1]
    dashed = _DASH.match(last)
    if dashed:
        return _as_name(last[dashed.end() :])
    for end in _SENTENCE_END.finditer(last):
        # A one-line note signs off at its end: "... 15 minutes? Thanks, Priya"
        tail = last[end.end() :]
        match = _SIGN_OFF.match(tail) or _DASH.match(tail)
        named = _as_name(tail[match.end() :]) if match else None
        if named:
            return named
    if len(lines) < 2 or not lines[-2].endswith((".", "!", "?", ",")):
        return None  # a name alone follows a finished sentence, not a wrapped line
    return _as_name(last)


def _as_name(line: str) -> str | None:
    """``line`` as a person's name (titles and suffixes dropped), or None if it is not one."""
    # The name comes first: "Priya Raman, PhD", "Priya Raman | Operations", "Priya - Acme".
    line = _ASIDE.sub(" ", line).split("|")[0].split(" - ")[0].split(",")[0]
    words = [w.strip(".;:") for w in line.strip().strip(".;:!").split()]
    titled = [w for w in words if w.lower() in TITLES]
    words = [w for w in words if w and w.lower() not in TITLES]
    if not 1 <= len(words) <= MAX_NAME_WORDS or (titled and len(words) == 1):
        return None  # "Dr. Raman" leaves a family name only: no first name to use
    for word in words:
        if len(word) > 30 or not _NAME_WORD.match(word) or not word[0].isupper():
            return None
        if not any(c.islower() for c in word) and len(word) > 1:
            return None  # "HR", "PMP": capitals only are initials or acronyms, not names
        if word.lower() in _NOT_NAMES:
            return None
    return " ".join(words)


def first_name(name: str) -> str:
    """The first word of a name ("Priya" of "Priya Raman"), or "" for no name."""
    parts = name.split()
    return parts[0] if parts else ""


def adopt_signed_name(values: dict[str, object], body: str) -> dict[str, str]:
    """Address the learner by the name ``body`` is signed with, from now on.

    Updates the line ``values`` (``learner_name``, ``learner_first``) and returns what the
    learner's turn records (``signed_as``), so a transcript shows which name the persona's
    later lines use; nothing changes for an unsigned message."""
    name = signed_name(body)
    if not name:
        return {}
    values["learner_name"] = name
    values["learner_first"] = first_name(name)
    return {"signed_as": name}
