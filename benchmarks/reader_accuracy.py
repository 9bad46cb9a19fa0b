"""How well the reader reads: precision and recall per signal family on a labelled corpus.

Usage: ``python benchmarks/reader_accuracy.py CORPUS.jsonl [--misses] [--errors N]``

Each line of the corpus is ``{"kind": "outreach|question|followup|meeting_line", "text",
"labels": {...}}`` with an optional ``"subject"`` (read as the email's subject line). A
label that is null, or absent, is left out of that family's scores. Besides precision
and recall per intent, it lists the N most confident errors (``--errors 0`` prints no
item text at all: use it on a blind set, whose items must stay unread). The figures
printed last are the targets the reader is held to; the exit status is 1 when one of
them is missed, so the script can gate a change.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from simulator.reading import PITCH_IDS, Context, Reading, read  # noqa: E402
from simulator.reading.questions import CALL_TOPIC  # noqa: E402

STAGE_BY_KIND = {
    "outreach": "outreach",
    "followup": "follow_up",
    "meeting_line": "meeting",
    "question": "meeting",
}
NON_LEARNING_TOPICS = ("pitch", "salary", "googleable", CALL_TOPIC)


def _pitch(r: Reading) -> bool:
    return any(s.id in PITCH_IDS for s in r.signals)


def _learning(r: Reading) -> bool:
    return r.topic is not None and r.topic not in NON_LEARNING_TOPICS


PREDICTORS: dict[str, Callable[[Reading], bool]] = {
    "pitch": _pitch,
    "bounded": lambda r: r.has("bounded_time_ask"),
    "open_ended": lambda r: r.has("open_ended_time_ask"),
    "learning": _learning,
    "salary": lambda r: (
        r.topic == "salary" or r.has("question_salary") or r.has("question_pay_range")
    ),
    "personalized": lambda r: r.has("personalized"),
    "acknowledges_busy": lambda r: r.has("acknowledges_busy"),
    "gratitude": lambda r: r.has("gratitude"),
    "mutual_referral": lambda r: r.has("mutual_referral"),
    "why_them": lambda r: r.has("personalized") or r.has("mutual_referral"),
    "clear_purpose": lambda r: r.has("clear_purpose"),
    "contacts": lambda r: r.has("asks_for_contacts"),
    "repeated_contact": lambda r: r.has("repeated_contact"),
    "name_drop": lambda r: r.has("name_drop"),
    "unreadable": lambda r: r.has("unreadable"),
}
ALIASES = {"why_them": ("why_them", "personalized"), "clear_purpose": ("clear_purpose", "purpose")}
"""A family's truth may come under another label name in a corpus (first one present)."""


@dataclass
class Tally:
    """Confusion counts for one label family, with the items that went wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)
    errors: list[tuple[float, str]] = field(default_factory=list)
    """(confidence, line) for each wrong item: the model's confidence, 1.0 for a phrase."""

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def accuracy(self) -> float | None:
        return (self.tp + self.tn) / self.n if self.n else None


