"""The lexicon, without a UI: signal definitions, phrase lists and frames, loaded from data.

The standard lexicon is ``lexicon.yaml`` beside this module. A signal is found by plain
phrases ("are you hiring") or by frames: short sequences of phrase slots that must appear
in order, a few words apart at most ("[i'd love to | hoping to] [join | work for] [your
team | your company]"). A scenario extends a signal with plain phrases only.

Phrases never become regular expressions: they are cut into word stems and matched by a
trie walk over the text's words (``matcher.py``), so no author text can make matching slow.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from simulator.reading.matcher import Matcher

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")
DEFAULT_GAP = 2
"""Words allowed between two slots of a frame unless the frame says otherwise."""
MAX_GAP = 6


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
    unless_near: tuple[str, ...] = ()
    """Phrases that, within the next few words of the same sentence, show it means
    something else ("I applied to the MSW *programme*": a school, not a job)."""
    unless_sentence: tuple[str, ...] = ()
    """Words that, anywhere in the sentence, cancel a match and any model finding of the
    signal there ("should someone...": a question about people in general); a scenario's
    `unless` words are added to them."""
    dropped: tuple[str, ...] = ()
    """A scenario's dropped phrases: neither a phrase nor the intent model reads them as
    this signal any more."""
    label: str = ""
    """The signal in plain words for learners ("asks about openings"); never the id."""

    @property
    def words(self) -> str:
        """What a learner is shown for this signal: its label, or its id made readable."""
        return self.label or self.id.replace("_", " ")


@dataclass(frozen=True)
class Lexicon:
    """All signal specs and the compiled matcher for each."""

    specs: dict[str, SignalSpec]
    matcher: Matcher = field(default_factory=Matcher, compare=False)
    """Every phrase and frame, compiled into one trie walk over the words."""

    def extended(self, extra: dict[str, list[str]]) -> Lexicon:
        """A lexicon with a scenario's extra phrases added (unknown ids are ignored here;
        the validator reports them)."""
        if not extra:
            return self
        return _extended(self, tuple((k, tuple(v)) for k, v in sorted(extra.items())))

    def customised(self, extra: dict[str, list[str]], settings: dict[str, Any]) -> Lexicon:
        """A lexicon with a scenario's changes: extra phrases, and per signal (``settings``,
        objects with the fields of ``content.models.SignalSettings``) new wording, phrases
        added or dropped, ``unless`` words, switched off, or a new signal ``like`` a
        built-in one. Unknown ids are skipped here; the validator reports them."""
        base = self.extended(extra)
        if not settings:
            return base
        key = (
            "settings",
            id(base),
            tuple(sorted((k, _settings_key(v)) for k, v in settings.items())),
        )
        cached = _EXTENDED.get(key)
        if cached is not None and cached[0] is base:
            return cached[1]
        specs = dict(base.specs)
        for signal_id, change in sorted(settings.items()):
            spec = specs.get(signal_id)
            if spec is None and change.like in specs and not change.off:
                spec = replace(
                    specs[change.like],
                    id=signal_id,
                    phrases=(),
                    frames=(),
                    gaps=(),
                    unless_before=(),
                    unless_next=(),
                    unless_near=(),
                    unless_sentence=(),
                    detector="",
                    topic=None,
                    label="",  # a new signal is never shown under its model's words
                )
            if spec is None:
                continue
            if change.off:
                del specs[signal_id]
                continue
            dropped = {p.lower().strip() for p in change.drop}
            added = tuple(p.lower().strip() for p in change.phrases)
            specs[signal_id] = replace(
                spec,
                phrases=tuple(
                    dict.fromkeys(p for p in (*spec.phrases, *added) if p not in dropped)
                ),
                unless_sentence=tuple(
                    dict.fromkeys(
                        (*spec.unless_sentence, *(p.lower().strip() for p in change.unless))
                    )
                ),
                dropped=tuple(sorted({*spec.dropped, *dropped})),
                topic=change.topic or spec.topic,
                label=getattr(change, "label", None) or spec.label,
                rule=change.rule or spec.rule,
                tip=change.tip or spec.tip,
                rewrite=change.rewrite or spec.rewrite,
            )
        result = _compile(specs)
        if len(_EXTENDED) > 32:
            _EXTENDED.clear()
        _EXTENDED[key] = (base, result)
        return result

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


def _settings_key(change: Any) -> Any:
    fields = (
        "off",
        "like",
        "topic",
        "phrases",
        "drop",
        "unless",
        "label",
        "rule",
        "tip",
        "rewrite",
    )
    return tuple(
        tuple(v) if isinstance(v := getattr(change, name, None), list) else v for name in fields
    )


def scenario_lexicon(scenario: Any) -> Lexicon:
    """The standard lexicon with one scenario's ``lexicon`` and ``signals`` applied (any
    object with those two attributes: the reader never imports the content models)."""
    return standard_lexicon().customised(
        dict(getattr(scenario, "lexicon", {}) or {}), dict(getattr(scenario, "signals", {}) or {})
    )


def _compile(specs: dict[str, SignalSpec]) -> Lexicon:
    matcher = Matcher()
    for sid, spec in specs.items():
        for phrase in spec.phrases:
            matcher.add_phrase(sid, phrase)
        for slots, gap in zip(spec.frames, spec.gaps, strict=True):
            matcher.add_frame(sid, slots, max(0, min(gap, MAX_GAP)))
        if spec.unless_before:
            matcher.add_guard(matcher.unless_before, sid, spec.unless_before)
        if spec.unless_next:
            matcher.add_guard(matcher.unless_next, sid, spec.unless_next)
        if spec.unless_near:
            matcher.add_guard(matcher.unless_near, sid, spec.unless_near)
        if spec.unless_sentence:
            matcher.add_guard(matcher.unless_sentence, sid, spec.unless_sentence)
        if spec.dropped:
            matcher.add_guard(matcher.dropped, sid, spec.dropped)
    return Lexicon(specs, matcher)


def _frames(raw: Any, sid: str) -> tuple[tuple[tuple[tuple[str, ...], ...], ...], tuple[int, ...]]:
    frames, gaps = [], []
    for entry in raw or []:
        slots_raw, gap = (
            (entry["slots"], int(entry.get("gap", DEFAULT_GAP)))
            if isinstance(entry, dict)
            else (entry, DEFAULT_GAP)
        )
        slots = tuple(_phrases(slot, sid) for slot in slots_raw)
        if len(slots) < 2 or not all(slots):
            raise ValueError(f"lexicon.yaml: {sid}: a frame needs two or more non-empty slots")
        if not 0 <= gap <= MAX_GAP:
            raise ValueError(f"lexicon.yaml: {sid}: a frame's gap is {gap}; it must be 0-{MAX_GAP}")
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
                unless_near=_phrases(raw.get("unless_near"), sid),
                unless_sentence=_phrases(raw.get("unless_sentence"), sid),
                label=str(raw.get("label", "")),
            )
    return _compile(specs)


def signal_words(signal_id: str) -> str:
    """A signal as a learner reads it ("asks about openings"), from the standard lexicon's
    ``label``; an id it does not know is made readable, never shown raw."""
    spec = standard_lexicon().specs.get(signal_id)
    return spec.words if spec is not None else signal_id.replace("_", " ")


@lru_cache(maxsize=1)
def standard_lexicon() -> Lexicon:
    """The built-in lexicon (loaded once per process, on first use; compiled once per
    change of the file or the reading code, see ``lexicon_cache``)."""
    from simulator.reading.lexicon_cache import cached_lexicon

    return cached_lexicon(LEXICON_PATH, _parse_standard)


def _parse_standard() -> Lexicon:
    """``lexicon.yaml`` parsed and compiled (what the cache saves)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(LEXICON_PATH.read_text(encoding="utf-8"), Loader=loader)
    return parse_lexicon(data)
