"""The learned intent model: shipped as data, read in pure Python, reproducible (issue 12)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from simulator.reading import PITCH_IDS, read
from simulator.reading.intents import MODEL_PATH, load_model

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT / "training" / "reader" / "train.py"


def trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reader_train", TRAIN)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_weights_ship_in_the_package_and_are_small() -> None:
    assert MODEL_PATH.parent.name == "reading" and MODEL_PATH.suffix == ".json"
    assert MODEL_PATH.stat().st_size < 5 * 1024 * 1024
    model = load_model()
    assert model is not None and "pitch" in model.labels and "why_them" in model.labels


def test_reading_needs_neither_numpy_nor_scikit_learn() -> None:
    code = (
        "import sys; from simulator.reading import read; "
        "r = read('It has long been my hope to be part of your crew.'); "
        "print(sorted(m for m in ('numpy', 'sklearn', 'scipy') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_the_shipped_weights_were_trained_on_the_data_in_the_repository() -> None:
    # Cheap and first to fail (the full retrain below proves the bytes): the digest of
    # every training input recorded in the shipped file must be the digest of the data,
    # trainer and feature code now in the repository.
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert shipped["trained_on"]["inputs_sha256"] == trainer().inputs_digest()
    assert shipped["trained_on"]["items"] == len(trainer().load_items())


@pytest.mark.slow
def test_retraining_gives_the_shipped_weights_byte_for_byte() -> None:
    # The whole training run (about 32 s of CPU: liblinear's dual solver, five folds of
    # whole writers): same data, same seed, same bytes as simulator/reading/intent_model.json.
    pytest.importorskip("sklearn")
    out = subprocess.run(
        [sys.executable, str(TRAIN), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "shipped model matches training" in out.stdout


SAID = "I would love the chance to prove myself on your crew."
"""A pitch no lexicon phrase covers (the model reads it)."""


def test_a_model_finding_quotes_its_sentence_and_names_its_words() -> None:
    text = "Hi Noor. " + SAID
    reading = read(text, "outreach")
    found = [s for s in reading.signals if s.source == "model" and s.id in PITCH_IDS]
    assert found, reading.ids()
    signal = found[0]
    assert text[signal.start : signal.end] == signal.quote == SAID
    assert 0 < (signal.confidence or 0) <= 1 and signal.weighed
    assert all(word in signal.quote for word in signal.weighed)
    assert signal.to_dict()["confidence"] == signal.confidence


@pytest.mark.parametrize(
    "text",
    [
        f'A foreman told me that "{SAID[:-1]}" is the line he hears most from apprentices.',
        f"Even if {SAID[:-1]} one day, today I only want to learn about the trade.",
    ],
)
def test_scope_rules_cancel_model_findings_too(text: str) -> None:
    model = load_model()
    assert model is not None
    assert any(i.label.startswith("pitch") for i in model.scores(text))  # the model flags it
    reading = read(text)
    assert not any(reading.has(p) for p in PITCH_IDS), reading.ids()
