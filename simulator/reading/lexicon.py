"""The lexicon, without a UI: signal definitions, phrase lists and frames, loaded from data.

The standard lexicon is ``lexicon.yaml`` beside this module. A signal is found by plain
phrases ("are you hiring") or by frames: short sequences of phrase slots that must appear
in order, a few words apart at most ("[i'd love to | hoping to] [join | work for] [your
team | your company]"). A scenario extends a signal with plain phrases only.

Phrases become regular expressions only through ``re.escape`` and a fixed set of joins
(flexible spacing, contractions, simple inflections, bounded word gaps), so no author text
can make matching slow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")
DEFAULT_GAP = 2
"""Words allowed between two slots of a frame unless the frame says otherwise."""
MAX_GAP = 6

# Contractions and their long forms: a phrase written either way matches both.
_CONTRACTIONS = {
    "i am": "i'm",
    "i would": "i'd",
    "i have": "i've",
    "i will": "i'll",
    "you are": "you're",
    "you would": "you'd",
    "you have": "you've",
    "we are": "we're",
    "they are": "they're",
    "there is": "there's",
    "do not": "don't",
    "does not": "doesn't",
    "did not": "didn't",
    "is not": "isn't",
    "are not": "aren't",
    "was not": "wasn't",
    "would not": "wouldn't",
    "will not": "won't",
    "can not": "can't",
    "cannot": "can't",
    "have not": "haven't",
    "it is": "it's",
    "that is": "that's",
    "what is": "what's",
    "how is": "how's",
    "let us": "let's",
}
# Short words whose inflected forms are not worth matching (and cost time).
_NO_INFLECTION = frozenset(
    "the and for you your yours any are was were our who how why what with from "
    "that this than then them they their there here has had his her its not can may "
    "all one own out off via per".split()
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]")


@dataclass(frozen=True)
class SignalSpec:
    """What one signal means: its polarity, criterion, rule, tip and evidence."""

    id: str
    polarity: str
    criterion: str
    points: int
    rule: str
    tip: str
    topic: str | None = None
    phrases: tuple[str, ...] = ()
    frames: tuple[tuple[tuple[str, ...], ...], ...] = ()
    """Each frame is a sequence of slots; each slot a set of alternative phrases."""
    gaps: tuple[int, ...] = ()
    """Words allowed between the slots of each frame (one number per frame)."""
    rewrite: str = ""
    """An example of better wording, shown beside the tip."""
    family: str = ""
    """time, pitch, relationship, questions or follow_through (for docs and benchmarks)."""
    detector: str = ""
    """How it is found when not by phrases (for docs): e.g. "attachment names"."""
    unless_before: tuple[str, ...] = ()
    """Phrases that, shortly before a match in the same clause, show it means something else."""
    unless_next: tuple[str, ...] = ()
    """Phrases that, right after a match, show it means something else."""


@dataclass(frozen=True)
class Lexicon:
    """All signal specs and the compiled matcher for each."""

    specs: dict[str, SignalSpec]
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False)
    before: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False)
    """Per signal: finds an ``unless_before`` phrase (searched in the clause before a match)."""
    after: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False)
    """Per signal: matches an ``unless_next`` phrase at the start of the text."""

    def extended(self, extra: dict[str, list[str]]) -> Lexicon:
        """A lexicon with a scenario's extra phrases added (unknown ids are ignored here;
        the validator reports them)."""
        if not extra:
            return self
        return _extended(self, tuple((k, tuple(v)) for k, v in sorted(extra.items())))

    def unknown(self, extra: dict[str, list[str]]) -> list[str]:
        """Signal ids in ``extra`` that this lexicon does not define."""
        return [sid for sid in extra if sid not in self.specs]


def _extended(base: Lexicon, extra: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    key = (id(base), extra)
    cached = _EXTENDED.get(key)
    if cached is not None and cached[0] is base:
        return cached[1]
    specs = dict(base.specs)
    for signal_id, phrases in extra:
        spec = specs.get(signal_id)
        if spec is None:
            continue
        merged = tuple(dict.fromkeys((*spec.phrases, *(p.lower().strip() for p in phrases))))
        specs[signal_id] = replace(spec, phrases=merged)
    result = _compile(specs)
    if len(_EXTENDED) > 32:
        _EXTENDED.clear()
    _EXTENDED[key] = (base, result)
    return result


_EXTENDED: dict[Any, tuple[Lexicon, Lexicon]] = {}


def _inflect(word: str) -> str:
    """An escaped word with simple inflections: opening(s), hire/hired/hiring, apply/applied."""
    escaped = re.escape(word).replace("'", "['’]")
    if not re.fullmatch(r"[a-z]{3,}", word) or word in _NO_INFLECTION:
        return escaped
    if word.endswith("e") and not word.endswith("ee"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing|er|ers)"
    if word.endswith("y") and word[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies|ied|ying)"
    return escaped + "(?:s|es|ed|ing|d)?"


def _variants(phrase: str) -> set[str]:
    variants = {" ".join(phrase.lower().replace("’", "'").split())}
    for long, short in _CONTRACTIONS.items():
        for variant in list(variants):
            if re.search(rf"\b{re.escape(long)}\b", variant):
                variants.add(re.sub(rf"\b{re.escape(long)}\b", short, variant))
            if re.search(rf"(?<![a-z]){re.escape(short)}(?![a-z])", variant):
                variants.add(variant.replace(short, long))
    return variants


def phrase_body(phrase: str) -> str:
    """A regex source (no boundaries) for one plain phrase: words escaped and inflected,
    joined by flexible spacing, contractions written either way."""
    sources = []
    for variant in sorted(_variants(phrase)):
        words = _WORD.findall(variant)
        parts = [_inflect(w) for w in words]
        if parts:
            sources.append(r"[\s\-–]*".join(parts) if len(parts) > 1 else parts[0])
    return "|".join(dict.fromkeys(s for s in sources if s))


def phrase_pattern(phrase: str) -> str:
    """A regex source for one plain phrase, bounded so it matches whole words only."""
    return rf"(?<![a-z0-9])(?:{phrase_body(phrase)})(?![a-z0-9])"


def frame_pattern(slots: tuple[tuple[str, ...], ...], gap: int) -> str:
    """A regex source for a frame: its slots in order, at most ``gap`` words apart, never
    across a sentence end."""
    gap = max(0, min(gap, MAX_GAP))
    between = rf"(?:[\s,:\-–—]+[^\s.!?;]+){{0,{gap}}}[\s,:\-–—]+" if gap else r"[\s,:\-–—]+"
    bodies = ["(?:" + "|".join(phrase_body(p) for p in slot) + ")" for slot in slots]
    return r"(?<![a-z0-9])" + between.join(bodies) + r"(?![a-z0-9])"


def _compile(specs: dict[str, SignalSpec]) -> Lexicon:
    patterns, before, after = {}, {}, {}
    for sid, spec in specs.items():
        sources = [phrase_pattern(p) for p in spec.phrases]
        sources += [frame_pattern(f, g) for f, g in zip(spec.frames, spec.gaps, strict=True)]
        if sources:
            patterns[sid] = re.compile("|".join(sources), re.IGNORECASE)
        if spec.unless_before:
            body = "|".join(phrase_body(p) for p in spec.unless_before)
            before[sid] = re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])", re.IGNORECASE)
        if spec.unless_next:
            body = "|".join(phrase_body(p) for p in spec.unless_next)
            after[sid] = re.compile(rf"^\W*(?:{body})(?![a-z0-9])", re.IGNORECASE)
    return Lexicon(specs, patterns, before, after)


def _frames(raw: Any, sid: str) -> tuple[tuple[tuple[tuple[str, ...], ...], ...], tuple[int, ...]]:
    frames, gaps = [], []
    for entry in raw or []:
        slots_raw, gap = (entry["slots"], int(entry.get("gap", DEFAULT_GAP))) if isinstance(
            entry, dict
        ) else (entry, DEFAULT_GAP)
        slots = tuple(_phrases(slot, sid) for slot in slots_raw)
        if len(slots) < 2 or not all(slots):
            raise ValueError(f"lexicon.yaml: {sid}: a frame needs two or more non-empty slots")
        frames.append(slots)
        gaps.append(gap)
    return tuple(frames), tuple(gaps)


def _phrases(raw: Any, sid: str) -> tuple[str, ...]:
    out = []
    for phrase in raw or []:
        if not isinstance(phrase, str):  # YAML 1.1 turns a bare `no` into False
            raise ValueError(f"lexicon.yaml: {sid}: phrase {phrase!r} is not text; quote it")
        out.append(phrase.lower())
    return tuple(out)


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    """Build a lexicon from the parsed ``lexicon.yaml`` structure."""
    specs = {}
    for family, signals in data["families"].items():
        for sid, raw in signals.items():
            frames, gaps = _frames(raw.get("frames"), sid)
            specs[sid] = SignalSpec(
                id=sid,
                polarity=raw["polarity"],
                criterion=raw["criterion"],
                points=int(raw["points"]),
                rule=raw["rule"],
                tip=raw["tip"],
                topic=raw.get("topic"),
                phrases=_phrases(raw.get("phrases"), sid),
                frames=frames,
                gaps=gaps,
                rewrite=str(raw.get("rewrite", "")),
                family=family,
                detector=str(raw.get("detector", "")),
                unless_before=_phrases(raw.get("unless_before"), sid),
                unless_next=_phrases(raw.get("unless_next"), sid),
            )
    return _compile(specs)


@lru_cache(maxsize=1)
def standard_lexicon() -> Lexicon:
    """The built-in lexicon (loaded once per process, on first use)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(LEXICON_PATH.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    return parse_lexicon(data)
