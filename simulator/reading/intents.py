"""The learned sentence-intent model, without a UI and without numpy or scikit-learn.

``intent_model.json`` (beside this module) holds a one-vs-rest logistic regression over
word, word-pair and character n-gram features (``features.py``), fitted by
``make train-reader`` on the project's own labelled sentences (``training/reader/``). Here
it is only applied: per sentence, a sum of integer weights per intent, a sigmoid, and the
threshold chosen for that intent by cross-validation on the training data.

The model finds intent in words no lexicon phrase covers ("it has been my dream to be
part of your unit"). It never invents signals: each intent maps to an existing signal id,
whose rule, tip and rewrite come from the lexicon. What weighed most is kept, so every
finding can name the words behind it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
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
    """The words that weighed most, strongest first (as written in the sentence)."""
    anchor: tuple[int, int]
    """Where the strongest word is, as offsets into the sentence."""


@dataclass(frozen=True)
class IntentModel:
    """Weights, biases and thresholds, loaded once from the shipped data file."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]
    sure: tuple[bool, ...]
    """Whether each intent's threshold reached the precision asked of it in cross-validation."""
    weights: tuple[dict[str, int], ...]
    """Per intent, feature -> weight (scaled by ``scale``); absent features weigh 0."""
    scale: float

    known: frozenset[str] = frozenset()
    """Every feature any intent weighs (the others are skipped at once)."""

    def scores(self, sentence: str, only: frozenset[str] | None = None) -> list[Intent]:
        """Every intent (of ``only``, when given) whose confidence passes its threshold."""
        toks = tokens(sentence)
        if not toks:
            return []
        feats = features([w for w, _, _ in toks])
        known = self.known
        names = [name for name in feats if name in known]
        out = []
        for label, table in enumerate(self.weights):
            if only is not None and self.labels[label] not in only:
                continue
            score = sum(filter(None, map(table.get, names)))
            logit = self.bias[label] + score / self.scale
            confidence = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))
            if confidence >= self.thresholds[label]:
                out.append(self._explain(label, confidence, feats, toks, sentence))
        return out

    def _explain(
        self,
        label: int,
        confidence: float,
        feats: dict[str, tuple[int, ...]],
        toks: list[tuple[str, int, int]],
        sentence: str,
    ) -> Intent:
        """The intent with the words that weighed most for it (only for passing intents)."""
        table = self.weights[label]
        per_word: dict[int, float] = {}
        for name, where in feats.items():
            weight = table.get(name)
            if weight:
                for i in where:
                    per_word[i] = per_word.get(i, 0.0) + weight / len(where)
        ranked = sorted(per_word.items(), key=lambda kv: (-kv[1], kv[0]))
        strong = [i for i, value in ranked[:3] if value > 0 and toks[i][0] != "?"]
        top = strong[0] if strong else 0
        words = tuple(sentence[toks[i][1] : toks[i][2]] for i in strong)
        return Intent(self.labels[label], round(confidence, 3), words, (toks[top][1], toks[top][2]))


@lru_cache(maxsize=1)
def load_model() -> IntentModel | None:
    """The shipped model, or None when the data file is missing (the lexicon still reads)."""
    try:
        raw = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    weights = tuple(raw["features"][label] for label in raw["labels"])
    return IntentModel(
        labels=tuple(raw["labels"]),
        bias=tuple(float(b) for b in raw["bias"]),
        thresholds=tuple(float(t) for t in raw["thresholds"]),
        sure=tuple(bool(v) for v in raw.get("sure", [True] * len(raw["labels"]))),
        weights=weights,
        scale=float(raw["scale"]),
        known=frozenset().union(*weights),
    )
