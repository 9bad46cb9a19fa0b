"""Phrase and frame matching, without a UI: words in, signal matches with spans out.

Text and lexicon phrases go through the same normaliser: lower case, curly quotes folded,
contractions expanded ("I'm" -> i am, "don't" -> do not) and each word cut to a simple
stem (openings/opening/open, hire/hired/hiring). Matching walks one trie of all phrases
over the words once, so it costs about the same whatever the size of the lexicon, and no
author phrase is ever compiled into a regular expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.!?;\n]", re.IGNORECASE)
_CONTRACTIONS = {
    "n't": ("not",),
    "'m": ("am",),
    "'re": ("are",),
    "'ve": ("have",),
    "'ll": ("will",),
    "'d": ("would",),
    "'s": ("is",),
}
_IRREGULAR = {"can't": ("can", "not"), "won't": ("will", "not"), "cannot": ("can", "not")}
_NO_STEM = frozenset(
    {
        "this",
        "that",
        "these",
        "those",
        "does",
        "was",
        "has",
        "his",
        "its",
        "yes",
        "less",
        "unless",
        "business",
        "process",
        "analysis",
        "always",
        "perhaps",
        "news",
        "series",
    }
)
_WHOLE = frozenset({"posting", "listing", "positioning", "evening"})
"""Nouns kept whole: a job posting is not a post on a blog ("I saw your post"), a
product's positioning is not a position, and "any evening works for me" is not "I'd even
work for you"."""
_SENTENCE_END = frozenset(".!?;\n")
NEAR = 7
"""How many words after a match an ``unless_near`` phrase is looked for."""
_DOUBLED = frozenset("bdgmnprt")


def stem(word: str) -> str:
    """A crude, consistent stem: the same for opening/openings/open, hire/hired/hiring."""
    if len(word) < 4 or word in _NO_STEM or not word.isalpha():
        return word
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
        if word.endswith("ie"):
            word = word[:-2] + "y"
        elif word.endswith("e") and word[-2:-1] in ("h", "x") and len(word) > 4:
            word = word[:-1]
    if word in _WHOLE:
        return word
    if word.endswith("ing") and len(word) > 5:
        word = _undouble(word[:-3])
    elif word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ed") and len(word) > 4:
        word = _undouble(word[:-2])
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def _undouble(word: str) -> str:
    """flagg -> flag, gett -> get, referr -> refer: a consonant doubled before -ing/-ed."""
    if len(word) >= 3 and word[-1] == word[-2] and word[-1] in _DOUBLED:
        return word[:-1]
    return word


class Tokens:
    """The normalised words of a text, as parallel lists: stem, start, end, sentence."""

    __slots__ = ("ends", "sentences", "starts", "stems")

    def __init__(self) -> None:
        self.stems: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.sentences: list[int] = []

    def __len__(self) -> int:
        return len(self.stems)


_STEMS: dict[str, tuple[str, ...]] = {}


def tokenize(folded: str) -> Tokens:
    """Words of a folded text; a contraction expands to two words with the same span."""
    tokens = Tokens()
    stems, starts, ends, sentences = tokens.stems, tokens.starts, tokens.ends, tokens.sentences
    sentence = 0
    for match in _TOKEN.finditer(folded):
        raw = match.group().lower()
        if raw in _SENTENCE_END:
            sentence += 1
            continue
        words = _STEMS.get(raw)
        if words is None:
            words = tuple(stem(w) for w in _expand(raw))
            if len(_STEMS) < 50_000:
                _STEMS[raw] = words
        start, end = match.span()
        for word in words:
            stems.append(word)
            starts.append(start)
            ends.append(end)
            sentences.append(sentence)
    return tokens


