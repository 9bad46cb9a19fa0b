"""Time asks, without a UI: durations read by their shape, and whether they are an ask.

"15 minutes", "fifteen minutes", "15-20 min", "20-ish minutes", "~20m", "a quick
20-minute call", "half an hour", "a quarter of an hour", "an hour", "a few minutes" are
durations. A duration counts as a request for time only when its sentence asks for a
meeting or a slice of the reader's time (a call, a chat, "of your time", "could I have",
"ask you"); "I spent 15 minutes on your article" asks for nothing.

"A few minutes" and "a couple of minutes" name no number: asked for, they are an
open-ended ask (the reader cannot plan around them, and every labelled set we measure on
reads them so), unless the same message also names one ("a few minutes, say 10").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from simulator.reading.scope import Scope

DURATION_IDS = frozenset({"bounded_time_ask", "long_time_ask"})
"""The signals of an ask this reader found a length for (short, or over the bound)."""
BOUNDED_MAX_MINUTES = 30
"""The longest ask that still counts as short (sources range 15-30 minutes)."""

NUMBER_WORDS = {
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "twenty-five": 25,
    "twenty five": 25,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "forty five": 45,
    "sixty": 60,
    "ninety": 90,
    "a few": 10,
    "a couple of": 5,
    "a couple": 5,
    "few": 10,
}
VAGUE = frozenset({"a few", "a couple of", "a couple", "few"})
"""Number words that name no number: "a few minutes" is asked for, but not bounded."""
_NAMED_AFTER = re.compile(
    r"\W{0,3}(?:\w+\W+){0,3}?(?:maybe|say|about|around|like|roughly|perhaps|max|tops|at most)"
    r"\W+(\d{1,2}|five|ten|fifteen|twenty|thirty)(?:\s*(?:minutes?|mins?)\b)?\s*(?:[-,.;:)!?]|$)",
    re.IGNORECASE,
)
"""A number named just after a vague duration: "a few minutes of your time, maybe 10"."""
_NUM = (
    r"(\d{1,3}|"
    + "|".join(re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")"
)
_DURATION = re.compile(
    rf"(?<![\w.$,])~?\s?{_NUM}(?:\s*(?:-|to|or)\s*{_NUM})?(?:-?ish)?[\s-]*"
    r"(?:minutes?|mins?\b\.?|(?-i:m)\b)"
    r"|\b(a quarter of an hour|quarter of an hour|a quarter-hour|a quarter hour|"
    r"half an hour|half-hour|half hour|an hour|one hour|1 hour|1hr|an hour-long|hour-long|"
    r"two hours|2 hours|a couple of hours|an afternoon|a morning|lunch(?!\s*(?:break|time|hour)))\b"
    r"|\b(?:(?:a |an )?(?:quick|short|brief)|do|spare|get|have) "
    r"(5|10|15|20|25|30|ten|fifteen|twenty)(?:-(?:20|25|30))?"
    r"(?=\s*(?:[.,!?;)]|$)|\s(?:on|over|by|to|in|when|whenever|sometime|some time|before|after|"
    r"this|next|if|with|for|at|or so)\b)",
    re.IGNORECASE,
)
"""A duration: "15 minutes", "fifteen minutes", "15-20 min", "~20m", "half an hour", "an
hour", "lunch", and the spoken "a quick 15 on the phone" / "could u do 15 before..."."""
_ASK_CUE = re.compile(
    r"\b(?:call|calls|chat|chats|conversation|convo|meeting|meet|coffee|talk|speak|zoom|phone|"
    r"video|teams|catch-up|catch up|sit down|sit-down|of your time|your time|could i have|ask you|"
    r"can i have|would you have|do you have|if you have|spare|ask for|asking for|request|"
    r"would you be (?:open|willing|available)|available for|grab|give me|borrow|steal|"
    r"of your|you have|grateful|appreciate|value|love|like|hoping for|hope for|up for|"
    r"could i get|can i get|could we have|can we have|could i ask|can i ask|may i have|may i ask|"
    r"ask (?:you|u)|(?:you|u)(?:'d| would)? have|ur time|willing|possible|any chance|whenever|"
    r"sometime|some time|any time|anytime|convenience|welcome|keep it to|join you|spare|"
    r"would be (?:awesome|amazing|great|perfect|wonderful|ideal|lovely|fantastic|helpful|ok|okay)|"
    r"work for (?:you|u)|works for (?:you|u)|whenever works|when works|need|plenty|enough|max|"
    r"would (?:help|mean)|"
    r"tops|got|give|(?:can|could|would) (?:you|u) do|work\?)(?!\w)",
    re.IGNORECASE,
)
_NOT_AN_ASK = re.compile(
    r"\b(?:spent|took|after|past|last|within|every|each|ago|ran|lasted|already|"
    r"we said|we agreed|only have|(?<!could )(?<!can )we have|we've got|left|remaining|those|"
    r"thanks for|thank you for|thanks again for)"
    r"\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
_TOLD = re.compile(
    r"\b(?:did|gave|held|hosted|ran|recorded|posted)\s+(?:a|an)\s+(?:\w+\s+)?~?\d"
    r"|\b(?:i|we|they|he|she|it|job|review|interview)\s+(?:had|completed|presented|did|gave|got|read|"
    r"attended|watched|stood|sat|taught|spent|get|only spoke|spoke)\b"
    r"|\b(?:was|were)\s+(?:only\s+|like\s+|just\s+)?(?:scheduled|a|an|like|\d)"
    r"|\bran\s+(?:long|to|over|late)\b|\b(?:gave|taught)\s+me\b|\bcapped\s+at\b"
    r"|\b(?:is|are|runs|run|lasts|last|takes|take)\s+(?:only\s+|about\s+|around\s+)?~?\d"
    r"|\b(?:stacked|packed|full)\s+(?:with|of)\b|\bhave\s+only\b",
    re.IGNORECASE,
)
"""A duration told as a fact ("I had a 10-minute chat with a recruiter", "our standup is 15
minutes", "the interview ran long"): asks for nothing unless its sentence also asks."""
_ASKING = re.compile(
    r"\?|\b(?:could|would|can|may|might|please|love|like to|hoping|hope|grateful|appreciate|"
    r"possible|spare|willing|ask|wondering|let me know)\b",
    re.IGNORECASE,
)
_DISTANCE = re.compile(
    r"^\W*(?:from|away|walk|drive|down the road|by car|on foot|late|behind|early)\b", re.I
)
"""Words after a duration that make it a distance or a delay ("15 min late", "10 min behind")."""
_MODAL_QUESTION = re.compile(r"^\W*(?:would|could|can|might|may|is|will)\b[^?]*\?\W*$", re.I)
"""A question put with a modal ("Would a quarter of an hour in your office be conceivable?"):
it asks, whatever its words."""
_BOUNDING = re.compile(r"\b(?:no more than|not more than|no longer than|at most|under)\W*$", re.I)


@dataclass(frozen=True)
class Duration:
    """A duration asked for: minutes and where it was said."""

    minutes: int
    start: int
    end: int
    vague: bool = False
    """"A few minutes": asked for, but with no number the reader can plan around."""


def minutes_of(match: re.Match[str]) -> int | None:
    """Minutes a duration match stands for (the upper end of a range)."""
    first, second, phrase = match.group(1), match.group(2), match.group(3)
    if match.group(4):
        return _number(match.group(4))
    if phrase:
        phrase = phrase.lower()
        if "quarter" in phrase:
            return 15
        if "half" in phrase:
            return 30
        if phrase in ("two hours", "2 hours", "a couple of hours", "an afternoon", "a morning"):
            return 120
        return 60
    values = [_number(v) for v in (first, second) if v]
    if not values or any(v is None for v in values):
        return None
    return max(v for v in values if v is not None)


def _number(token: str) -> int | None:
    token = " ".join(token.lower().split())
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token)


