"""Features of one sentence for the intent model, in pure Python (no numpy, no sklearn).

The trainer (``training/reader/train.py``) and the reader call the same ``features`` on
the same text, so the weights shipped with the package mean exactly what they meant when
they were fitted. A sentence becomes a set of strings:

- ``w:word`` for every word (lower case, curly quotes folded, digits turned into ``0``),
- ``b:word word`` for every pair of neighbouring words (with ``<s>`` at the start),
- ``c:abcde`` for the character 5-grams of each word with a space either side (a word of
  three letters or more gives at least one: the stem-like part of the word).

Each feature remembers which word(s) it came from, so a finding can name the words that
weighed most and the scope rules can look at the clause around them.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|\?")
_DIGIT = re.compile(r"[0-9]")
_FOLD = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u00e9": "e"}
)
CHAR_SIZES = (5,)
"""Character 5-grams only: chosen by writer-held-out cross-validation (better recall at the
same precision than 3- and 4-grams, and half the look-ups)."""


def tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` as (normalised word, start, end), offsets into ``text``."""
    folded = text.translate(_FOLD).lower()
    return [(_DIGIT.sub("0", m.group()), m.start(), m.end()) for m in _TOKEN.finditer(folded)]


def features(words: list[str]) -> dict[str, tuple[int, ...]]:
    """Every feature of a sentence's words, mapped to the indexes of the words it uses."""
    out: dict[str, tuple[int, ...]] = {}
    previous = "<s>"
    for i, word in enumerate(words):
        out.setdefault("w:" + word, (i,))
        out.setdefault(f"b:{previous} {word}", (i,) if i == 0 else (i - 1, i))
        previous = word
        if word == "?":
            continue
        for gram in _grams(word):
            out.setdefault(gram, (i,))
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
