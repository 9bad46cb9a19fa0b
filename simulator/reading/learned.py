"""Model findings, without a UI: the intent model's sentences turned into lexicon signals.

The lexicon reads first. Then, per sentence, the intent model (``intents.py``) says what
else the sentence does; each intent maps to an existing signal id (pitch intents to the
pitch signals, ``why_them`` to ``personalized``, ``learning_goal`` to ``clear_purpose``,
question intents to the question signals...), so the rule, tip and rewrite still come
from the lexicon. A model finding:

- quotes its whole sentence, with the exact span, and names the words that weighed most;
- for a pitch, obeys the rules of ``pitches.py`` (a word that means something, not advice
  in general, not the learner's own side hiring), and is its own finding for each kind of
  pitch the sentence or message carries;
- is dropped when the lexicon already found that signal (or, for a question, any
  question; for a pitch, that kind of pitch) in the same sentence;
- obeys the same scope rules as a phrase, looked up at its strongest word: a negation
  before it (for problems), a counterfactual, reported advice (for problems) or a
  quotation cancels it;
- only counts at the stages where its signal means something (topics in the meeting,
  why-them and purpose before it, no time ask in a thank-you).
"""

from __future__ import annotations

import re

from simulator.reading.english import FUNCTION_WORDS
from simulator.reading.features import features, tokens
from simulator.reading.intents import PITCH, Intent, IntentModel, load_model
from simulator.reading.no_post import school_reference
from simulator.reading.pitches import (
    SUBS,
    Finding,
    has_pitch,
    is_pitch_id,
    make_finding,
    other_kinds,
    pitch_signal,
    rest_of_message,
    sentence_pitch,
)
from simulator.reading.questions import LIST_MARK, asks
from simulator.reading.scope import Scope
from simulator.reading.segment import sentences
from simulator.reading.timeask import DURATION_IDS

EARLY = ("outreach", "follow_up")
ANY = ("outreach", "follow_up", "meeting", "thank_you")
SIGNAL_OF: dict[str, tuple[str, tuple[str, ...]]] = {
    "time_open": ("open_ended_time_ask", EARLY),
    "time_ask": ("open_ended_time_ask", EARLY),
    "why_them": ("personalized", EARLY),
    "learning_goal": ("clear_purpose", EARLY),
    "gratitude": ("gratitude", ANY),
    "ack_busy": ("acknowledges_busy", ANY),
    "contacts_ask": ("asks_for_contacts", ("meeting", "thank_you", *EARLY)),
    "repeated_contact": ("repeated_contact", EARLY),
    "name_drop": ("name_drop", (*EARLY, "meeting")),
    "big_ask": ("big_ask", ANY),
    "guilt_trip": ("guilt_trip", EARLY),
    "q_career_path": ("question_career_path", ("meeting",)),
    "q_day_to_day": ("question_day_to_day", ("meeting",)),
    "q_advice": ("question_advice", ("meeting",)),
    "q_industry": ("question_industry", ("meeting",)),
    "q_companies": ("question_companies", ("meeting",)),
    "q_skills": ("question_skills", ("meeting",)),
    "q_googleable": ("question_googleable", ("meeting",)),
    "q_salary": ("question_salary", ("meeting",)),
}
"""Model intent -> (signal id, stages where it counts). Pitch intents are mapped below."""
_PROBLEMS = ("time_open", "time_ask", "repeated_contact", "name_drop", "big_ask", "guilt_trip")
"""Intents that cost the learner: read sentence by sentence only, never from a whole
message's faint hints summed ("following up in case it got buried" is no stack of calls)."""
TOPIC_FLOOR = 0.08
"""The least confidence at which a meeting line's likeliest topic is taken (chosen on the
writer-held-out split: it maps more learning questions without reading pitches as topics,
since a pitch always wins over a topic)."""
SAID_FLOOR = 0.2
"""A pitch the whole message carries must also be said somewhere: one of its sentences,
read alone, must score at least this for a pitch. Features summed across sentences can add
up to a pitch no sentence makes ("you've been my parents' adviser for years" + "I'm now a
finance major"); on the earlier blind sets, now tuned on, every such whole-message pitch
whose best sentence scored under 0.2 was a clean message but one."""
_NOT_OPEN = re.compile(
    r"\b(?:\d+|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|sixty|quarter|half|"
    r"couple of|few)\b[\w\s-]{0,12}?\b(?:mins?|minutes?|hours?|hrs?|days?|mornings?|"
    r"afternoons?|evenings?|shifts?)\b"
    r"|\b(?:by|over|via|through) (?:e-?mail|text|message|linkedin)\b|\bin writing\b|"
    r"\b(?:a few|a couple of) lines\b|\bwritten\b",
    re.IGNORECASE,
)
"""A sentence the model reads as asking for time that names a length of time the duration
reader did not take ("those 25 minutes", "a day") or asks only for written answers: no
open-ended ask (the length is the ask's, and written answers cost no meeting)."""
_COSTLY = {"q_salary": 0.6, "q_googleable": 0.6}
"""A topic that costs the learner needs the model more sure than not."""
_MINE = re.compile(
    r"\bmy\b.{0,40}\b(?:roles?|positions?|postings?|openings?|applications?|candidacy|"
    r"referrals?|mentor|shadow)\b"
    r"|\b(?:point|refer|connect|introduce|put|route|consider|recommend|hire|mentor)\s+me\b",
    re.IGNORECASE,
)
"""The learner's own job hunt in a question: no model topic credits it."""


