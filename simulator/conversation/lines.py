"""Choosing what the persona says, without a UI: seeded, and never the same line twice.

Groups fall back along a chain (``answer_skills`` -> ``answer_other`` -> ``acknowledge``)
when a group is missing or used up. When every candidate has been said, the persona
says nothing new and the caller shows a narration instead of repeating itself.

A line is "the same" when its filled text was said before, in any group and any stage.
A line that echoes the one just said (shares a run of ``ECHO_WORDS`` words, such as
"what would be most useful") is taken only when nothing else in the group is left.
"""

from __future__ import annotations

import random
import re

from simulator.content.models import Persona
from simulator.conversation.identities import fill
from simulator.core.transcript import Transcript
from simulator.reading import Reading

FALLBACKS: dict[str, tuple[str, ...]] = {
    "answer_career_path": ("answer_other",),
    "answer_day_to_day": ("answer_other",),
    "answer_advice": ("answer_other",),
    "answer_industry": ("answer_other",),
    "answer_companies": ("answer_other",),
    "answer_skills": ("answer_other",),
    "answer_contacts": ("answer_other",),
    "answer_other": ("acknowledge",),
    "small_talk": ("acknowledge", "answer_other"),
    "call_check": ("acknowledge",),
    "call_logistics": ("acknowledge",),
    "googleable": ("acknowledge",),
    "deflect_salary": ("deflect_job",),
    "follow_up_accept": ("accept",),
    "follow_up_redirect": ("redirect",),
    "goodbye_warm": ("goodbye_cool",),
    "goodbye_cool": ("goodbye_warm",),
    "out_of_time": ("goodbye_cool",),
    "end_early": ("goodbye_cool",),
    "goodbye_interrupted": ("out_of_time", "goodbye_cool"),
    "thank_you_reply_warm": ("thank_you_reply_cool",),
    "thank_you_reply_cool": ("thank_you_reply_warm",),
}

STANDARD_GROUPS = (
    "accept",
    "redirect",
    "meeting_open",
    "answer_career_path",
    "answer_day_to_day",
    "answer_advice",
    "answer_industry",
    "answer_companies",
    "answer_skills",
    "answer_contacts",
    "answer_other",
    "acknowledge",
    "deflect_job",
    "deflect_salary",
    "googleable",
    "time_warning",
    "out_of_time",
    "end_early",
    "goodbye_warm",
    "goodbye_cool",
    "thank_you_reply_warm",
    "thank_you_reply_cool",
)
"""Groups the engine asks for; a persona should have most of them (the validator warns)."""

OPTIONAL_GROUPS = {
    "call_check": (
        'said to a line only about the call itself ("Can you hear me okay?", "Could you '
        'spell that?"); it earns no question credit; falls back to acknowledge'
    ),
    "call_logistics": (
        'said to a line only about the call\'s own clock or manners ("How long do we have?", '
        '"Mind if I take notes?"); it earns no question credit; falls back to acknowledge'
    ),
    "asks_for_resume": (
        "said after a warm wrap-up within the time when rapport is 70 or more; from then on "
        "sending or offering the resume is not a pitch"
    ),
}
"""Groups a persona may have to unlock behaviour; without them nothing happens."""

KIND_GROUPS = {
    "deflect_<kind>": "a meeting line that pitches or asks about pay, by kind (job_pitch, "
    "openings, application, resume, referral, salary, pay_range, or a scenario's own pitch "
    "signal id); falls back to deflect_job (pay to deflect_salary)",
    "redirect_<kind>": "an outreach redirected for a pitch of that kind; falls back to redirect",
    "follow_up_redirect_<kind>": "the same for a follow-up; falls back to follow_up_redirect",
    "answer_<topic>": "the answer to a question on a scenario's own topic; falls back to "
    "answer_other",
}
"""Optional groups by kind: a persona reacts differently to each kind of ask."""


