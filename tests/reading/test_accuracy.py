"""The reader meets its accuracy targets on the repository's labelled corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import reader_accuracy  # noqa: E402

from simulator.reading import PITCH_IDS  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "reader_corpus.jsonl"


def test_corpus_is_large_and_varied() -> None:
    items = reader_accuracy.load(CORPUS)
    assert len(items) >= 150
    kinds = {item["kind"] for item in items}
    assert kinds == {"outreach", "followup", "meeting_line", "question"}


def test_targets_hold_on_the_corpus() -> None:
    tallies = reader_accuracy.evaluate(reader_accuracy.load(CORPUS))
    missed = [
        (name, value, goal) for name, value, goal, ok in reader_accuracy.targets(tallies) if not ok
    ]
    assert not missed, reader_accuracy.render(tallies, show_misses=True)
    assert tallies["pitch"].tp >= 40 and tallies["learning"].tp >= 80


def test_a_malformed_line_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "outreach", "text": "hi", "labels": {}}\nnot json\n')
    try:
        reader_accuracy.load(bad)
    except ValueError as exc:
        assert "bad.jsonl:2" in str(exc)
    else:
        raise AssertionError("expected a ValueError")


def test_the_speed_benchmark_runs_on_a_tiny_input() -> None:
    import bench_reader

    rows = bench_reader.measure(words=20, repeats=1)
    assert {"name", "value", "unit", "goal", "ok", "note"} <= set(rows[0])


BLIND2 = ROOT / "tests" / "data" / "reader_blind2.jsonl"


def test_targets_hold_on_the_second_blind_set() -> None:
    """Written before the reader was tuned on it; the targets must hold here too."""
    items = reader_accuracy.load(BLIND2)
    assert len(items) >= 60
    assert {item["kind"] for item in items} == {"outreach", "followup", "meeting_line", "question"}
    tallies = reader_accuracy.evaluate(items)
    missed = [
        (name, value, goal) for name, value, goal, ok in reader_accuracy.targets(tallies) if not ok
    ]
    assert not missed, reader_accuracy.render(tallies, show_misses=True)


BLIND3 = ROOT / "tests" / "data" / "reader_blind3.jsonl"
BLIND4 = ROOT / "tests" / "data" / "reader_blind4.jsonl"
BLIND5 = ROOT / "tests" / "data" / "reader_blind5.jsonl"
BLIND6 = ROOT / "tests" / "data" / "reader_blind6.jsonl"


def test_targets_hold_on_the_fifth_blind_set() -> None:
    """Issue 12's fifth blind set met every target at its first reading (docs/reading.md);
    a change to the lexicon or the model that loses that shows here. Read with
    ``--errors 0`` when measuring, so its items stay unread."""
    items = reader_accuracy.load(BLIND5)
    assert len(items) >= 420
    tallies = reader_accuracy.evaluate(items)
    missed = [
        (name, round(value, 3), goal)
        for name, value, goal, ok in reader_accuracy.targets(tallies)
        if not ok
    ]
    assert not missed


@pytest.mark.parametrize("blind", [BLIND3, BLIND4, BLIND5], ids=["third", "fourth", "fifth"])
def test_a_blind_set_is_read_without_printing_its_items(
    blind: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12's blind sets: their figures can be printed without showing a single item,
    so a reading never exposes the text it must stay blind to."""
    items = reader_accuracy.load(blind)
    assert len(items) >= 300
    reader_accuracy.main([str(blind), "--errors", "0"])
    out = capsys.readouterr().out
    assert "pitch precision" in out and "why them recall" in out
    assert not any(" ".join(item["text"].split())[:30] in out for item in items)


def test_the_sixth_blind_set_now_tuned_on_keeps_its_pitch_and_time_targets() -> None:
    """The sixth set was read blind three times, then opened to find why the seventh
    round's model read pitches no sentence made (docs/reading.md); from then on it is
    tuning data, and its pitch and bounded-ask figures must not slip below the targets."""
    items = reader_accuracy.load(BLIND6)
    assert len(items) >= 380
    tallies = reader_accuracy.evaluate(items)
    held = {name: ok for name, _, _, ok in reader_accuracy.targets(tallies)}
    assert held["pitch precision"] and held["pitch recall"], reader_accuracy.render(tallies)
    assert held["bounded time ask accuracy"], reader_accuracy.render(tallies)


def test_a_pitch_no_sentence_makes_is_not_read_into_a_whole_message() -> None:
    """b6-258 is a clean message whose sentences, summed, looked like a pitch to the
    model (0.97) though none of them scores above 0.05 alone: a whole-message pitch now
    needs a sentence that says it (learned.SAID_FLOOR)."""
    item = next(i for i in reader_accuracy.load(BLIND6) if i["id"] == "b6-258")
    assert item["labels"]["pitch"] is False
    reading = reader_accuracy.read_item(item)
    assert not any(s.source == "model" and s.id in PITCH_IDS for s in reading.signals)


def test_a_question_list_that_also_asks_for_a_job_is_not_a_learning_question_misread() -> None:
    """ "Learning questions flagged as a pitch" counts ordinary questions read as pitches; a
    list whose last question asks to be taken on is a pitch and rightly read as one."""
    both = {
        "kind": "question",
        "text": "1. How did you move into surveying?\n2. Would your firm take me on this summer?",
        "labels": {"pitch": True, "learning": True, "salary": False},
    }
    plain = {
        "kind": "question",
        "text": "How did you move into surveying from the army?",
        "labels": {"pitch": False, "learning": True, "salary": False},
    }
    tallies = reader_accuracy.evaluate([both, plain])
    assert tallies["pitch"].tp == 1
    assert tallies["learning_as_pitch"].n == 1 and tallies["learning_as_pitch"].tp == 0
