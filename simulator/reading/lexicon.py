"""The lexicon, without a UI: signal definitions and phrase lists, loaded from data.

The standard lexicon is ``lexicon.yaml`` beside this module. A scenario extends it with
plain phrases. Phrases become regular expressions only through ``re.escape`` and a fixed
set of joins, so no author text can make matching slow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")

# Contractions and their long forms: a phrase written either way matches both.
_CONTRACTIONS = {
    "i am": "i'm",
    "i would": "i'd",
    "i have": "i've",
    "i will": "i'll",
    "you are": "you're",
    "you would": "you'd",
    "do not": "don't",
    "is not": "isn't",
    "are not": "aren't",
    "would not": "wouldn't",
    "it is": "it's",
    "that is": "that's",
    "what is": "what's",
}


@dataclass(frozen=True)
class SignalSpec:
    """What one signal means: its polarity, criterion, rule and tip."""

    id: str
    polarity: str
    criterion: str
    points: int
    rule: str
    tip: str
    topic: str | None = None
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """All signal specs and the compiled phrase matcher for each."""

    specs: dict[str, SignalSpec]
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False)

    def extended(self, extra: dict[str, list[str]]) -> Lexicon:
        """A lexicon with a scenario's extra phrases added (unknown ids are ignored here;
        the validator reports them)."""
        if not extra:
            return self
        specs = dict(self.specs)
        for signal_id, phrases in extra.items():
            spec = specs.get(signal_id)
            if spec is None:
                continue
            merged = tuple(dict.fromkeys((*spec.phrases, *(p.lower() for p in phrases))))
            specs[signal_id] = SignalSpec(**{**spec.__dict__, "phrases": merged})
        return _compile(specs)


@lru_cache(maxsize=8192)  # pure; every session re-extends the lexicon with the same phrases
def phrase_pattern(phrase: str) -> str:
    """A regex source for one plain phrase: words escaped, joined by flexible spacing,
    contractions and a plural/verb ending tolerated on the last word."""
    variants = {phrase.lower().strip()}
    for long, short in _CONTRACTIONS.items():
        for variant in list(variants):
            if re.search(rf"\b{re.escape(long)}\b", variant):
                variants.add(re.sub(rf"\b{re.escape(long)}\b", short, variant))
            if short in variant:
                variants.add(variant.replace(short, long))
    sources = []
    for variant in sorted(variants):
        words = re.findall(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]", variant)
        parts = [re.escape(w).replace("'", "['’]") for w in words]
        if parts and re.fullmatch(r"[a-z]{3,}", words[-1]):
            parts[-1] += "(?:s|es|d|ed|ing)?"
        sources.append(r"[\s\-]*".join(parts) if len(parts) > 1 else parts[0] if parts else "")
    body = "|".join(s for s in sources if s)
    return rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])"


def _compile(specs: dict[str, SignalSpec]) -> Lexicon:
    patterns = {
        sid: re.compile("|".join(phrase_pattern(p) for p in spec.phrases), re.IGNORECASE)
        for sid, spec in specs.items()
        if spec.phrases
    }
    return Lexicon(specs, patterns)


@lru_cache(maxsize=1)
def standard_lexicon() -> Lexicon:
    """The built-in lexicon (loaded once per process)."""
    data = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    specs = {}
    for sid, raw in data["signals"].items():
        specs[sid] = SignalSpec(
            id=sid,
            polarity=raw["polarity"],
            criterion=raw["criterion"],
            points=int(raw["points"]),
            rule=raw["rule"],
            tip=raw["tip"],
            topic=raw.get("topic"),
            phrases=tuple(str(p).lower() for p in raw.get("phrases", [])),
        )
    return _compile(specs)
