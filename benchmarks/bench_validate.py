"""How fast the authoring toolkit answers: malicious files, the library, random playthroughs.

Each malicious file must be answered (with an error) well within a second; validating
the built-in library and 200 random playthroughs of a built-in scenario should take a
few seconds at most.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from simulator.authoring.explore import explore
from simulator.authoring.validate import validate_paths
from simulator.content import ContentLoadError, Library
from simulator.content.safe_yaml import load_located

ROOT = Path(__file__).resolve().parent.parent

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)
MALICIOUS = {
    "billion laughs": BILLION_LAUGHS,
    "duplicate keys": "a: 1\n" * 50_000,
    "deep nesting": "x: " + "[" * 200_000,
    "long number": "x: " + ":".join(["59"] * 100_000),
    "many values": "x: [" + "a, " * 160_000 + "]",
}


def _best(action: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def _refused(text: str) -> Callable[[], object]:
    def action() -> object:
        try:
            return load_located(text[:500_000], "bench.yaml")
        except ContentLoadError as exc:
            return exc

    return action


def measure(runs: int = 3, playthroughs: int = 200) -> list[dict[str, object]]:
    """Figures for run_all.py: seconds per malicious file, library validation, exploration."""
    rows: list[dict[str, object]] = []
    for name, text in MALICIOUS.items():
        seconds = _best(_refused(text), runs)
        rows.append(
            {
                "name": f"validate: {name}",
                "value": round(seconds, 4),
                "unit": "s",
                "goal": "< 1 s",
                "ok": seconds < 1,
                "note": f"{len(text[:500_000]):,} characters",
            }
        )
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.yaml"
        big.write_bytes(b"a: " + b"x" * (10 * 1024 * 1024) + b"\n")
        seconds = _best(lambda: validate_paths([big]), runs)
    rows.append(
        {
            "name": "validate: 10 MB file",
            "value": round(seconds, 4),
            "unit": "s",
            "goal": "< 1 s",
            "ok": seconds < 1,
            "note": "refused on its size before reading",
        }
    )
    library = [ROOT / "scenarios", ROOT / "personas"]
    seconds = _best(lambda: validate_paths(library), runs)
    rows.append(
        {
            "name": "validate: built-in library",
            "value": round(seconds, 3),
            "unit": "s",
            "goal": "< 2 s",
            "ok": seconds < 2,
            "note": f"{sum(len(list(p.glob('*.yaml'))) for p in library)} files",
        }
    )
    bundle = Library().load("review-season-cold-email")
    start = time.perf_counter()
    coverage = explore(bundle, playthroughs)
    seconds = time.perf_counter() - start
    rows.append(
        {
            "name": f"explore: {playthroughs} playthroughs",
            "value": round(seconds, 2),
            "unit": "s",
            "goal": "< 5 s for 200",
            "ok": seconds * 200 / max(playthroughs, 1) < 5 and coverage.ok,
            "note": f"{seconds / max(playthroughs, 1) * 1000:.1f} ms each",
        }
    )
    return rows


if __name__ == "__main__":
    from run_all import print_table  # same table as run_all, run from benchmarks/

    print_table("validate", measure())