class LinePicker:
    """Picks persona lines from groups with a seeded RNG, remembering what was said."""

    def __init__(self, persona: Persona, rng: random.Random, values: dict[str, object]) -> None:
        self.persona = persona
        self.rng = rng
        self.values = values
        self.used: set[tuple[str, int]] = set()
        self.said: set[str] = set()
        """Every filled line said so far, compared without case or punctuation."""
        self.last: str = ""
        """The line said just before (an echo of it is the last choice)."""
        self.avoid: tuple[str, ...] = ()

    def pick(self, group: str) -> tuple[str, str] | None:
        """Return (group actually used, filled line), or None when nothing new is left.

        ``avoid`` (set just before, used once): words a line must not contain for this
        occasion ("resume" when none was sent); ignored when every fresh line has one."""
        avoid, self.avoid = self.avoid, ()
        for candidate in self._chain(group):
            lines = self.persona.lines.get(candidate)
            if not lines:
                continue
            filled = {i: fill(line, self.values) for i, line in enumerate(lines)}
            fresh = [
                i
                for i in range(len(lines))
                if (candidate, i) not in self.used and _key(filled[i]) not in self.said
            ]
            if not fresh:
                continue
            fitting = [i for i in fresh if not _mentions(lines[i], avoid)]
            fresh = fitting or fresh
            quiet = [i for i in fresh if not echoes(filled[i], self.last)]
            fresh = quiet or fresh
            index = fresh[self.rng.randrange(len(fresh))]
            self.used.add((candidate, index))
            self.said.add(_key(filled[index]))
            self.last = filled[index]
            return candidate, filled[index]
        return None

    def _chain(self, group: str) -> list[str]:
        """The group and its fallbacks, in order."""
        return fallback_chain(group)


ECHO_WORDS = 4
"""Two lines sharing a run of this many words sound like the persona repeating itself."""
_WORD = re.compile(r"[a-z0-9']+")


def _key(line: str) -> str:
    return " ".join(_WORD.findall(line.lower()))


def _runs(line: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(line.lower())
    return {tuple(words[i : i + ECHO_WORDS]) for i in range(len(words) - ECHO_WORDS + 1)}


def echoes(line: str, previous: str) -> bool:
    """Whether ``line`` repeats a run of words from ``previous`` ("what would be most")."""
    return bool(previous) and bool(_runs(line) & _runs(previous))


def _mentions(line: str, words: tuple[str, ...]) -> bool:
    lowered = line.lower()
    return any(w in lowered for w in words)


def avoid_for(group: str, reading: Reading, transcript: Transcript) -> tuple[str, ...]:
    """What a reply must not claim, given the reasons for the decision.

    A redirect mentions a resume only when one was sent or offered, and "as before" only
    after an earlier redirect; a yes praises brevity only for a message that was short."""
    signals = set(reading.ids())
    redirected_before = any(t.data.get("reply") == "redirect" for t in transcript.turns)
    avoid: list[str] = []
    if group.startswith(("redirect", "follow_up_redirect")):
        if not signals & {"resume_attached", "resume_offered"}:
            avoid += ["resume"]
        if not redirected_before:
            avoid += ["as before"]
    if group in ("accept", "follow_up_accept"):
        if signals & {"long_message", "far_too_long", "no_intent"}:
            avoid += ["short", "brief"]
        if "resume_attached" in signals:
            avoid += ["no attachments"]
    return tuple(avoid)


KIND_FALLBACKS: tuple[tuple[str, str], ...] = (
    ("deflect_salary", "deflect_job"),
    ("deflect_pay_range", "deflect_salary"),
    ("deflect_", "deflect_job"),
    ("follow_up_redirect_", "follow_up_redirect"),
    ("redirect_", "redirect"),
    ("answer_", "answer_other"),
)
"""Groups by kind fall back to their general group: ``deflect_referral`` -> ``deflect_job``,
``redirect_openings`` -> ``redirect``, ``answer_<a scenario's topic>`` -> ``answer_other``."""


def fallback_chain(group: str) -> list[str]:
    """The groups tried, in order, when the persona is asked to say ``group``."""
    chain = [group]
    i = 0
    while i < len(chain):
        current = chain[i]
        nexts = FALLBACKS.get(current)
        if nexts is None:
            nexts = next(
                ((then,) for prefix, then in KIND_FALLBACKS if current.startswith(prefix)), ()
            )
        for nxt in nexts:
            if nxt not in chain:
                chain.append(nxt)
        i += 1
    return chain
