"""The learned sentence-intent model, without a UI and without numpy or scikit-learn.

``intent_model.json`` (beside this module) holds a one-vs-rest logistic regression over
word, word-pair and character n-gram features (``features.py``), fitted by
``make train-reader`` on the project's own labelled sentences (``training/reader/``). Here
it is only applied: per sentence, a sum of integer weights per intent, a sigmoid, and the
threshold chosen for that intent by cross-validation on the training data. The weights
are stored by feature (each feature lists the intents it weighs for), so a sentence costs
one look-up per feature.

The model finds intent in words no lexicon phrase covers ("it has been my dream to be
part of your unit"). It never invents signals: each intent maps to an existing signal id,
whose rule, tip and rewrite come from the lexicon. What weighed most is kept, so every
finding can name the words behind it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from simulator.reading.features import features, tokens

MODEL_PATH = Path(__file__).with_name("intent_model.json")
PITCH = "pitch"
"""The model's union label: any pitch for the learner's own job."""


@dataclass(frozen=True)
class Intent:
    """One intent the model sees in a sentence, with its confidence and strongest words."""

    label: str
    confidence: float
    words: tuple[str, ...]
    """The words that weighed most, strongest first (as written in the sentence); empty
    until ``IntentModel.explain`` fills them in."""
    anchor: tuple[int, int]
    """Where the strongest word is, as offsets into the sentence."""


@dataclass(frozen=True)
class IntentModel:
    """Weights, biases and thresholds, loaded once from the shipped data file."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]
    sure: tuple[bool, ...]
    message_thresholds: tuple[float, ...]
    """Per intent, the threshold for a whole message (chosen by cross-validation on whole
    items only); 1.0 when no threshold held the precision asked of it."""
    """Whether each intent's threshold reached the precision asked of it in cross-validation."""
    stage_thresholds: dict[str, tuple[float, ...]]
    """Per stage, the sentence thresholds chosen on that stage's rows in cross-validation
    (the meeting's pitches; an intent without enough rows there keeps its own threshold)."""
    index: dict[str, str]
    """Feature -> "intent weight intent weight ..." (weights scaled by ``scale``): one
    look-up per feature of a sentence, whatever the number of intents."""
    scale: float

    parsed: dict[str, dict[int, int]] = field(default_factory=dict, compare=False)
    """Feature -> {intent: weight}, built the first time ``explain`` meets the feature."""
    packed: dict[str, int] = field(default_factory=dict, compare=False)
    """Feature -> every intent's weight packed into one integer (``_pack``), built the
    first time the feature is met: a sentence's scores are then one integer sum."""

    def scores(self, sentence: str, only: frozenset[str] | None = None) -> list[Intent]:
        """Every intent (of ``only``, when given) whose confidence passes its threshold."""
        toks = tokens(sentence)
        if not toks:
            return []
        confidences = self.confidences(features([w for w, _, _ in toks]))
        return self.passing(confidences, self.thresholds, only)

    def threshold(self, label: str) -> float:
        """The sentence threshold of ``label`` (above 1: never, for an unknown intent)."""
        return self.thresholds[self.labels.index(label)] if label in self.labels else 2.0

    def confidences(self, names: Iterable[str]) -> list[float]:
        """Every intent's confidence (0-1) for a set of feature names: a sentence's, or a
        whole message's (the union of its sentences' features)."""
        index, packed = self.index, self.packed
        present = [name for name in names if name in index]
        for name in present:
            if name not in packed:
                packed[name] = _pack(_row(index[name]))
        sums = _unpack(sum(map(packed.__getitem__, present)), len(self.labels))
        out = []
        for label, score in enumerate(sums):
            logit = self.bias[label] + score / self.scale
            out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit)))))
        return out

    def passing(
        self,
        confidences: list[float],
        thresholds: tuple[float, ...],
        only: frozenset[str] | None = None,
    ) -> list[Intent]:
        """The intents (of ``only``, when given) whose confidence reaches its threshold."""
        out = []
        for label, confidence in enumerate(confidences):
            if only is not None and self.labels[label] not in only:
                continue
            if confidence >= thresholds[label]:
                out.append(Intent(self.labels[label], round(confidence, 3), (), (0, 0)))
        return out

    def explain(self, sentence: str, intent: Intent) -> Intent:
        """The intent with the words that weighed most for it, strongest first, and where
        the strongest is (``scores`` leaves this out: most intents it finds are dropped
        before they become findings, and naming the words costs more than scoring)."""
        toks = tokens(sentence)
        if not toks or intent.label not in self.labels:
            return intent
        feats = features([w for w, _, _ in toks])
        label = self.labels.index(intent.label)
        per_word: dict[int, float] = {}
        index, parsed = self.index, self.parsed
        for name, where in feats.items():
            weights = parsed.get(name)
            if weights is None:
                text = index.get(name)
                if text is None:
                    continue
                row = _row(text)
                weights = parsed[name] = dict(zip(row[::2], row[1::2], strict=True))
            weight = weights.get(label)
            if weight is not None:
                for i in where:
                    per_word[i] = per_word.get(i, 0.0) + weight / len(where)
        ranked = sorted(per_word.items(), key=lambda kv: (-kv[1], kv[0]))
        # Four words: a pair feature ("s:team fit") shares its weight with both words, so
        # "your" and "would" can crowd the one that means something out of a top three.
        strong = [i for i, value in ranked[:STRONGEST] if value > 0 and toks[i][0] != "?"]
        top = strong[0] if strong else 0
        words = tuple(sentence[toks[i][1] : toks[i][2]] for i in strong)
        return Intent(intent.label, intent.confidence, words, (toks[top][1], toks[top][2]))


STRONGEST = 4
"""How many of a finding's strongest words are named (and looked at for a meaning)."""

_SLOT = 32
"""Bits per intent in a packed weight vector: sums of a few hundred weights of a few
thousand each stay far inside +/- 2**31."""


def _row(text: str) -> list[int]:
    """A feature's stored "intent weight ..." text as numbers."""
    return [int(value) for value in text.split()]


def _pack(row: list[int]) -> int:
    """[intent, weight, ...] as one integer, intent ``k``'s weight at bit ``32 * k``.
    Integers add slot by slot (a negative weight borrows from the slots above, which
    ``_unpack`` gives back), so summing packed vectors sums every intent at once."""
    value = 0
    for k in range(0, len(row), 2):
        value += row[k + 1] << (_SLOT * row[k])
    return value


def _unpack(value: int, count: int) -> list[int]:
    """The ``count`` signed slot sums of a sum of packed vectors."""
    out = []
    mask, half = (1 << _SLOT) - 1, 1 << (_SLOT - 1)
    for _ in range(count):
        slot = value & mask
        if slot >= half:
            slot -= 1 << _SLOT
        out.append(slot)
        value = (value - slot) >> _SLOT
    return out


@lru_cache(maxsize=1)
def load_model() -> IntentModel | None:
    """The shipped model, or None when the data file is missing (the lexicon still reads)."""
    try:
        raw = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return IntentModel(
        labels=tuple(raw["labels"]),
        bias=tuple(float(b) for b in raw["bias"]),
        thresholds=tuple(float(t) for t in raw["thresholds"]),
        sure=tuple(bool(v) for v in raw.get("sure", [True] * len(raw["labels"]))),
        message_thresholds=tuple(
            float(t) for t in raw.get("message_thresholds", [1.0] * len(raw["labels"]))
        ),
        stage_thresholds={
            stage: tuple(float(t) for t in values)
            for stage, values in (raw.get("stage_thresholds") or {}).items()
        },
        index=raw["index"],
        scale=float(raw["scale"]),
    )
