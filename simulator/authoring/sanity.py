"""Sanity checks of what a scenario changes, without a UI: the mistakes a schema allows.

A positive signal listed as a blocker, a phrase as generic as "the", one phrase under two
signals of opposite polarity, a new signal built like nothing, an interruption longer than
the meeting, a check expecting a finding its stages can never produce, a persona line that
says what the persona never says. Each is reported at ``path:line:col`` with a hint.
Added phrases are measured against sample messages shipped with the package
(``samples.json``), so an author learns a phrase is too generic before a learner does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from simulator.content.safe_yaml import Path_
from simulator.reading import SignalSpec, standard_lexicon
from simulator.reading.matcher import Matcher, Tokens, tokenize
from simulator.reading.scope import fold

SAMPLES = Path(__file__).with_name("samples.json")
GENERIC_SHARE = 0.08
"""A phrase found in more than this share of the sample messages is too generic."""
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "i",
        "i'm",
        "i've",
        "me",
        "my",
        "you",
        "your",
        "we",
        "our",
        "they",
        "them",
        "their",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "so",
        "not",
        "no",
        "yes",
        "very",
        "just",
        "also",
    ]
)
STAGE_ONLY = {
    "thank_you": "follow_through",
    "meeting": "questions",
}
MEETING_SIGNALS = ("meeting_overrun", "ended_on_time", "persona_lost_patience", "no_questions")
OUTREACH_SIGNALS = ("not_accepted",)


class Out(Protocol):
    """Where findings go (crossref's collector)."""

    def error(self, path: Path_, message: str, *, at_value: bool = True) -> None: ...
    def warn(self, path: Path_, message: str, *, at_value: bool = True) -> None: ...


@lru_cache(maxsize=1)
def _samples() -> tuple[Tokens, ...]:
    data = json.loads(SAMPLES.read_text(encoding="utf-8"))
    return tuple(tokenize(fold(str(text))) for text in data["texts"])


def generic_share(phrase: str) -> float:
    """The share of the sample messages in which a phrase is found (0.0-1.0)."""
    matcher = Matcher()
    matcher.add_phrase("probe", phrase.lower().strip())
    samples = _samples()
    hits = sum(1 for tokens in samples if matcher.find(tokens))
    return hits / len(samples) if samples else 0.0


def _is_stopwords(phrase: str) -> bool:
    words = [w.strip(".,!?'\u2019") for w in phrase.lower().split()]
    return all(w in STOPWORDS for w in words if w)


def _list(value: Any) -> list[tuple[int, str]]:
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]


def new_signal_specs(data: dict[str, Any]) -> dict[str, SignalSpec]:
    """The specs of the new signals a scenario builds ``like`` built-in ones."""
    specs = standard_lexicon().specs
    out: dict[str, SignalSpec] = {}
    raw = data.get("signals")
    if not isinstance(raw, dict):
        return out
    for sid, change in raw.items():
        like = change.get("like") if isinstance(change, dict) else None
        if sid not in specs and isinstance(like, str) and like in specs:
            out[str(sid)] = specs[like]
    return out


def check_signals(out: Out, data: dict[str, Any]) -> None:
    """The ``signals:`` block and the ``lexicon:`` additions."""
    specs = dict(standard_lexicon().specs)
    raw = data.get("signals")
    raw = raw if isinstance(raw, dict) else {}
    created = new_signal_specs(data)
    for sid, change in raw.items():
        if isinstance(change, dict):
            _check_entry(out, str(sid), change, specs, created)
    _check_added(out, data, specs, created)