def _expand(raw: str) -> tuple[str, ...]:
    if raw in _IRREGULAR:
        return _IRREGULAR[raw]
    if "'" not in raw:
        return (raw,)
    for suffix, words in _CONTRACTIONS.items():
        if raw.endswith(suffix) and len(raw) > len(suffix):
            return (raw[: -len(suffix)], *words)
    return (raw.replace("'", ""),)


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the stems the text must show."""
    folded = phrase.replace("\u2019", "'").lower()
    return tuple(tokenize(folded).stems)


_TITLE_NOUNS = frozenset(
    stem(word)
    for word in [
        "coordinator",
        "officer",
        "manager",
        "assistant",
        "director",
        "analyst",
        "lead",
        "specialist",
        "associate",
        "administrator",
        "supervisor",
        "position",
        "role",
        "job",
        "post",
        "vacancy",
    ]
)
"""Words that make the word before them part of a post's title: "my application for the
Program Coordinator position" is about a post, not a programme to study on."""


_JOB_SCHEMES = frozenset(
    stem(word)
    for word in [
        "analyst",
        "associate",
        "internship",
        "trainee",
        "development",
        "rotational",
        "apprentice",
        "audit",
        "tax",
        "leadership",
    ]
)
"""Words that make "program" after them an employer's scheme of posts ("the Summer Analyst
program", "the actuarial development program"), not a course of study."""
_SCHEMES = frozenset(stem(word) for word in ["program", "programme", "residency", "scheme"])
_NEW_GRAD = [stem("new"), stem("grad")]
""""New grad" before "residency": a hospital's first post for nurses, not a course."""


def _guards(trie: Trie, tokens: Tokens, k: int) -> bool:
    """Whether an ``unless`` phrase starts at token ``k`` and is not part of a job title or
    scheme (the word after it is not "coordinator", "position"..., the word before it not
    "analyst", "trainee"...)."""
    same = k > 0 and tokens.sentences[k - 1] == tokens.sentences[k]
    before = tokens.stems[max(0, k - 2) : k] if same and tokens.stems[k] in _SCHEMES else []
    if before and (before[-1] in _JOB_SCHEMES or before == _NEW_GRAD):
        return False  # "the Summer Analyst program", "the new-grad residency"
    return any(
        after >= len(tokens) or tokens.stems[after] not in _TITLE_NOUNS
        for after, _ in trie.walk(tokens, k)
    )


class Trie:
    """Stem sequences to payloads; ``walk`` finds every sequence starting at a token."""

    def __init__(self) -> None:
        self.root: dict[str, object] = {}

    def add(self, stems: tuple[str, ...], payload: object) -> None:
        if not stems:
            return
        node = self.root
        for s in stems:
            node = node.setdefault(s, {})  # type: ignore[assignment]
        node.setdefault("", []).append(payload)  # type: ignore[attr-defined]

    def walk(self, tokens: Tokens, i: int) -> list[tuple[int, object]]:
        """(index after the match, payload) for every sequence starting at token ``i``."""
        stems, sentences = tokens.stems, tokens.sentences
        node = self.root.get(stems[i])
        if node is None:
            return []
        out: list[tuple[int, object]] = []
        sentence, n, j = sentences[i], len(stems), i + 1
        while True:
            for payload in node.get("", ()):  # type: ignore[attr-defined]
                out.append((j, payload))
            if j >= n or sentences[j] != sentence:
                return out
            node = node.get(stems[j])  # type: ignore[attr-defined]
            if node is None:
                return out
            j += 1

    def __bool__(self) -> bool:
        return bool(self.root)


@dataclass(frozen=True)
class Frame:
    """Slots (one trie each) that must follow each other within ``gap`` words."""

    signal: str
    slots: tuple[Trie, ...]
    gap: int


