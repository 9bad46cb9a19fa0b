"""Meeting questions, without a UI: whether a line asks something, and a topic guessed from
who it is about when no topic phrase matched.

Real question lists do not always look like questions: "3. What tools do you rely on
most" has a number and no question mark; "Tell me about a project you are proud of" asks
without asking. ``asks`` says whether a line is a question in any of those shapes, so the
reader and the intent model read it as the question it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from simulator.reading.model import Signal
from simulator.reading.segment import sentences

_OPENER = re.compile(
    r"^\W*(?:(?:and|so|also|lastly|finally|next|then|first|second|and then)\W+)?"
    r"(?:(?:what|what's|whats|how|how's|hows|why|when|where|where's|wheres|which|who|who's|"
    r"whos|whom|whose)\b"
    r"|(?:is|are|r|was|were|do|does|did|can|could|would|will|should|have|has|had|may|might)"
    r"\s+(?:you|your|u|ur|ya|there|it|this|that|the|a|an|people|ppl|most|anyone|someone|"
    r"things|i|we|they)\b"
    r"|(?:tell me|tell us|describe|walk me through|talk me through|take me through|explain|"
    r"share|give me a sense|i'd love to hear|i would love to hear|i'd like to hear|"
    r"i would like to hear|i'd like to know|i would like to know|i'm curious|i am curious|"
    r"curious (?:about|how|what|whether|if|why)|i wonder|i was wondering|i'm wondering|"
    r"any (?:advice|tips|thoughts|books|resources|recommendations|suggestions|lessons)|"
    r"your (?:thoughts|take|view|views|opinion|advice) on)\b)",
    re.IGNORECASE,
)
"""How a question without its question mark begins (after any list number or bullet)."""


_LOGISTICS = re.compile(
    r"\bhow (?:long|much time) do we (?:still )?have\b|\b(?:are we|am i) (?:still )?"
    r"(?:ok|okay|good|alright|all right) (?:on|for) time\b|\bshould we wrap up\b"
    r"|\b(?:mind|okay|ok|alright|all right) if i (?:take|jot down|write down) "
    r"(?:some |a few )?notes\b"
    r"|\b(?:mind|okay|ok|alright|all right) if i (?:follow|followed) up (?:by|over|via) email\b"
    r"|\b(?:should|shall|can) i (?:go on )?mute\b|\bi'?ll (?:go on )?mute\b"
    r"|\bhard stop\b|\b(?:can|could|may) i (?:still )?ask (?:you )?one (?:more|last) question\b"
    r"|\b(?:mind|okay|ok|alright|all right) if i (?:use|used|mention|mentioned) your name\b",
    re.IGNORECASE,
)
"""The call's own clock and manners ("How long do we have?", "Mind if I take notes?", "OK if
I follow up by email?"): about the call, answered from ``call_logistics``."""


_CALL_MECHANICS = re.compile(
    r"\b(?:can|could) you hear me\b|\bhear me (?:ok|okay|alright|all right|now|clearly)\b"
    r"|\b(?:my|the|our|your) (?:connection|line|signal|audio|sound|mic|microphone|wifi|wi-fi|"
    r"internet|video)\b[^.?!]{0,20}\b(?:keeps|dropping|dropped|cutting|breaking|patchy|choppy|"
    r"bad|poor|weak|froze|freezing|lagging)\b"
    r"|\b(?:should|shall|can|could|may) i call you back\b|\b(?:can|could) you call me back\b"
    r"|\bon mute\b"
    r"|\bbreaking up\b|\bcutting out\b|\bspell (?:that|the|your|his|her|their)\b"
    r"|\brepeat (?:that|the name|the last|what you)\b|\bmissed that\b"
    r"|\brecord(?:ed|ing)? (?:this|the call|our call|our chat)\b|\bshare my screen\b"
    r"|\b(?:turn|switch) (?:on |off )?my (?:camera|video)\b"
    r"|" + _LOGISTICS.pattern,
    re.IGNORECASE,
)
"""A question about the call itself ("Can you hear me okay?", "Could you spell that?", "How
long do we have?", "Mind if I take notes?")."""

CALL_TOPIC = "call"
"""The topic of a meeting line only about the call itself: answered, never credited."""


def about_the_call(text: str) -> bool:
    """Whether every question in a meeting line is about the call itself, not their work:
    it asks nothing to learn from, so it maps to no topic and earns no question credit."""
    asking = [text[s:e] for s, e in sentences(text) if asks(text[s:e])]
    return bool(asking) and all(
        _CALL_MECHANICS.search(q) and not _ABOUT_THEIR_WORK.search(q) for q in asking
    )


def call_logistics(text: str) -> bool:
    """Whether a line about the call asks about its clock or manners (how long is left,
    taking notes, following up by email), not whether they can hear each other."""
    return bool(_LOGISTICS.search(text))