def _check_entry(
    out: Out,
    sid: str,
    change: dict[str, Any],
    specs: dict[str, SignalSpec],
    created: dict[str, SignalSpec],
) -> None:
    like = change.get("like")
    here = ("signals", sid)
    if sid in specs and like is not None:
        out.warn((*here, "like"), f"'{sid}' is a built-in signal: `like` is ignored")
    elif sid not in specs and like is None:
        out.error(
            here,
            f"unknown signal '{sid}'{_near(sid, specs)}; to build a new signal, give it "
            "`like: <a built-in signal>` and some phrases",
            at_value=False,
        )
    elif sid not in specs and isinstance(like, str) and like not in specs:
        out.error((*here, "like"), f"`like` names no built-in signal '{like}'{_near(like, specs)}")
    elif sid in created and not change.get("phrases"):
        out.warn(here, f"new signal '{sid}' has no phrases, so it is never found", at_value=False)
    spec = specs.get(sid) or created.get(sid)
    if spec is None:
        return
    if change.get("off") and any(change.get(k) for k in ("phrases", "drop", "unless")):
        out.warn((*here, "off"), f"'{sid}' is switched off: its phrases are never used")
    for i, phrase in _list(change.get("drop")):
        if phrase.lower().strip() not in spec.phrases:
            out.warn(
                (*here, "drop", i),
                f"'{phrase}' is not a built-in phrase of '{sid}', so dropping it changes "
                "nothing; to let a sentence pass, list a word of it under `unless`",
            )
    if change.get("topic") is not None and spec.criterion != "questions":
        out.warn(
            (*here, "topic"), f"only question signals have a topic; '{sid}' feeds {spec.criterion}"
        )


def _check_added(
    out: Out, data: dict[str, Any], specs: dict[str, SignalSpec], created: dict[str, SignalSpec]
) -> None:
    """Every added phrase: not too generic, not under a signal of the other polarity."""
    polarity = {sid: s.polarity for sid, s in {**specs, **created}.items()}
    owners = _phrase_owners(specs, data)
    for path, sid, phrase in _added_phrases(data):
        if sid not in polarity:
            continue
        _check_generic(out, path, phrase)
        clash = sorted(
            other
            for other in owners.get(phrase.lower().strip(), set())
            if other in polarity
            and polarity[other] != polarity[sid]
            and "neutral" not in (polarity[other], polarity[sid])
        )
        if clash:
            out.error(
                path,
                f"'{phrase}' is also a phrase of '{clash[0]}' ({polarity[clash[0]]}), while "
                f"'{sid}' is {polarity[sid]}: one phrase cannot count both ways; keep it "
                "under one signal, or drop it from the other",
            )