def model_findings(
    prepared: str, scope: Scope, stage: str, taken: list[tuple[str, int, int]]
) -> list[Finding]:
    """What the intent model adds to the lexicon's signals (``taken``: id, start, end):
    first sentence by sentence, then for the whole message (the union of its sentences'
    features, at the thresholds chosen for whole items), placed at the sentence that
    weighs most for that intent."""
    model = load_model()
    if model is None:
        return []
    sure_subs = frozenset(
        label for label, ok in zip(model.labels, model.sure, strict=True) if ok and label in SUBS
    )
    # With an ask the time-ask reader found a length for, the ask the model reads
    # (``time_ask``) is that ask again, not an open-ended one.
    timed = any(sid in DURATION_IDS for sid, _, _ in taken)
    wanted = frozenset(
        {
            PITCH,
            *sure_subs,
            *(label for label, (_, stages) in SIGNAL_OF.items() if stage in stages),
        }
        - ({"time_ask"} if timed else set())  # an ask with a duration is not open-ended
    )
    scored: list[tuple[int, int, list[float]]] = []
    named: list[dict[str, tuple[int, ...]]] = []
    union: set[str] = set()
    for start, end in sentences(prepared):
        toks = tokens(prepared[start:end])
        if toks:
            words = [w for w, _, _ in toks]
            if stage == "meeting":
                words = _as_question(prepared[start:end], words)
            names = features(words)
            union.update(names)
            named.append(names)
            scored.append((start, end, model.confidences(names)))
    out: list[Finding] = []
    thresholds = model.stage_thresholds.get(stage, model.thresholds)
    for start, end, confidences in scored:
        every = {i.label: i for i in model.passing(confidences, thresholds, wanted | SUBS)}
        raw = dict(zip(model.labels, confidences, strict=True))
        out += _read_sentence(model, prepared, (start, end), every, wanted, stage, taken, raw)
    if len(scored) > 1:  # a lone sentence is read at the stricter sentence thresholds
        whole = model.confidences(union)
        message = model.passing(whole, model.message_thresholds, wanted | SUBS)
        raw = dict(zip(model.labels, whole, strict=True))
        taken = [*taken, *_ids(out)]
        out += _read_message(model, prepared, scored, message, wanted, stage, taken, raw)
        out += rest_of_message(model, prepared, scored, named, wanted, [*taken, *_ids(out)])
    return [f for f in out if not _cancelled(f, scope)]


def _as_question(sentence: str, words: list[str]) -> list[str]:
    """A meeting line's words as the model reads a question: without the list number
    that opens it ("3. What tools..."), and with the question mark it asks with even when
    a question list left it out ("What tools do you rely on most")."""
    if len(words) > 1 and not words[0].strip("0") and LIST_MARK.match(sentence):
        words = words[1:]
    if words[-1] != "?" and asks(sentence):
        words = [*words, "?"]
    return words