def find_ask(scope: Scope, asks: Callable[[str], bool] | None = None) -> Duration | None:
    """The first duration asked for as time with the reader, ignoring negated ones
    ("not an hour, just 15 minutes"). A sentence asks when it has one of the cue words,
    or when ``asks`` (the intent model's reading of the sentence) says it asks for time:
    "Would you be free for 20 minutes?" needs no cue list to be read. A vague duration
    ("a few minutes") is returned only when no named one is asked for."""
    vague: Duration | None = None
    for ask in _asks(scope, asks):
        if not ask.vague:
            return ask
        vague = vague or ask
    return vague


def _asks(scope: Scope, asks: Callable[[str], bool] | None) -> Iterator[Duration]:
    text = scope.text
    for match in _DURATION.finditer(text):
        minutes = minutes_of(match)
        if minutes is None or minutes <= 0:
            continue
        start, end = scope.sentence(match.start())
        if (
            not _ASK_CUE.search(text, start, end + 1)
            and not _MODAL_QUESTION.match(text[start : end + 1])
            and not (asks and asks(text[start:end]))
        ):
            continue
        if _NOT_AN_ASK.search(text[max(start, match.start() - 40) : match.start()]):
            continue
        sentence = text[start : end + 1]
        if _TOLD.search(sentence) and not _ASKING.search(sentence):
            continue
        if _DISTANCE.match(text[match.end() : match.end() + 20]):
            continue  # "I'm five minutes from your school"
        bounded_by = _BOUNDING.search(text[max(start, match.start() - 20) : match.start()])
        if not bounded_by and scope.negated(match.start(), match.end()):
            continue
        number = " ".join((match.group(1) or "").lower().split())
        if number in VAGUE and not match.group(2):
            named = _NAMED_AFTER.match(text, match.end(), min(len(text), match.end() + 40))
            if named is None:
                yield Duration(minutes, match.start(), match.end(), vague=True)
                continue
            minutes = _number(named.group(1)) or minutes
        yield Duration(minutes, match.start(), match.end())


def is_bounded(minutes: int) -> bool:
    return minutes <= BOUNDED_MAX_MINUTES
