"""Integrity checks across a class, without a UI: what makes a student "needs review".

Verification (``verify``) judges one file at a time. These checks look across files and
students, and each finding names the people involved, in plain words:

- ``edited``: a file whose replay or re-grade does not match what it claims;
- ``copied``: a file played with another student's seed (the source is named when that
  student is in the class);
- ``same text``: identical or near-identical learner text from different students (each
  is told who else wrote it);
- ``attempt numbers``: two different files claiming the same attempt at a scenario;
- ``name``: a name holding control characters, escape sequences or bidi overrides;
- ``times``: submitted before it was started, or a submitted time that differs from the
  one written into the file name when it was saved;
- ``unreadable``: a file that could not be read (duplicate JSON keys, truncated ...),
  matched to a student by its file name when possible.

A local file cannot prove when it was made (docs/coaching.md says why); these checks
only catch the edits that leave a trace.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from simulator.homework.assignment import Assignment, student_key
from simulator.homework.verify import Verdict

NEAR_SAME = 0.8
"""Share of three-word sequences two learners' texts must have in common to be flagged."""
MIN_WORDS = 25
"""Texts shorter than this are too short to call copied."""
SKETCH = 12
"""How many of a text's smallest shingle hashes pick the pairs worth comparing."""


@dataclass(frozen=True)
class Flag:
    """One reason a student needs review."""

    student: str
    """The student's key (``student_key``)."""
    kind: str
    text: str
    file: str = ""


def check_class(
    assignment: Assignment, verdicts: list[Verdict], names: dict[str, str]
) -> list[Flag]:
    """Every integrity flag for a class (``names``: student key -> display name)."""
    flags: list[Flag] = []
    flags += _edited_or_copied(assignment, verdicts, names)
    flags += _same_text(verdicts, names)
    flags += _attempt_numbers(verdicts)
    flags += _names_and_times(verdicts)
    return flags


def _edited_or_copied(
    assignment: Assignment, verdicts: list[Verdict], names: dict[str, str]
) -> list[Flag]:
    seeds: dict[int, list[str]] = defaultdict(list)
    for key, name in names.items():
        seeds[assignment.seed_for(name)].append(key)
    flags = []
    for v in verdicts:
        if v.check != "mismatch" or v.duplicate or not v.student:
            continue
        key = student_key(v.student)
        if v.seed is not None and v.seed != assignment.seed_for(v.student):
            owners = [names[k] for k in seeds.get(v.seed, []) if k != key]
            source = f"{', '.join(owners)}'s" if owners else "someone else's"
            text = f"copied: {_file(v)} was played with {source} seed, not theirs"
            flags.append(Flag(key, "copied", text, v.file))
        else:
            flags.append(Flag(key, "edited", f"edited: {_file(v)}: {v.detail}", v.file))
    return flags


def _same_text(verdicts: list[Verdict], names: dict[str, str]) -> list[Flag]:
    """Identical texts grouped exactly; near-identical ones found through small sketches."""
    by_text: dict[str, set[str]] = defaultdict(set)
    for v in verdicts:
        usable = v.student and v.check in ("verified", "mismatch") and not v.duplicate
        if usable and len(v.learner_text.split()) >= MIN_WORDS:
            by_text[v.learner_text].add(student_key(v.student))
    texts = list(by_text)
    flags = []
    for keys in by_text.values():
        if len(keys) > 1:
            flags += _name_each(keys, names, "identical learner text")
    shingles = [_shingles(t) for t in texts]
    for i, j in _candidates(shingles):
        a, b = shingles[i], shingles[j]
        if not a or not b:
            continue
        overlap = len(a & b) / len(a | b)
        keys = by_text[texts[i]] | by_text[texts[j]]
        if overlap >= NEAR_SAME and len(keys) > 1:
            share = round(overlap * 100)
            flags += _name_each(keys, names, f"near-identical learner text ({share}% the same)")
    return _unique(flags)


def _name_each(keys: set[str], names: dict[str, str], what: str) -> list[Flag]:
    flags = []
    for key in sorted(keys):
        others = ", ".join(sorted(names.get(k, k) for k in keys if k != key))
        flags.append(Flag(key, "same text", f"{what} to {others}"))
    return flags


def _shingles(text: str) -> set[int]:
    words = text.split()
    return {hash(" ".join(words[i : i + 3])) for i in range(max(0, len(words) - 2))}


def _candidates(shingles: list[set[int]]) -> set[tuple[int, int]]:
    """Pairs of texts sharing at least two of their smallest hashes (a bottom-k sketch):
    near-identical texts almost always do, unrelated ones almost never."""
    index: dict[int, list[int]] = defaultdict(list)
    for i, items in enumerate(shingles):
        for h in sorted(items)[:SKETCH]:
            index[h].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) > 200:  # a phrase everyone uses: it says nothing about copying
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    return {pair for pair, count in shared.items() if count >= 2}


def _attempt_numbers(verdicts: list[Verdict]) -> list[Flag]:
    seen: dict[tuple[str, str, int], list[Verdict]] = defaultdict(list)
    for v in verdicts:
        if v.student and v.attempt and not v.duplicate and v.check in ("verified", "mismatch"):
            seen[(student_key(v.student), v.scenario, v.attempt)].append(v)
    flags = []
    for (key, scenario, attempt), group in seen.items():
        if len(group) > 1:
            files = ", ".join(_file(v) for v in group)
            text = f"{len(group)} different files claim attempt {attempt} of {scenario}: {files}"
            flags.append(Flag(key, "attempt numbers", text))
    return flags


def _names_and_times(verdicts: list[Verdict]) -> list[Flag]:
    flags = []
    for v in verdicts:
        if not v.student:
            continue
        key = student_key(v.student)
        if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in v.student):
            flags.append(
                Flag(key, "name", "the name holds control or direction characters", v.file)
            )
        if v.started and v.submitted and v.submitted < v.started:
            flags.append(Flag(key, "times", f"{_file(v)} says it was submitted before it began"))
        stamp = _name_stamp(v.file)
        if stamp and v.submitted and stamp != _compact(v.submitted):
            flags.append(
                Flag(
                    key,
                    "times",
                    f"{_file(v)}: its submitted time was changed after it was saved "
                    "(the file name was written with another time)",
                    v.file,
                )
            )
    return flags


_STAMP = re.compile(r"-attempt\d+-(\d{8}T\d{6})(?:-[0-9a-f]{4})?\.json$")


def _name_stamp(file: str) -> str:
    match = _STAMP.search(file)
    return match.group(1) if match else ""


def _compact(moment: datetime) -> str:
    return re.sub(r"[^0-9T]", "", moment.isoformat())[:15]


def _file(v: Verdict) -> str:
    return Path(v.file).name


def _unique(flags: list[Flag]) -> list[Flag]:
    return list(dict.fromkeys(flags))
