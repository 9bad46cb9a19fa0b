"""The persona's decision on a message, without a UI: one judgement, one place.

``simulator analyze`` and a live session both call these functions (``decide`` for an
outreach or follow-up, ``answer_group`` for a meeting line, ``thank_you_is_warm`` for the
note), so the draft checker can never disagree with what the persona does with the same
text. ``judge`` is the single entry for a whole text: a session, the app's draft check
and live hints, and ``analyze`` all call it, and ``reading_context`` is the one place a
reading context is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from simulator.conversation.inputs import DEFAULT_FOLLOW_UP_DAYS
from simulator.conversation.meters import Meters, apply, effect
from simulator.reading import (
    Context,
    Lexicon,
    Reading,
    read,
    scenario_lexicon,
    signal_words,
    standard_lexicon,
)
from simulator.reading.manner import echoes
from simulator.reading.questions import CALL_TOPIC, call_logistics
from simulator.reading.reader import is_pitch

if TYPE_CHECKING:  # read by attribute only: ``analyze`` judges without importing pydantic
    from simulator.content.models import Persona, Scenario

# Points an outreach earns; the persona accepts at ``temperament.accept_threshold``.
OUTREACH_POINTS: dict[str, int] = {
    "bounded_time_ask": 2,
    "acknowledges_busy": 1,
    "personalized": 1,
    "mutual_referral": 2,
    "clear_purpose": 1,
    "flexible_scheduling": 1,
    "open_ended_time_ask": -2,
    "long_time_ask": -2,
    "long_message": -2,
    "repeated_contact": -3,
    "name_drop": -1,
    "no_why_you": -1,
    "invented_referral": -3,
    "guilt_trip": -3,
    "big_ask": -3,
    "shouting": -3,
    "no_intent": -10,
}
NO_TIME_ASK_POINTS = -1
FOLLOW_UP_POINTS = 1
DEFAULT_MINUTES = 15
BOUNDED_MAX_MINUTES = 30
"""No persona reads an ask over 30 minutes as short (see reading/timeask.py)."""


@dataclass(frozen=True)
class Decision:
    """What the persona does with a message, with the reasons in plain words."""

    reply: str
    """``accept``, ``redirect`` or ``silence``."""
    minutes: int = 0
    points: int = 0
    threshold: int = 0
    reasons: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        return {
            "reply": self.reply,
            "minutes": self.minutes,
            "points": self.points,
            "threshold": self.threshold,
            "reasons": list(self.reasons),
        }


def decide(
    reading: Reading,
    persona: Persona,
    *,
    max_minutes: int = 20,
    follow_up: bool = False,
    days_since_first: int | None = None,
) -> Decision:
    """Decide accept / redirect / silence for an outreach or follow-up reading."""
    temperament = persona.temperament
    reasons: list[str] = []
    pitches = list({s.id: s for s in reversed(reading.signals) if is_pitch(s)}.values())[::-1]
    if pitches:
        for signal in pitches:
            reasons.append(f"{signal_words(signal.id)}: \u201c{signal.quote}\u201d")
        return Decision(
            temperament.on_pitch, 0, -10, temperament.accept_threshold, tuple(_unique(reasons))
        )
    points = 0
    seen: set[str] = set()
    for signal in reading.signals:
        value = OUTREACH_POINTS.get(signal.id)
        if value is None or signal.id in seen:
            continue
        seen.add(signal.id)
        points += value
        reasons.append(f"{value:+d} {signal_words(signal.id)}: \u201c{_short(signal.quote)}\u201d")
    if reading.time_ask is None:
        points += NO_TIME_ASK_POINTS
        reasons.append(f"{NO_TIME_ASK_POINTS:+d} no clear ask for a short, named amount of time")
    if follow_up:
        if days_since_first is not None and days_since_first < temperament.min_follow_up_days:
            points -= 3
            reasons.append(
                f"-3 follow-up after {days_since_first} days is sooner than "
                f"{temperament.min_follow_up_days} days: it reads as pushy"
            )
        else:
            points += FOLLOW_UP_POINTS
            reasons.append(f"{FOLLOW_UP_POINTS:+d} a single, patient follow-up")
    threshold = temperament.accept_threshold
    if points >= threshold:
        asked = reading.time_ask.minutes if reading.time_ask else None
        minutes = min(asked or DEFAULT_MINUTES, temperament.max_minutes, max_minutes)
        reasons.append(f"{points} points reach this persona's bar of {threshold}: a yes")
        return Decision("accept", minutes, points, threshold, tuple(reasons))
    reasons.append(f"{points} points fall short of this persona's bar of {threshold}: no reply")
    return Decision("silence", 0, points, threshold, tuple(reasons))


def _short(quote: str, limit: int = 60) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= limit else quote[: limit - 1] + "\u2026"


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


DEFLECTING_TOPICS = {"pitch": "deflect_job", "salary": "deflect_salary", "googleable": "googleable"}


ANSWER_TOPICS = ("career_path", "day_to_day", "advice", "industry", "companies", "skills")
"""Topics with an ``answer_<topic>`` group whose question signal is ``question_<topic>``."""


def answered_topic(reading: Reading) -> str | None:
    """The topic the persona answers: what the question itself asks about.

    The reader's topic is the whole line's. When a line tells a story before it asks ("I
    ran the night shift for years; which skills carry over?"), a topic found in the
    question wins over one found only in the story, so the answer fits the question."""
    topic = reading.topic
    if topic not in ANSWER_TOPICS:
        return topic
    asked = [
        s
        for s in reading.signals
        if s.part == "body"
        and s.id.removeprefix("question_") in ANSWER_TOPICS
        and _in_a_question(reading.text, s.start)
    ]
    if not asked or any(s.id == f"question_{topic}" for s in asked):
        return topic
    return min(asked, key=lambda s: s.start).id.removeprefix("question_")


def _in_a_question(text: str, at: int) -> bool:
    """Whether position ``at`` of ``text`` lies in a sentence that ends with "?"."""
    ends = [text.find(ch, at) for ch in ".!?;\n"]
    found = [e for e in ends if e != -1]
    return bool(found) and text[min(found)] == "?"


REACTION_KINDS: dict[str, str] = {
    "job_pitch": "job_pitch",
    "asks_about_openings": "openings",
    "bypass_application": "application",
    "resume_attached": "resume",
    "resume_offered": "resume",
    "referral_for_role": "referral",
    "question_salary": "salary",
    "question_pay_range": "pay_range",
}
"""The kind of a pitch or pay question, naming its own line groups (``deflect_<kind>`` in
the meeting, ``redirect_<kind>`` for an outreach); a scenario's own signal is its own kind.
Each group falls back to the general one (see lines.FALLBACKS)."""


def reaction_kind(reading: Reading) -> str | None:
    """The kind of the first pitch (or, in a meeting, pay question) in a reading."""
    for signal in reading.signals:
        if is_pitch(signal):
            return REACTION_KINDS.get(signal.id, signal.id)
    for signal in reading.signals:
        if signal.id in ("question_salary", "question_pay_range"):
            return REACTION_KINDS[signal.id]
    return None


def redirect_group(reading: Reading, *, follow_up: bool) -> str:
    """The line group for redirecting an outreach: by the kind of pitch when there is one."""
    base = "follow_up_redirect" if follow_up else "redirect"
    kind = reaction_kind(reading)
    return f"{base}_{kind}" if kind and kind not in ("salary", "pay_range") else base


def answer_group(reading: Reading) -> str:
    """The persona line group that answers a meeting line (topic answer or deflection)."""
    topic = answered_topic(reading)
    if topic in ("pitch", "salary"):
        kind = reaction_kind(reading)
        return f"deflect_{kind}" if kind else DEFLECTING_TOPICS[topic]
    if topic in DEFLECTING_TOPICS:
        return DEFLECTING_TOPICS[topic]
    if topic == CALL_TOPIC:
        return "call_logistics" if call_logistics(reading.text) else "call_check"
    if topic:
        return f"answer_{topic}"
    return "answer_other" if reading.is_question else "small_talk"


def thank_you_is_warm(reading: Reading, rapport: int, warm_at: int) -> bool:
    """Whether the persona answers a thank-you note warmly (rapport at ``warm_at`` or more)."""
    return rapport >= warm_at and not reading.negatives()


def decide_line(reading: Reading) -> Decision:
    """A meeting line: answered (accept) or deflected (redirect), with the reason."""
    group = answer_group(reading)
    if group.startswith("deflect_") or group == "googleable":
        why = {
            "pitch": "reads as asking for a job: the persona steers back to advice",
            "salary": "asks about pay: the persona sidesteps it",
            "googleable": "a web search answers this: the persona says so, a little tired",
        }[str(reading.topic)]
        quotes = [f"\u201c{_short(s.quote)}\u201d" for s in reading.negatives()[:2]]
        return Decision("redirect", reasons=(why, *quotes))
    topic = answered_topic(reading)
    if topic == CALL_TOPIC:
        return Decision("accept", reasons=("about the call itself: a short reply, no credit",))
    if topic:
        label = topic.replace("_", " ")
        reasons = [f"an ordinary question about {label}: answered"]
        pay = [s for s in reading.signals if s.id in ("question_salary", "question_pay_range")]
        if pay:  # "How did you make the move? Did your pay take a hit?"
            quote = _short(pay[0].quote)
            reasons.append(f"the pay part (\u201c{quote}\u201d) is left aside, and costs")
        return Decision("accept", reasons=tuple(reasons))
    return Decision("accept", reasons=("no topic the persona recognises: a short reply",))


def decide_thank_you(reading: Reading, rapport: int, warm_at: int) -> Decision:
    """A thank-you note: a warm reply (accept) or a polite, cool one (redirect)."""
    if thank_you_is_warm(reading, rapport, warm_at):
        return Decision("accept", reasons=("a clean, friendly note gets a warm reply",))
    reasons = [
        f"{s.id.replace('_', ' ')}: \u201c{_short(s.quote)}\u201d" for s in reading.negatives()
    ]
    if not reasons:
        reasons = [f"rapport {rapport} is below {warm_at}: a polite, short reply"]
    return Decision("redirect", reasons=tuple(reasons))


@dataclass(frozen=True)
class Judgement:
    """What the draft checker reports: the reading and the persona's decision on it."""

    reading: Reading
    decision: Decision
    context: Context


_KIND_WORDS = (
    ("cover_letter", ("cover letter", "coverletter", "cover-letter", "cover_letter")),
    ("resume", ("resume", "résumé")),
    ("cv", ("cv", "curriculum vitae", "curriculum")),
    ("portfolio", ("portfolio",)),
    ("transcript", ("transcript",)),
    ("writing_sample", ("writing sample", "writing-sample", "writing_sample")),
)


def attachment_kind(name: str, declared: dict[str, str] | None = None) -> str:
    """What an attached file is: its declared kind, else read from its name."""
    if declared and name in declared:
        return declared[name]
    lowered = name.lower()
    words = re.split(r"[^a-zé]+", lowered)
    for kind, cues in _KIND_WORDS:
        for cue in cues:
            if (" " in cue or "-" in cue or "_" in cue) and cue in lowered:
                return kind
            if cue in words or (len(cue) > 3 and cue in lowered):
                return kind
    return "other"


def pitch_files(
    attachments: tuple[str, ...], persona: Persona, scenario: Scenario | None = None
) -> tuple[str, ...]:
    """The attachments this persona reads as a pitch (its ``temperament.pitch_files``)."""
    declared = scenario.learner.file_kinds() if scenario else {}
    kinds = set(persona.temperament.pitch_files)
    return tuple(a for a in attachments if attachment_kind(a, declared) in kinds)


def bounded_limit(persona: Persona) -> int:
    """The longest ask that reads as short to this persona: its ``max_minutes`` (at most 30)."""
    return min(BOUNDED_MAX_MINUTES, persona.temperament.max_minutes)


def reading_context(
    persona: Persona,
    scenario: Scenario | None = None,
    attachments: tuple[str, ...] = (),
    *,
    resume_requested: bool = False,
    prior_messages: int = 0,
    days_since_last: int | None = None,
    text: str = "",
    subject: str = "",
) -> Context:
    """The reading context of a learner text: the one place it is built.

    A session, the app's live hints and draft check, ``analyze`` and the grader's replay
    all get their context from here (through ``judge``), so they read a text alike.
    """
    outreach = scenario.stages.outreach if scenario else None
    referred = scenario.facts.referred_by if scenario else None
    return Context(
        referrers=None if referred is None else tuple(referred),
        attachments=attachments,
        resume_requested=resume_requested,
        prior_messages=prior_messages,
        days_since_last=days_since_last,
        max_words=persona.temperament.max_words,
        max_chars=outreach.max_chars if outreach else None,
        echoes=bool(text) and echoes(text, persona_words(persona, scenario)),
        subject=subject,
        bounded_minutes=bounded_limit(persona),
        pitch_files=pitch_files(attachments, persona, scenario),
        channel=outreach.channel if outreach else "",
    )


_WORDS_CACHE: dict[tuple[int, int], tuple[object, object, tuple[str, ...]]] = {}


def persona_words(persona: Persona, scenario: Scenario | None) -> tuple[str, ...]:
    """Everything the persona says or the learner is shown about them, to spot a paste."""
    key = (id(persona), id(scenario))
    hit = _WORDS_CACHE.get(key)
    if hit is not None and hit[0] is persona and hit[1] is scenario:
        return hit[2]
    texts = [persona.archetype, persona.season, persona.backstory, *persona.on_their_plate]
    texts += [*persona.advice, *(line for group in persona.lines.values() for line in group)]
    if scenario is not None:
        texts.append(scenario.brief)
        if scenario.stages.thank_you:
            texts.append(scenario.stages.thank_you.recap)
    words = tuple(t for t in texts if t)
    if len(_WORDS_CACHE) > 64:
        _WORDS_CACHE.clear()
    _WORDS_CACHE[key] = (persona, scenario, words)  # the objects too: an id can be reused
    return words


def judge(
    text: str,
    stage: str,
    persona: Persona,
    scenario: Scenario | None = None,
    *,
    attachments: tuple[str, ...] = (),
    resume_requested: bool = False,
    follow_ups: int = 1,
    after_days: int | None = None,
    rapport: int | None = None,
    lexicon: Lexicon | None = None,
    subject: str = "",
) -> Judgement:
    """Read a text sent at ``stage`` and decide as the persona does in a session.

    ``stage`` is what the learner sends: ``outreach``, ``follow_up``, ``meeting`` or
    ``thank_you``. An outreach in a scenario with an earlier unanswered message is read
    as a follow-up. ``follow_ups`` and ``after_days``: which follow-up this is and how
    many days after the first message it goes out (default: a week). ``rapport``: the
    persona's rapport when a thank-you arrives (default: where it starts, as in a session
    that opens with the note); the note's own effect on rapport counts, as in a session.
    ``subject``: an email's subject line, read as part of the message.
    """
    lexicon = lexicon or (scenario_lexicon(scenario) if scenario else standard_lexicon())
    outreach = scenario.stages.outreach if scenario else None
    previous = outreach.previous if outreach else None
    prior, days = 0, None
    read_as = stage
    if stage == "outreach" and previous is not None:
        read_as, prior, days = "follow_up", 1, previous.days_ago
    elif stage == "follow_up":
        prior = follow_ups
        days = DEFAULT_FOLLOW_UP_DAYS if after_days is None else after_days
    context = reading_context(
        persona,
        scenario,
        attachments if stage == "outreach" else (),
        resume_requested=resume_requested,
        prior_messages=prior,
        days_since_last=days,
        text=text,
        subject=subject,
    )
    reading = read(text, read_as, context, lexicon)
    match stage:
        case "outreach" | "follow_up":
            meeting = scenario.stages.meeting if scenario else None
            decision = decide(
                reading,
                persona,
                max_minutes=meeting.minutes if meeting else persona.temperament.max_minutes,
                follow_up=read_as == "follow_up",
                days_since_first=days,
            )
        case "meeting":
            decision = decide_line(reading)
        case _:
            warm_at = persona.temperament.warm_thank_you_rapport
            start = persona.meters.rapport if rapport is None else rapport
            before = Meters(persona.meters.patience, start)
            after = apply(before, effect(reading, persona, meeting=False)).rapport
            decision = decide_thank_you(reading, after, warm_at)
    return Judgement(reading, decision, context)
