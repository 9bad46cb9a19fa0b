"""The review benchmark runs on a tiny class; the homework core never imports Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_measure_runs_on_a_tiny_class() -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_review import measure

    rows = measure(sessions=2, copies=2)
    names = [row["name"] for row in rows]
    assert names[0] == "review 4 submissions"
    assert rows[0]["note"].startswith("4/4 verified, 4 students flagged")
    assert {"name", "value", "unit", "goal", "ok", "note"} <= set(rows[0])


def test_homework_and_its_commands_do_not_import_textual() -> None:
    code = (
        "import sys, simulator.homework.html, simulator.homework.learner, "
        "simulator.commands.review, simulator.commands.assign, simulator.commands.submissions, "
        "simulator.commands.submit, simulator.commands.annotate, simulator.homework.desk, "
        "simulator.homework.feedback, simulator.homework.gradebook; "
        "from simulator.cli import build_parser; build_parser(); "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "False"


def test_the_persona_phrase_cache_reads_as_before() -> None:
    """Review speed: the persona's five-word runs are worked out once per persona. On a
    sample of texts (pastes, partial pastes, fresh words) the cached check answers exactly
    as the whole computation does, again and again."""
    from simulator.content import Library
    from simulator.conversation.judgement import persona_words
    from simulator.reading import manner

    bundle = Library().load("review-season-cold-email")
    sources = persona_words(bundle.persona, bundle.scenario)

    def uncached(text: str) -> bool:
        mine = manner._shingles(manner.words_of(text))
        theirs: set[tuple[str, ...]] = set()
        for source in sources:
            theirs |= manner._shingles(manner.words_of(source))
        return bool(mine) and sum(s in theirs for s in mine) >= manner.ECHO_SHARE * len(mine)

    line = max(sources, key=len)
    words = line.split()
    sample = [
        line,
        " ".join(words[: len(words) // 2]) + " and then something of my own to add here today",
        "Hi, could I have fifteen minutes by phone next week to learn how you moved into HR?",
        "",
    ]
    answers = [manner.echoes(text, sources) for text in sample]
    assert answers == [uncached(text) for text in sample]
    assert answers[0] is True and answers[2] is False
    assert [manner.echoes(text, sources) for text in sample] == answers  # from the cache
    assert manner.echoes(line, ("other words entirely, nothing of theirs",)) is False
