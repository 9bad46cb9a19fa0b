"""Scope, without a UI: when a phrase found in a text does not count.

A phrase is cancelled when the learner negates it ("I'm not asking about openings"),
puts it in a counterfactual ("even if you were hiring"), reports someone's advice about
it ("people told me never to send a resume"), or quotes it ("'are you hiring?' is the
worst opener"). The checks look at the clause around the phrase only, so a negation in
one clause never cancels a pitch in the next ("I'm not sure you're hiring, but...").

All offsets refer to the folded text (``fold``), which has the same length as the
original, so quotes and spans can be cut from the learner's own words.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from simulator.reading.lexicon import Lexicon

_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u00e9": "e",
        "\u00c9": "E",
        "\u00e8": "e",
    }
)
NEGATION_WORDS = 6
"""How many words before a phrase a negation can reach."""

_BREAK = re.compile(
    r"[.!?;\n\u2014()]|\s-\s|--"
    r"|,\s*(?=(?:but|however|though|although|yet|so|while|whereas|just|only|simply)\b)"
    # a new clause with its own subject: "...and didn't get it, and I'd love another shot"
    r"|,\s*and\s+(?=i(?:'d|'m|'ll| would| am| will| want| hope| really)\b)"
    r"|\b(?:but|however|although|though|whereas)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[.!?;\n]")
_FIRST_WORDS = re.compile(r"(?:\W*\w+){0,3}")
_JOINT = re.compile(r",|\s(?:and|so|because|which|who)\s", re.IGNORECASE)
"""Where a clause usually hands over to what comes next ("..., and I'd love 15 minutes")."""
_NEGATOR = re.compile(
    r"(?<![a-z])(?:not|never|no|without|nor|neither|none|nothing|nobody|no one|no-one|"
    r"rather than|instead of)(?![a-z])"
    r"|n't(?![a-z])",
    re.IGNORECASE,
)
_WIDE_DENIAL = re.compile(
    r"\b(?:i'?m|i am|i was|i'm really|i am really) not (?:asking|looking|here|writing|hoping|"
    r"trying|after|fishing)\b(?: \w+){0,2}? (?:to|for)\b",
    re.IGNORECASE,
)
"""A denial of the whole ask ("I'm not asking you to..."): it covers every ask after it in
its sentence, however many ("...to look at my materials or refer me anywhere")."""
_BUT = re.compile(r"\b(?:but|though|although|however)\b|;", re.IGNORECASE)

# Negation words that do not negate what follows them.
_NOT_A_NEGATION = re.compile(
    r"^\W*(?:sure|certain|only|just|too|worr(?:y|ies)|pressure|rush|problem|matter|hesitate|mind|"
    r"doubt|mean to|want to bother|want to take|want to impose|know (?:if|whether)|"
    r"more than|longer than|later than|much|(?:yet )?(?:heard|had|gotten|got|received) "
    r"(?:back|anything|a reply|an answer|a response|word))\b",
    re.IGNORECASE,
)
_AFTER_NEGATION = re.compile(
    r"^\W*(?:\w+\W+){0,4}?(?:is not|isn't|are not|aren't|was not|wasn't|is never|is the last thing|"
    r"not what|not why)\b",
    re.IGNORECASE,
)
_COUNTERFACTUAL = re.compile(
    r"\b(?:even if|if i were(?! to\b)|if i was|were i|whether or not|regardless of whether|"
    r"not that)\b|\bif you were\s*$",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:told me|(?:people|they|everyone|others|friends|recruiters) (?:\w+ )?tell me|"
    r"advised me|(?:was|were|been|being) told|warned me|warned against|the advice (?:is|was)|"
    r"your (?:advice|suggestion|tip|point) (?:to|that|about)|"
    r"my (?:\w+ )?(?:chef|boss|manager|mentor|foreman|supervisor|teacher|tutor|coach|professor|"
    r"advis[eo]r|mum|mom|dad|sister|brother|friend|partner|colleague) (?:says|said|thinks|told me)|"
    r"common advice|(?:recruiter |career |advice )?posts? (?:always |often |usually )?(?:say|tell)|"
    r"(?:people|they|everyone|articles?|guides?|coaches|recruiters|mentors?|"
    r"(?:a |my )?(?:friends?|tutors?|teachers?|lecturers?|professors?|advis[eo]rs?|counsell?ors?)|"
    r"colleagues?) "
    r"(?:say|said|says|suggest|suggested|recommend|recommended|warn|warned|told)|"
    r"i(?:'ve| have)? (?:read|heard|learned|learnt) (?:that )?"
    r"(?:you|one|people|candidates|job seekers) "
    r"(?:should|shouldn't|should not|must|mustn't|never))"
    # a message someone else sent, quoted or described: "your post quoting a student's
    # email asking you for 'a job or anything at all'"
    r"|\b(?:friends?|colleagues?|classmates?|someone|somebody|she|he|they) "
    r"(?:asked|wondered|wanted to know)\b"
    r"|\byou offered to\b|\bquot(?:ing|ed|es)\b"
    r"|\b(?:e-?mails?|messages?|notes?|dms?|texts?|letters?|inmails?) "
    r"(?:from [\w' ]{1,30} )?(?:asking|saying|that asked|that said|requesting|begging)\b",
    re.IGNORECASE,
)

_OWN_VOICE = re.compile(
    r"(?:[,;\u2014\u2013]\s*(?:and|but|so)?|\s-\s|\b(?:and|but|so))\s*"
    r"i(?:'d|'m|'ll| would| am| will| really)?\b"
    r"(?!\s+should)",
    re.IGNORECASE,
)
"""The learner speaking again after a report: a new clause whose subject is "I" ("I was told
your team is growing, and I'd love to be part of it"); "and I should..." still reports."""


def fold(text: str) -> str:
    """The text with curly quotes, dashes and accents folded, same length as the original."""
    return text.translate(_FOLD)


class Scope:
    """Clause and sentence bounds and quotations of one folded text, computed once."""

    def __init__(self, folded: str) -> None:
        self.text = folded
        self.breaks = [m.end() for m in _BREAK.finditer(folded)]
        self.sentences = [m.end() for m in _SENTENCE.finditer(folded)]
        self.quotes = _quotations(folded)

    def clause_start(self, index: int) -> int:
        """Where the clause holding ``index`` starts."""
        i = bisect_right(self.breaks, index) - 1
        return self.breaks[i] if i >= 0 else 0

    def clause_end(self, index: int) -> int:
        """Where the clause holding ``index`` ends (the next break, or the text's end)."""
        i = bisect_right(self.breaks, index)
        return self.breaks[i] - 1 if i < len(self.breaks) else len(self.text)

    def quote_end(self, start: int, end: int, most: int = 100) -> int:
        """Where a quote of the words at ``start:end`` should end: on at the end of their
        clause, or where it hands over to something else (", and I'd love 15 minutes"),
        at most ``most`` characters from ``start`` (cut at a word)."""
        clause = self.clause_end(end)
        lead = _FIRST_WORDS.match(self.text, end, clause)
        joint = _JOINT.search(self.text, lead.end() if lead else end, clause)
        stop = max(end, min(joint.start() if joint else clause, start + most))
        if stop == start + most:
            space = self.text.rfind(" ", end, stop)
            stop = space if space > end else stop
        while stop > end and self.text[stop - 1] in " ,;:-\n":
            stop -= 1
        return stop

    def sentence(self, index: int) -> tuple[int, int]:
        """The sentence holding ``index`` as (start, end)."""
        i = bisect_right(self.sentences, index)
        start = self.sentences[i - 1] if i > 0 else 0
        end = self.sentences[i] - 1 if i < len(self.sentences) else len(self.text)
        return start, end

    def negated(self, start: int, end: int, inner: bool = False) -> bool:
        """A negation shortly before (or a denial right after) the phrase, same clause;
        with ``inner``, also one between the words of a frame ("I'm not looking for...")."""
        sentence_start, _ = self.sentence(start)
        denials = list(_WIDE_DENIAL.finditer(self.text, sentence_start, start))
        if denials and not _BUT.search(self.text, denials[-1].end(), start):
            return True  # "I'm not asking you to look at my CV or refer me anywhere"
        window = self.text[self.clause_start(start) : start]
        tail = " ".join(window.split()[-NEGATION_WORDS:])
        if inner:
            tail += " " + self.text[start:end]
        for match in _NEGATOR.finditer(tail):
            if not _NOT_A_NEGATION.match(tail[match.end() :]):
                return True
        after = self.text[end : end + 40]
        stop = _SENTENCE.search(after)  # a denial must be in the same sentence
        return bool(_AFTER_NEGATION.match(after[: stop.start()] if stop else after))

    def counterfactual(self, start: int) -> bool:
        return bool(_COUNTERFACTUAL.search(self.text[self.clause_start(start) : start]))

    def reported(self, start: int) -> bool:
        """Whether ``start`` lies in what someone else said or advised, from the cue ("I was
        told", "people say") to the clause where the learner speaks again ("..., and I'd
        love to be part of that")."""
        sentence_start, _ = self.sentence(start)
        cues = list(_REPORTED.finditer(self.text, sentence_start, start))
        if not cues:
            return False
        speaks = _OWN_VOICE.search(self.text, cues[-1].end(), min(len(self.text), start + 5))
        return not speaks  # ", I'm your guy" is the learner again

    def quoted(self, start: int, end: int) -> bool:
        """Inside a quotation that is not the whole message (a quoted whole is still said)."""
        whole = len(self.text.strip()) or 1
        return any(
            q_start <= start and end <= q_end and (q_end - q_start) < 0.8 * whole
            for q_start, q_end in self.quotes
        )

    def cancelled(self, lexicon: Lexicon, signal_id: str, start: int, end: int) -> bool:
        """Whether a phrase match for ``signal_id`` at ``start:end`` does not count."""
        spec = lexicon.specs[signal_id]
        if (
            self.negated(start, end, inner=bool(spec.frames))
            or self.counterfactual(start)
            or self.quoted(start, end)
        ):
            return True
        return spec.polarity == "negative" and self.reported(start)


def _quotations(folded: str) -> list[tuple[int, int]]:
    marks = [m.start() for m in re.finditer('"', folded)]
    return [(marks[i], marks[i + 1] + 1) for i in range(0, len(marks) - 1, 2)]