_ABOUT_THEIR_WORK = re.compile(
    r"\b(?:how|why|what|when|where|which) (?:do|does|did|would|should|can|could) "
    r"(?:you|your|people|most|teams?|clinicians|staff)\b",
    re.IGNORECASE,
)
"""A question about how they work, even when it names a call ("How do you keep a patient's
trust when the video keeps dropping?")."""


LIST_MARK = re.compile(r"^\s*(?:[-*\u2022\u25aa\u2013]|\(?\d{1,2}[.):]|[qQ]\d{0,2}[.:)])\s+")
"""A list number or bullet opening a line ("3.", "(2)", "-", "Q4:")."""


def asks(sentence: str) -> bool:
    """Whether a sentence is a question: it has a question mark, it begins as one ("how
    did you start", "tell me about your week", "any books you would suggest"), or it is a
    numbered or bulleted line of a question list ("- Biggest surprise when you started")."""
    if "?" in sentence:
        return True
    mark = LIST_MARK.match(sentence)
    return bool(mark) or bool(_OPENER.match(sentence))


_ABOUT_A_JOB = re.compile(
    r"\b(?:roles?|positions?|postings?|openings?|vacanc\w*|applications?|apply|applying|applied|"
    r"referrals?|refer|hiring|hire|mentor|mentorship|shadow)\b",
    re.IGNORECASE,
)
_ME = re.compile(r"\b(?:i|me|my|i'm|i'd|i've)\b", re.IGNORECASE)
"""A line about the learner's own job, application, referral or mentorship (a job word
and "I/me/my"): no guessed topic. "How did you get into your current role?" still gets one."""


# When no topic phrase matched, who a question is about still says what it is about.
_FALLBACK_TOPICS = (
    (
        "advice",
        re.compile(
            r"\b(?:should i|would you|could i|can i|how can|how do i|for me|"
            r"someone (?:new|starting|like me)|a newcomer|a beginner)\b",
            re.I,
        ),
    ),
    (
        "career_path",
        re.compile(
            r"\b(?:did (?:you|u)|were (?:you|u)|was (?:your|ur)|have (?:you|u)|had you)\b", re.I
        ),
    ),
    (
        "companies",
        re.compile(
            r"\b(?:compan(?:y|ies)|organi[sz]ations?|employers?|firms?|"
            r"startups?)\b",
            re.I,
        ),
    ),
    ("day_to_day", re.compile(r"\b(?:you|your|yours|you're|you've|u|ur|ya)\b", re.I)),
    (
        "industry",
        re.compile(r"\b(?:hr|field|profession|industry|people (?:ops|operations))\b", re.I),
    ),
)


TOPIC_SIGNALS = {
    "career_path": "question_career_path",
    "day_to_day": "question_day_to_day",
    "advice": "question_advice",
    "industry": "question_industry",
    "companies": "question_companies",
    "skills": "question_skills",
}
"""The question signal that stands for each learning topic."""


Add = Callable[..., None]


def guessed_topic(folded: str) -> str | None:
    """A question's topic from who it is about, when no topic phrase matched (None for a
    line that asks nothing, or one about the learner's own job hunt)."""
    if not any(asks(folded[s:e]) for s, e in sentences(folded)):
        return None
    if _ABOUT_A_JOB.search(folded) and _ME.search(folded):
        return None
    return next((topic for topic, cue in _FALLBACK_TOPICS if cue.search(folded)), None)


def credit_topic(topic: str | None, found: list[Signal], prepared: str, add: Add) -> None:
    """A question whose topic was read from who it is about (no phrase matched) still
    counts as that question, quoting the question itself (the last sentence that asks):
    the persona answers it as that topic, so the grade must credit it the same way."""
    signal_id = TOPIC_SIGNALS.get(topic or "")
    if signal_id is None or any(s.id == signal_id for s in found):
        return
    asking = [(s, e) for s, e in sentences(prepared) if asks(prepared[s:e])]
    if asking:
        start, end = asking[-1]
        add(signal_id, start, end)


_APART = re.compile(
    r"[.?!;\n]|,\s*(?:and|but|or|plus|also)\b|\b(?:and|but|or|also) (?:what|how|why|which|where|"
    r"who|when|is|are|do|does|did|would|could|should)\b",
    re.IGNORECASE,
)


_PAY = re.compile(
    r"\b(?:salar\w*|pay\w*|paid|earn\w*|make|makes|making|comp|compensation|wages?|raises?|"
    r"differentials?|bonus\w*|income|money|rates?)\b",
    re.IGNORECASE,
)


def asked_apart(folded: str, first: int, others: list[int]) -> bool:
    """Whether the words at ``first`` belong to a question of their own in one line, apart
    from every position in ``others`` (a sentence or a clause, "..., and what...", lies
    between) and not about pay itself. "Did your pay take a hit?" after a question about the
    move does not make the move a question about pay."""
    if not all(_APART.search(folded, min(first, at), max(first, at)) for at in others):
        return False
    starts = [m.end() for m in _APART.finditer(folded, 0, first)]
    after = _APART.search(folded, first)
    clause = folded[starts[-1] if starts else 0 : after.start() if after else len(folded)]
    return not _PAY.search(clause)
