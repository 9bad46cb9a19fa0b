"""The library listing is cached by file hashes: reused when nothing changed, rebuilt when
any content file, the code or the cache itself changed (never trusted blindly)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import simulator.content.catalogue as catalogue
from simulator import listing_cache


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> dict:
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(catalogue, "collect", refuse)


def test_an_unchanged_library_comes_from_the_cache(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = listing_cache.listing()
    assert listing_cache.cache_path().is_file()
    assert listing_cache.cache_path().is_relative_to(home)
    _no_validation(monkeypatch)
    assert listing_cache.listing() == first


def test_an_edited_file_is_validated_again(home: Path) -> None:
    first = listing_cache.listing()
    folder = home / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    source = Path(__file__).parents[2] / "scenarios" / "review-season-quick-note.yaml"
    mine = source.read_text(encoding="utf-8").replace(
        "id: review-season-quick-note", "id: my-own-note"
    )
    (folder / "my-own-note.yaml").write_text(mine, encoding="utf-8")
    second = listing_cache.listing()
    assert "my-own-note" not in {s["id"] for s in first["scenarios"]}
    assert "my-own-note" in {s["id"] for s in second["scenarios"]}
    (folder / "my-own-note.yaml").write_text(mine + "\nbroken: [", encoding="utf-8")
    third = listing_cache.listing()
    assert "my-own-note" not in {s["id"] for s in third["scenarios"]}
    assert third["problems"]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: {**d, "key": "0" * 64},
        lambda d: {**d, "data": {**d["data"], "scenarios": [{"id": 1}]}},
        lambda d: "not json at all {",
    ],
    ids=["other key", "wrong shape", "not json"],
)
def test_a_tampered_cache_is_rebuilt(home: Path, tamper: object) -> None:
    first = listing_cache.listing()
    path = listing_cache.cache_path()
    changed = tamper(json.loads(path.read_text(encoding="utf-8")))  # type: ignore[operator]
    path.write_text(changed if isinstance(changed, str) else json.dumps(changed), "utf-8")
    assert listing_cache.listing() == first
    assert json.loads(path.read_text(encoding="utf-8"))["key"] == listing_cache.listing_key()