def asks_for_time(sentence: str) -> bool:
    """Whether the intent model reads ``sentence`` as asking for a set amount of time
    (``time_bounded`` or ``time_long``): the time-ask reader's second opinion on a
    sentence with a duration but none of its cue words."""
    model = load_model()
    return model is not None and bool(
        model.scores(sentence, frozenset({"time_bounded", "time_long"}))
    )


def _likeliest_topic(raw: dict[str, float], floor: float) -> list[Intent]:
    """A meeting line no topic passed for: its likeliest topic, when the model gives it at
    least ``floor`` (a line in the meeting is nearly always about something; the question
    is what). A costly topic (pay, googleable) still needs its own bar: below it, the
    likeliest other topic is taken."""
    label, value = max(
        (
            (k, v)
            for k, v in raw.items()
            if k.startswith("q_") and k in SIGNAL_OF and v >= max(floor, _COSTLY.get(k, 0.0))
        ),
        key=lambda kv: kv[1],
        default=("", 0.0),
    )
    return [Intent(label, round(value, 3), (), (0, 0))] if label else []


def _content_words(sentence: str) -> int:
    """How many words of ``sentence`` are not common function words."""
    return sum(1 for word, _, _ in tokens(sentence) if word not in FUNCTION_WORDS and word != "?")


def _ids(found: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.signal_id, f.start, f.end) for f in found]


def _read_message(
    model: IntentModel,
    prepared: str,
    scored: list[tuple[int, int, list[float]]],
    message: list[Intent],
    wanted: frozenset[str],
    stage: str,
    taken: list[tuple[str, int, int]],
    raw: dict[str, float],
) -> list[Finding]:
    """Intents the whole message carries that no sentence showed on its own ("I've
    followed your clinic for a while" reads as why-them in the message it opens), each
    read at the sentence that weighs most for it, with every rule a sentence obeys."""
    have = {sid for sid, _, _ in taken}
    column = {label: k for k, label in enumerate(model.labels)}
    out: list[Finding] = []
    groups: list[list[Intent]] = []
    pitches = [i for i in message if i.label == PITCH or i.label in SUBS]
    kinds = [i for i in pitches if i.label in SUBS]
    said = max(row[2][column[PITCH]] for row in scored) >= SAID_FLOOR if PITCH in column else True
    if kinds and any(i.label in wanted for i in pitches) and not has_pitch(have) and said:
        groups.append(pitches)  # a pitch of some kind, not many faint hints summed
    questions = [i for i in message if i.label.startswith("q_") and i.label in wanted]
    if questions and not any(sid.startswith("question_") for sid in have):
        groups.append(questions)
    for intent in message:
        mapped = SIGNAL_OF.get(intent.label)
        fresh = mapped is not None and mapped[0] not in have
        problem = intent.label in _PROBLEMS  # a problem needs a sentence that says it
        # a purpose summed from a message whose only aim is the vague ask is no purpose
        vague = intent.label == "learning_goal" and _only_the_ask(prepared, 0, {}, taken)
        plain = not intent.label.startswith("q_") and not problem and not vague
        if intent.label in wanted and fresh and plain:
            groups.append([intent])
    for group in groups:
        lead = max((i for i in group if i.label in wanted), key=lambda i: i.confidence)
        k = column[lead.label]
        start, end, _ = max(scored, key=lambda row: row[2][k])
        every = {i.label: i for i in group}
        here = [*taken, *_ids(out)]
        out += _read_sentence(model, prepared, (start, end), every, wanted, stage, here, raw)
    return out


