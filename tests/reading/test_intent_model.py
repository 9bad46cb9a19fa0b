"""The learned intent model: shipped as data, read in pure Python, reproducible (issue 12)."""

from __future__ import annotations

import importlib.util
import json
import os
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


PROVEN_KEY = "simulator/retrain_proven"
"""pytest's cache entry: the proof key of the last retrain that matched the shipped bytes."""


def proof_key() -> str:
    """The trainer's key for these inputs, these weights and these libraries."""
    return str(trainer().proof_key(MODEL_PATH))


def recorded_key() -> str:
    """The key ``make train-reader`` recorded with the weights it wrote (or "")."""
    try:
        return str(json.loads(trainer().PROOF.read_text(encoding="utf-8"))["key"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""


@pytest.mark.slow(seconds=60)  # a run that retrains starts it first (tests/longest_first.py)
def test_retraining_gives_the_shipped_weights_byte_for_byte(request: pytest.FixtureRequest) -> None:
    # The whole training run (about 50 s of CPU: liblinear's dual solver, five folds of
    # whole writers): same data, same seed, same bytes as simulator/reading/intent_model.json.
    # CI always runs it. Elsewhere it is not repeated while the key (every training input,
    # the weights' bytes, Python and the numerical libraries) is one a real retrain gave
    # these bytes for: the key `make train-reader` recorded beside the weights
    # (training/reader/retrain_proof.json), or the last retrain on this checkout. Change
    # any of them and it runs; SIMULATOR_PROVE_RETRAIN=1 or --cache-clear forces it.
    if importlib.util.find_spec("sklearn") is None:  # found, not imported: ~1 s of CPU
        pytest.skip("scikit-learn is not installed")
    key = proof_key()
    cache = request.config.cache
    assert cache is not None
    forced = os.environ.get("SIMULATOR_PROVE_RETRAIN") == "1" or bool(os.environ.get("CI"))
    if not forced and key in (cache.get(PROVEN_KEY, ""), recorded_key()):
        pytest.skip("a retrain already gave these bytes for these inputs and libraries")
    out = subprocess.run(
        [sys.executable, str(TRAIN), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "shipped model matches training" in out.stdout
    cache.set(PROVEN_KEY, key)


def test_any_change_to_an_input_or_the_weights_asks_for_a_new_retrain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The proof is reused only for the very same inputs and bytes: edit the weights, the
    # data or a library version, and the key is new, so the retrain runs again.
    before = proof_key()
    assert proof_key() == before
    edited = tmp_path / "intent_model.json"
    edited.write_bytes(MODEL_PATH.read_bytes() + b" ")
    monkeypatch.setattr(sys.modules[__name__], "MODEL_PATH", edited)
    assert proof_key() != before
    monkeypatch.undo()
    module = trainer()
    monkeypatch.setattr(module, "inputs_digest", lambda: "other data")
    monkeypatch.setattr(sys.modules[__name__], "trainer", lambda: module)
    assert proof_key() != before


SAID = "I would love the chance to show my worth on your crew."
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
