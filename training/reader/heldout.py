"""The whole reader on text by a writer its model never saw (a development tool).

For each writer of ``data/`` (or those named with ``--writers``), fit the intent model on
the other writers exactly as ``make train-reader`` does (thresholds by cross-validation
on those writers only), load it into the reader, and read that writer's items with the
whole reader (lexicon, time-ask reader and model). The items are scored with the
families and targets of ``benchmarks/reader_accuracy.py``:

- ``pitch``: any ``pitch_*`` label, at every stage;
- ``bounded`` and ``why_them``: outreach and follow-up items;
- ``learning``: meeting items labelled with a learning topic (not pay, not googleable) and
  no pitch (so its recall is "learning questions mapped to a topic");
- the writers briefed on pitches only (``train.PARTIAL``) count for ``pitch`` only.

The lexicon was tuned while looking at this data, so these are readings **after tuning
on the training data**, never first readings. Usage (several minutes of CPU):
``python training/reader/heldout.py [--writers w1,w5] [--misses]``

``--read FILE.jsonl`` instead reads a new writer's file (in the training data's format,
not yet in ``data/``) with the shipped model and the whole reader, scored the same way:
the **first reading** of text nobody tuned on, to take before the file joins training.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import train  # noqa: E402

from simulator.reading import intents  # noqa: E402

KIND = {"outreach": "outreach", "follow_up": "followup", "meeting": "question"}
LEARNING = ("q_career_path", "q_day_to_day", "q_advice", "q_industry", "q_companies", "q_skills")


def accuracy_module() -> Any:
    """``benchmarks/reader_accuracy.py``, loaded by path (benchmarks is not a package)."""
    path = ROOT / "benchmarks" / "reader_accuracy.py"
    spec = importlib.util.spec_from_file_location("reader_accuracy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["reader_accuracy"] = module
    spec.loader.exec_module(module)
    return module


def as_corpus(item: dict[str, Any], number: int) -> dict[str, Any] | None:
    """A training item as a corpus item of ``reader_accuracy`` (None for a thank-you)."""
    stage = item["stage"]
    if stage not in KIND:
        return None
    labels = set(item["labels"])
    pitch = any(label.startswith("pitch_") for label in labels)
    truth: dict[str, Any] = {"pitch": pitch}
    if str(item.get("writer", "")) in train.PARTIAL:
        pass  # a writer briefed on pitches only: their other labels are not complete
    elif stage in ("outreach", "follow_up"):
        truth["bounded"] = "time_bounded" in labels
        truth["why_them"] = "why_them" in labels
    elif labels & set(LEARNING) and not pitch:
        truth["learning"] = True
    tag = f"{item.get('writer', '')}-{number:04d}"
    return {"id": tag, "kind": KIND[stage], "stage": stage, "text": item["text"], "labels": truth}


def read_writer(writer: str, model_path: Path, accuracy: Any) -> dict[str, Any]:
    """Fit without ``writer`` (unless ``model_path`` holds that model already, from an
    earlier run with ``--keep``), then read the writer's items with the whole reader."""
    if not model_path.exists():
        data, _ = train.train(train.load_items(without=writer))
        model_path.write_text(train.dumps(data), encoding="utf-8")
    intents.MODEL_PATH = model_path
    intents.load_model.cache_clear()
    own = [item for item in train.load_items() if item.get("writer") == writer]
    corpus = [c for k, item in enumerate(own) if (c := as_corpus(item, k)) is not None]
    return accuracy.evaluate(corpus)  # type: ignore[no-any-return]


def read_new(path: Path, accuracy: Any) -> tuple[dict[str, Any], str]:
    """A new writer's file read by the shipped model and the whole reader (no fitting):
    the tallies, and a line of pitch recall per kind of pitch (by the item's labels)."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    pairs = [(item, c) for k, item in enumerate(items) if (c := as_corpus(item, k)) is not None]
    kinds: dict[str, list[int]] = {}
    for item, corpus_item in pairs:
        said = accuracy.PREDICTORS["pitch"](accuracy.read_item(corpus_item))
        for label in item["labels"]:
            if label.startswith("pitch_"):
                kinds.setdefault(label, [0, 0])[0 if said else 1] += 1
    line = "pitch recall by kind: " + ", ".join(
        f"{label} {found / (found + missed):.3f} ({found + missed})"
        for label, (found, missed) in sorted(kinds.items())
    )
    return accuracy.evaluate([c for _, c in pairs]), line


def merge(into: dict[str, Any], more: dict[str, Any]) -> None:
    """Add one writer's tallies to the running totals."""
    for name, tally in more.items():
        total = into.setdefault(name, type(tally)())
        total.tp += tally.tp
        total.fp += tally.fp
        total.fn += tally.fn
        total.tn += tally.tn
        total.misses += tally.misses
        total.errors += tally.errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", default="", help="comma-separated writers (default: all)")
    parser.add_argument("--misses", action="store_true", help="list every item read wrongly")
    parser.add_argument(
        "--keep", type=Path, default=None, help="keep (and reuse) the fitted models in DIR"
    )
    parser.add_argument(
        "--read", type=Path, action="append", default=[], help="first reading of a new file"
    )
    args = parser.parse_args(argv)
    accuracy = accuracy_module()
    if args.read:
        for path in args.read:
            tallies, kinds = read_new(path, accuracy)
            print(f"first reading of {path.name} (shipped model, no fitting)")
            print(accuracy.render(tallies, args.misses, 0))
            print(kinds)
        return 0
    writers = [w for w in args.writers.split(",") if w] or sorted(
        {str(item.get("writer")) for item in train.load_items()}
    )
    totals: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for writer in writers:
            tallies = read_writer(writer, folder / f"without-{writer}.json", accuracy)
            pitch = tallies["pitch"]
            print(f"{writer}: pitch P {pitch.precision} R {pitch.recall}", file=sys.stderr)
            merge(totals, tallies)
    print(f"held-out writer split ({', '.join(writers)})")
    print(accuracy.render(totals, args.misses, 0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