def _read_sentence(
    model: IntentModel,
    prepared: str,
    span: tuple[int, int],
    every: dict[str, Intent],
    wanted: frozenset[str],
    stage: str,
    taken: list[tuple[str, int, int]],
    raw: dict[str, float],
) -> list[Finding]:
    """The findings of one sentence, from the intents that passed (``every``; ``raw``: the
    confidence of every intent, where they were read)."""
    start, end = span
    sentence = prepared[start:end]
    out: list[Finding] = []
    intents = {label: i for label, i in every.items() if label in wanted}
    if not intents and stage != "meeting":
        return out
    here = {sid for sid, s, e in taken if s < end and start < e}
    pitch = sentence_pitch(model, sentence, intents, raw)
    if pitch is not None and school_reference(sentence, prepared):
        pitch = None  # "I'm applying to CRNA programs. ... would you write me a letter?"
    present = {sid for sid in here if is_pitch_id(sid)}
    if pitch is not None and not present:
        out.append(make_finding(pitch_signal(sentence, every), start, end, pitch, negative=True))
    elif pitch is not None:
        out += other_kinds(model, prepared, span, intents, taken)
    questions = [i for label, i in intents.items() if label.startswith("q_") and label in SIGNAL_OF]
    questions = [i for i in questions if i.confidence >= _COSTLY.get(i.label, 0.0)]
    if not questions and stage == "meeting" and _content_words(sentence) >= 3:
        # Not for "sorry, could you repeat that?"; any topic at all for a line that asks
        # something, or one the model reads as saying what the learner wants to learn
        # ("I'm mostly interested in how you balance clinical work with research").
        learning = raw.get("learning_goal", 0.0) >= model.threshold("learning_goal")
        asking = asks(sentence) and _content_words(sentence) >= 4
        questions = _likeliest_topic(raw, 0.0 if learning or asking else TOPIC_FLOOR)
    if questions and _MINE.search(sentence):
        questions = []  # "what would make my application stand out" is no topic
    intents = {k: v for k, v in intents.items() if not k.startswith("q_")}
    if questions and not any(sid.startswith("question_") for sid in here):
        best_q = max(questions, key=lambda i: i.confidence)
        intents[best_q.label] = best_q
    for label, intent in intents.items():
        mapped = SIGNAL_OF.get(label)
        if mapped is None or stage not in mapped[1] or mapped[0] in here:
            continue
        if label.startswith("q_") and (pitch is not None or has_pitch(here)):
            continue
        if label == "learning_goal" and _only_the_ask(sentence, start, intents, taken):
            continue
        if label == "time_ask" and _NOT_OPEN.search(sentence):
            continue  # "a quarter of an hour", "a few questions by email": not open-ended
        negative = label in _PROBLEMS
        intent = model.explain(sentence, intent)
        out.append(make_finding(mapped[0], start, end, intent, negative))
    return out


_WHAT = re.compile(
    r"\b(?:about|how|what|why|which|whether|where|regarding|learn|learning|understand|advice|"
    r"insight|insights|perspective|path|career|experience|transition|switch|move|moving|"
    r"questions?|field|industry|role|work)\b",
    re.IGNORECASE,
)
"""Words that say what a conversation is for ("about", "how you moved", "your path")."""


def _only_the_ask(
    sentence: str, start: int, intents: dict[str, Intent], taken: list[tuple[str, int, int]]
) -> bool:
    """Whether a sentence the model reads as a purpose only asks vaguely for time: "I'd
    love to pick your brain over coffee sometime" says nothing of what to learn, so it
    earns no "clear purpose" (it costs as an open-ended ask). The ask's own words are set
    aside, then the rest must name what the learner wants to learn."""
    end = start + len(sentence)
    asks = [(s - start, e - start) for sid, s, e in taken if sid == "open_ended_time_ask"]
    asks = [(max(0, s), min(len(sentence), e)) for s, e in asks if s < end and start < e]
    if not asks and "time_open" not in intents:
        return False
    rest = list(sentence)
    for s, e in asks:
        rest[s:e] = " " * (e - s)
    return _WHAT.search("".join(rest)) is None


def _cancelled(finding: Finding, scope: Scope) -> bool:
    """The scope rules, at the finding's strongest word."""
    start, end = finding.anchor
    if scope.counterfactual(start) or scope.quoted(start, end):
        return True
    if finding.negative:
        return scope.negated(start, end) or scope.reported(start)
    return False