@dataclass
class Matcher:
    """Every signal's phrases and frames, compiled into one trie walk."""

    first: Trie = field(default_factory=Trie)
    frames: list[Frame] = field(default_factory=list)
    unless_before: dict[str, Trie] = field(default_factory=dict)
    unless_next: dict[str, Trie] = field(default_factory=dict)
    unless_near: dict[str, Trie] = field(default_factory=dict)
    unless_sentence: dict[str, Trie] = field(default_factory=dict)
    """A scenario's `unless` words: anywhere in the match's sentence, they cancel it."""
    dropped: dict[str, Trie] = field(default_factory=dict)
    """A scenario's dropped phrases, per signal."""

    def add_phrase(self, signal: str, phrase: str) -> None:
        self.first.add(phrase_stems(phrase), ("phrase", signal))

    def add_frame(self, signal: str, slots: tuple[tuple[str, ...], ...], gap: int) -> None:
        tries = []
        for slot in slots:
            trie = Trie()
            for phrase in slot:
                trie.add(phrase_stems(phrase), True)
            tries.append(trie)
        index = len(self.frames)
        self.frames.append(Frame(signal, tuple(tries), gap))
        for phrase in slots[0]:
            self.first.add(phrase_stems(phrase), ("frame", index))

    def add_guard(self, table: dict[str, Trie], signal: str, phrases: tuple[str, ...]) -> None:
        trie = table.setdefault(signal, Trie())
        for phrase in phrases:
            trie.add(phrase_stems(phrase), True)

    def find(self, tokens: Tokens) -> list[tuple[str, int, int]]:
        """(signal, first token, index after the last token) for every match."""
        found: list[tuple[str, int, int]] = []
        root, stems = self.first.root, tokens.stems
        for i in range(len(stems)):
            if stems[i] not in root:
                continue
            for end, payload in self.first.walk(tokens, i):
                kind: str
                ref: str | int
                kind, ref = payload  # type: ignore[misc]
                if kind == "phrase":
                    found.append((str(ref), i, end))
                else:
                    frame = self.frames[int(ref)]
                    stop = _follow(frame, tokens, end, 1)
                    if stop is not None:
                        found.append((frame.signal, i, stop))
        return found

    def guarded(self, signal: str, tokens: Tokens, i: int, end: int, clause: int) -> bool:
        """An ``unless_before`` phrase in the few words before token ``i`` (from ``clause``),
        an ``unless_next`` phrase right after the match, or an ``unless_near`` phrase
        within the next few words of its sentence."""
        before = self.unless_before.get(signal)
        if before is not None:
            for k in range(max(clause, i - 6), i):
                if _guards(before, tokens, k):
                    return True
        anywhere = self.unless_sentence.get(signal)
        if anywhere is not None and self._in_sentence(anywhere, tokens, i):
            return True
        after = self.unless_next.get(signal)
        same = end < len(tokens) and tokens.sentences[end] == tokens.sentences[i]
        if after is not None and same and _guards(after, tokens, end):
            return True
        near = self.unless_near.get(signal)
        if near is not None:
            for k in range(end, min(len(tokens), end + NEAR)):
                if tokens.sentences[k] != tokens.sentences[i]:
                    break
                if _guards(near, tokens, k):
                    return True
        return False

    def vetoed(self, signal: str, tokens: Tokens, start: int, end: int) -> bool:
        """Whether the characters ``start:end`` (a model finding) hold a phrase the scenario
        dropped from ``signal`` or one of its ``unless`` words: the scenario's word wins
        over the intent model too."""
        tries = [t for t in (self.dropped.get(signal), self.unless_sentence.get(signal)) if t]
        if not tries:
            return False
        for k, at in enumerate(tokens.starts):
            if start <= at < end and any(_guards(t, tokens, k) for t in tries):
                return True
        return False

    @staticmethod
    def _in_sentence(trie: Trie, tokens: Tokens, i: int) -> bool:
        sentences = tokens.sentences
        sentence = sentences[i]
        k = i
        while k > 0 and sentences[k - 1] == sentence:
            k -= 1
        while k < len(tokens) and sentences[k] == sentence:
            if _guards(trie, tokens, k):
                return True
            k += 1
        return False


def _follow(frame: Frame, tokens: Tokens, at: int, slot: int) -> int | None:
    """Where a frame's match ends if slots ``slot..`` follow from token ``at``."""
    if slot == len(frame.slots):
        return at
    if at >= len(tokens):
        return None
    sentences = tokens.sentences
    sentence = sentences[at - 1]
    for k in range(at, min(at + frame.gap + 1, len(tokens))):
        if sentences[k] != sentence:
            break
        for end, _ in frame.slots[slot].walk(tokens, k):
            stop = _follow(frame, tokens, end, slot + 1)
            if stop is not None:
                return stop
    return None