def load(path: Path) -> list[dict[str, Any]]:
    """The corpus items; a malformed line is a one-line error naming path and line."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if item.get("kind") not in STAGE_BY_KIND or not isinstance(item.get("text"), str):
            raise ValueError(f"{path}:{number}: needs a known kind and a text")
        items.append(item)
    return items


def read_item(item: dict[str, Any]) -> Reading:
    """Read one corpus item at the stage its kind implies."""
    stage = item.get("stage") or STAGE_BY_KIND[item["kind"]]
    if stage == "followup":
        stage = "follow_up"
    return read(item["text"], stage, Context(subject=str(item.get("subject") or "")))


def _truth(labels: dict[str, Any], name: str) -> Any:
    for key in ALIASES.get(name, (name,)):
        if labels.get(key) is not None:
            return labels[key]
    return None


def _confidence(reading: Reading, said: bool) -> float:
    """How sure the reader was of a wrong answer: the model's confidence for a model
    finding, 1.0 for a phrase, 0.5 for a miss (nothing was found)."""
    if not said:
        return 0.5
    values = [s.confidence if s.confidence is not None else 1.0 for s in reading.signals]
    return max(values, default=0.5)


def evaluate(items: Iterable[dict[str, Any]]) -> dict[str, Tally]:
    """Tallies per label family, plus ``learning_mapped`` and ``learning_as_pitch``: ordinary
    learning questions (not labelled a pitch too) given a topic, and flagged as pitches."""
    tallies = {name: Tally() for name in [*PREDICTORS, "learning_mapped", "learning_as_pitch"]}
    for item in items:
        reading = read_item(item)
        labels = item.get("labels") or {}
        tag = str(item.get("id") or item["text"][:60])
        snippet = " ".join(item["text"].split())[:80]
        for name, predict in PREDICTORS.items():
            truth = _truth(labels, name)
            if truth is None:
                continue
            said = predict(reading)
            tally = tallies[name]
            if said and truth:
                tally.tp += 1
            elif said:
                tally.fp += 1
                tally.misses.append(f"false {name}: {tag} {reading.ids()}")
                tally.errors.append(
                    (_confidence(reading, True), f"false {name}: {tag} {snippet!r}")
                )
            elif truth:
                tally.fn += 1
                tally.misses.append(f"missed {name}: {tag} {reading.ids()}")
                tally.errors.append(
                    (_confidence(reading, False), f"missed {name}: {tag} {snippet!r}")
                )
            else:
                tally.tn += 1
        if labels.get("learning") is True and labels.get("pitch") is not True:
            # A list of questions that also asks for a job is rightly read as a pitch, and
            # its topic is the pitch: both targets count ordinary learning questions only.
            mapped = tallies["learning_mapped"]
            if _learning(reading):
                mapped.tp += 1
            else:
                mapped.fn += 1
                mapped.misses.append(f"learning not mapped: {tag} {reading.ids()}")
            flagged = _pitch(reading)
            tally = tallies["learning_as_pitch"]
            if flagged:
                tally.tp += 1
                tally.misses.append(f"learning read as pitch: {tag} {reading.ids()}")
            else:
                tally.tn += 1
    return tallies


def targets(tallies: dict[str, Tally]) -> list[tuple[str, float | None, str, bool]]:
    """(name, value, goal, ok) for each target the reader is held to."""
    pitch, bounded = tallies["pitch"], tallies["bounded"]
    as_pitch = tallies["learning_as_pitch"]
    why = tallies["why_them"]
    mapped = tallies["learning_mapped"].recall
    flagged = as_pitch.tp / as_pitch.n if as_pitch.n else None

    def check(value: float | None, goal: float, low: bool = False) -> bool:
        if value is None:
            return True
        return value < goal if low else value >= goal

    return [
        ("pitch precision", pitch.precision, ">= 0.95", check(pitch.precision, 0.95)),
        ("pitch recall", pitch.recall, ">= 0.92", check(pitch.recall, 0.92)),
        ("bounded time ask accuracy", bounded.accuracy, ">= 0.97", check(bounded.accuracy, 0.97)),
        ("learning questions mapped to a topic", mapped, ">= 0.95", check(mapped, 0.95)),
        ("learning questions flagged as pitch", flagged, "<= 0.01", check(flagged, 0.0101, True)),
        ("why them recall", why.recall, ">= 0.85", check(why.recall, 0.85)),
    ]


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def render(tallies: dict[str, Tally], show_misses: bool = False, errors: int = 0) -> str:
    """The table of families and the targets, as plain text."""
    out = [f"{'family':<20} {'n':>4} {'prec':>6} {'recall':>6} {'acc':>6}"]
    for name in PREDICTORS:
        t = tallies[name]
        if t.n:
            out.append(
                f"{name:<20} {t.n:>4} {_fmt(t.precision):>6} {_fmt(t.recall):>6} "
                f"{_fmt(t.accuracy):>6}"
            )
    out += ["", "targets:"]
    for name, value, goal, ok in targets(tallies):
        out.append(f"  {name:<38} {_fmt(value)}  goal {goal:<7} {'ok' if ok else 'MISSED'}")
    if errors:
        ranked = sorted(
            ((c, line) for t in tallies.values() for c, line in t.errors), key=lambda e: -e[0]
        )
        out += ["", f"the {min(errors, len(ranked))} most confident errors:"]
        out += [f"  {c:4.2f} {line}" for c, line in ranked[:errors]]
    if show_misses:
        out += ["", "misses:"]
        for t in tallies.values():
            out += [f"  {m}" for m in t.misses]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSON Lines corpus")
    parser.add_argument("--misses", action="store_true", help="list every item read wrongly")
    parser.add_argument(
        "--errors", type=int, default=10, help="list the N most confident errors (0: none)"
    )
    args = parser.parse_args(argv)
    try:
        items = load(args.corpus)
    except (OSError, ValueError) as exc:
        print(f"reader_accuracy: {exc}", file=sys.stderr)
        return 2
    tallies = evaluate(items)
    print(f"{args.corpus.name}: {len(items)} items")
    print(render(tallies, args.misses, args.errors))
    return 0 if all(ok for *_, ok in targets(tallies)) else 1


if __name__ == "__main__":
    raise SystemExit(main())
