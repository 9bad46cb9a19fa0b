"""Features of one sentence for the intent model, in pure Python (no numpy, no sklearn).

The trainer (``training/reader/train.py``) and the reader call the same ``features`` on
the same text, so the weights shipped with the package mean exactly what they meant when
they were fitted. A sentence becomes a set of strings:

- ``w:word`` for every word (lower case, curly quotes folded, digits turned into ``0``),
- ``b:word word`` for every pair of neighbouring words (with ``<s>`` at the start),
- ``c:abcde`` for the character 5-grams of each word with a space either side (a word of
  three letters or more gives at least one: the stem-like part of the word).

- ``k:CLASS`` for a word of a broad class (a place of work, a post, a wish, a CV, hiring,
  the learner, the reader), ``q:word CLASS`` for the class after its neighbour ("your
  PLACE"), and ``x:A+B`` for each pair of classes one sentence holds ("WISH+PLACE"): the
  model learns "a wish about their workplace" once, not once per noun a writer happened
  to use ("a desk in your studio", "a chair at the shop", "a seat in your newsroom").

Texting spellings are read as the words they stand for ("ur" as "your", "u" as "you"), so
a casual note weighs what a formal one does. Each feature remembers which word(s) it came
from, so a finding can name the words that weighed most and the scope rules can look at
the clause around them.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|\?")
_ZEROS = str.maketrans("123456789", "000000000")
_FOLD = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u00e9": "e"}
)
CHAR_SIZES = (5,)
"""Character 5-grams only: chosen by writer-held-out cross-validation (better recall at the
same precision than 3- and 4-grams, and half the look-ups)."""


SKIPS = (2, 3)
"""Pairs of words one or two words apart (``s:``): a wording no writer used still shares
them with one that was ("flag my name", "flag my application"); on the writer-held-out
split they raised pitch recall at 95% precision by about two points."""

_TEXTING = {
    "u": "you",
    "ya": "you",
    "ur": "your",
    "r": "are",
    "im": "i'm",
    "ive": "i've",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "wanna": "want",
    "gonna": "going",
    "abt": "about",
    "ppl": "people",
    "cuz": "because",
    "bc": "because",
    "rn": "now",
    "tho": "though",
}
"""Texting spellings and the words they stand for."""
_CLASSES = {
    "PLACE": "team teams company firm crew studio shop salon clinic hospital practice lab "
    "laboratory department dept school station kitchen hotel agency office ward newsroom "
    "park library brokerage organisation organization org group unit store restaurant "
    "bakery garage site plant centre center charity startup business institute museum "
    "gallery theatre theater label paper newspaper magazine branch bank council ministry "
    "university college academy surgery pharmacy bar cafe trust foundation lab's team's "
    "company's firm's office's",
    "POST": "role roles position positions job jobs opening openings vacancy vacancies spot "
    "place seat chair desk internship internships placement placements apprenticeship "
    "traineeship post opportunity opportunities slot gig contract",
    "WISH": "dream dreams ambition goal goals hope hoping hoped wish wishes love keen eager "
    "excited aspire aspiration aspirations longing want wanted wants thrilled delighted "
    "privilege honour honor someday",
    "PAPERS": "resume resumes cv cvs portfolio samples clips reel attached enclosed attach "
    "attaching",
    "HIRE": "hiring hire hires recruiting recruit recruits staffing expanding growing headcount "
    "onboarding",
    "ME": "i me my i'm i'd i've i'll myself mine",
    "YOU": "you your yours you're you've you'd",
}
_PRONOUNS = ("ME", "YOU")
_CLASS_OF = {word: name for name, words in _CLASSES.items() for word in words.split()}
"""Word -> its broad class (see the module docstring)."""


@lru_cache(maxsize=1024)
def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """The words of ``text`` as (normalised word, start, end), offsets into ``text``
    (remembered: the reader asks for a sentence's words more than once)."""
    folded = text.translate(_FOLD).lower().translate(_ZEROS)
    texting = _TEXTING
    return tuple(
        (texting.get(word, word), m.start(), m.end())
        for m in _TOKEN.finditer(folded)
        if (word := m.group())
    )


def features(words: list[str]) -> dict[str, tuple[int, ...]]:
    """Every feature of a sentence's words, mapped to the indexes of the words it uses."""
    out: dict[str, tuple[int, ...]] = {}
    previous = "<s>"
    classes: dict[str, int] = {}
    for i, word in enumerate(words):
        out.setdefault("w:" + word, (i,))
        out.setdefault(f"b:{previous} {word}", (i,) if i == 0 else (i - 1, i))
        kind = _CLASS_OF.get(word)
        if kind is not None:
            if kind not in _PRONOUNS:  # "w:" and "b:" already say these
                out.setdefault("k:" + kind, (i,))
                out.setdefault(f"q:{previous} {kind}", (i,) if i == 0 else (i - 1, i))
            classes.setdefault(kind, i)
        previous = word
        for back in SKIPS:  # "s:get in" from "get my foot in", "get a foot in"...
            if i >= back:
                out.setdefault(f"s:{words[i - back]} {word}", (i - back, i))
        if word == "?":
            continue
        for gram in _grams(word):
            out.setdefault(gram, (i,))
    named = sorted(classes)
    for k, first in enumerate(named):
        for second in named[k + 1 :]:
            out.setdefault(f"x:{first}+{second}", (classes[first], classes[second]))
    return out


@lru_cache(maxsize=4096)
def _grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple(
        "c:" + padded[k : k + size] for size in CHAR_SIZES for k in range(len(padded) - size + 1)
    )


def feature_names(text: str) -> list[str]:
    """The sorted feature names of a text (what the trainer vectorises)."""
    return sorted(features([w for w, _, _ in tokens(text)]))


def message_feature_names(sentences: list[str]) -> list[str]:
    """The sorted feature names of a whole message: the union of its sentences' features
    (what the trainer vectorises for an item, and what the reader sums for its
    message-level reading)."""
    names: set[str] = set()
    for sentence in sentences:
        names.update(features([w for w, _, _ in tokens(sentence)]))
    return sorted(names)