def _near(word: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _added_phrases(data: dict[str, Any]) -> list[tuple[Path_, str, str]]:
    found: list[tuple[Path_, str, str]] = []
    lexicon = data.get("lexicon")
    if isinstance(lexicon, dict):
        for sid, phrases in lexicon.items():
            for i, phrase in _list(phrases):
                found.append((("lexicon", sid, i), str(sid), phrase))
    raw = data.get("signals")
    if isinstance(raw, dict):
        for sid, change in raw.items():
            if isinstance(change, dict) and not change.get("off"):
                for i, phrase in _list(change.get("phrases")):
                    found.append((("signals", sid, "phrases", i), str(sid), phrase))
    return found


def _phrase_owners(specs: dict[str, SignalSpec], data: dict[str, Any]) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    switched_off = set()
    raw = data.get("signals")
    if isinstance(raw, dict):
        switched_off = {sid for sid, c in raw.items() if isinstance(c, dict) and c.get("off")}
    for sid, spec in specs.items():
        if sid not in switched_off:
            for phrase in spec.phrases:
                owners.setdefault(phrase, set()).add(sid)
    for _path, sid, phrase in _added_phrases(data):
        owners.setdefault(phrase.lower().strip(), set()).add(sid)
    return owners


def _check_generic(out: Out, path: Path_, phrase: str) -> None:
    if _is_stopwords(phrase):
        out.warn(
            path,
            f"'{phrase}' is as generic as \"the\": it would match almost any message; use "
            "words that only this situation would produce",
        )
        return
    share = generic_share(phrase)
    if share > GENERIC_SHARE:
        out.warn(
            path,
            f"'{phrase}' is too generic: it is found in {round(share * 100)}% of the sample "
            "messages; make it longer or more specific",
        )


def check_blockers(out: Out, data: dict[str, Any]) -> None:
    """Blockers must be negative signals that the scenario still reports."""
    specs = {**standard_lexicon().specs, **new_signal_specs(data)}
    raw = data.get("signals")
    off = (
        {s for s, c in raw.items() if isinstance(c, dict) and c.get("off")}
        if isinstance(raw, dict)
        else set()
    )
    rubric = data.get("rubric")
    blockers = rubric.get("blockers") if isinstance(rubric, dict) else None
    for i, sid in _list(blockers):
        spec = specs.get(sid)
        if spec is not None and spec.polarity == "positive":
            out.error(
                ("rubric", "blockers", i),
                f"'{sid}' is a positive signal: as a blocker it fails learners for doing it "
                "right; list the mistake instead (a negative signal)",
            )
        elif sid in off:
            out.warn(
                ("rubric", "blockers", i),
                f"'{sid}' is switched off in `signals`, so this blocker never fires",
            )


def check_events(out: Out, meeting: dict[str, Any], minutes: int) -> None:
    """Interruptions must fit in the meeting."""
    events = meeting.get("events")
    for i, event in enumerate(events if isinstance(events, list) else []):
        if not isinstance(event, dict):
            continue
        length = event.get("minutes")
        if isinstance(length, int) and not isinstance(length, bool) and length >= minutes:
            out.error(
                ("stages", "meeting", "events", i, "minutes"),
                f"the interruption takes {length} minutes, as long as or longer than the "
                f"{minutes}-minute meeting; shorten it, or set `ends_meeting: true`",
            )
        window = event.get("between")
        last = window[1] if isinstance(window, list) and len(window) == 2 else None
        if isinstance(last, int) and last >= minutes:
            out.error(
                ("stages", "meeting", "events", i, "between"),
                f"the window ends at minute {last}, outside the {minutes}-minute "
                f"meeting; end it below {minutes}",
            )


def check_expectations(out: Out, data: dict[str, Any], stages: list[str]) -> None:
    """A check must not expect a finding its scenario's stages can never produce."""
    specs = {**standard_lexicon().specs, **new_signal_specs(data)}
    checks = data.get("checks")
    for n, check in enumerate(checks if isinstance(checks, list) else []):
        expect = check.get("expect") if isinstance(check, dict) else None
        if not isinstance(expect, dict):
            continue
        for i, sid in _list(expect.get("findings")):
            spec = specs.get(sid)
            if spec is None:
                continue
            needs = _needs(spec)
            if needs and needs not in stages:
                out.error(
                    ("checks", n, "expect", "findings", i),
                    f"'{sid}' can never be found: this scenario has no "
                    f"{needs.replace('_', '-')} stage; remove it, or add `stages.{needs}`",
                )


def _needs(spec: SignalSpec) -> str | None:
    if spec.criterion == STAGE_ONLY["thank_you"]:
        return "thank_you"
    if spec.criterion == STAGE_ONLY["meeting"] or spec.id in MEETING_SIGNALS:
        return "meeting"
    if spec.id in OUTREACH_SIGNALS:
        return "outreach"
    return None


def check_never_says(out: Out, data: dict[str, Any]) -> None:
    """A persona line must not say what the persona never says."""
    never = [(i, _plain(v)) for i, v in _list(data.get("never_says"))]
    lines = data.get("lines")
    if not never or not isinstance(lines, dict):
        return
    for group, alternatives in lines.items():
        for i, line in _list(alternatives):
            said = _plain(line)
            for n, phrase in never:
                if phrase and phrase in said:
                    out.warn(
                        ("lines", group, i),
                        f"this line says what the persona never says (never_says {n + 1}); "
                        "reword the line or the never_says entry",
                    )


def _plain(text: str) -> str:
    kept = "".join(ch.lower() if ch.isalnum() or ch == " " else " " for ch in text)
    return " ".join(kept.split())
