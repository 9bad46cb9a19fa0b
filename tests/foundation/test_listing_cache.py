"""The library listing is cached by file hashes: reused when nothing changed, rebuilt when
any content file, the code or the cache itself changed (never trusted blindly)."""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path
from typing import Any

import pytest

import simulator.content.catalogue as catalogue
from simulator import filestamp, listing_cache


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
        lambda d: "not marshal at all {",
    ],
    ids=["other key", "wrong shape", "not marshal"],
)
def test_a_tampered_cache_is_rebuilt(home: Path, tamper: object) -> None:
    first = listing_cache.listing()
    path = listing_cache.cache_path()
    changed = tamper(_saved())  # type: ignore[operator]
    if isinstance(changed, str):
        path.write_text(changed, "utf-8")
    else:
        path.write_bytes(marshal.dumps((listing_cache._FORMAT, changed)))
    assert listing_cache.listing() == first
    assert _saved()["key"] == listing_cache.listing_key()


def _saved() -> dict[str, Any]:
    """What the cache file holds (format stamp checked)."""
    stamp, body = marshal.loads(listing_cache.cache_path().read_bytes())
    assert stamp == listing_cache._FORMAT
    assert isinstance(body, dict)
    return body


def test_a_cache_of_another_format_is_not_read(home: Path) -> None:
    first = listing_cache.listing()
    path = listing_cache.cache_path()
    path.write_bytes(marshal.dumps(("listing-0", _saved())))
    assert listing_cache.cached_listing() is None
    assert listing_cache.listing() == first and _saved()["data"] == first


def _no_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> str:
        raise AssertionError("files hashed although no stamp changed")

    monkeypatch.setattr(listing_cache, "listing_key", refuse)


def _count_hashing(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    hashed: list[int] = []
    real_key = listing_cache.listing_key

    def counted() -> str:
        hashed.append(1)
        return real_key()

    monkeypatch.setattr(listing_cache, "listing_key", counted)
    return hashed


def _own_scenario(home: Path, title: str = "My own note") -> Path:
    folder = home / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    source = Path(__file__).parents[2] / "scenarios" / "review-season-quick-note.yaml"
    text = source.read_text(encoding="utf-8").replace(
        "id: review-season-quick-note", "id: my-own-note"
    )
    text = text.replace(text.split("title:", 1)[1].split("\n", 1)[0], f" {title}", 1)
    path = folder / "my-own-note.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _titles(data: dict | None) -> set[str]:
    assert data is not None
    return {s["title"] for s in data["scenarios"]}


def test_start_up_reads_stamps_only_when_nothing_changed(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = listing_cache.listing()
    _no_hashing(monkeypatch)
    _no_validation(monkeypatch)
    assert listing_cache.cached_listing() == first


def test_a_touched_file_is_hashed_once_and_never_validated(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filestamp, "RACY_NS", 0)
    path = _own_scenario(home)
    first = listing_cache.listing()
    _no_validation(monkeypatch)
    earlier = path.stat().st_mtime_ns - 5_000_000_000  # (a future time would be racy)
    os.utime(path, ns=(earlier, earlier))
    hashed = _count_hashing(monkeypatch)
    assert listing_cache.cached_listing() == first
    assert listing_cache.cached_listing() == first
    assert hashed == [1]  # the new stamps were saved with the same key


def test_an_edit_keeping_size_and_modification_time_still_shows(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _own_scenario(home, "My own note A")
    assert "My own note A" in _titles(listing_cache.listing())
    before = path.stat()
    # Same size, the modification time put back: only the content (and ctime) differ.
    path.write_text(path.read_text(encoding="utf-8").replace("note A", "note B"), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert listing_cache.cached_listing() is None  # just written: racy, so hashed
    assert "My own note B" in _titles(listing_cache.listing())


def test_an_old_file_edited_in_place_is_caught_by_its_change_time(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filestamp, "RACY_NS", 0)  # trust every stamp: no hash fallback
    path = _own_scenario(home, "My own note A")
    listing_cache.listing()
    before = path.stat()
    time.sleep(0.05)  # past the file clock's tick, so the change time moves
    path.write_text(path.read_text(encoding="utf-8").replace("note A", "note B"), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert listing_cache.cached_listing() is None
    assert "My own note B" in _titles(listing_cache.listing())


def test_a_recent_stamp_is_saved_as_racy_and_hashed_next_time(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _own_scenario(home)
    first = listing_cache.listing()
    saved = _saved()
    assert any("racy" in stamp for stamp in saved["stamps"])
    _no_validation(monkeypatch)
    hashed = _count_hashing(monkeypatch)
    assert listing_cache.cached_listing() == first
    assert hashed == [1]


def test_a_cache_that_is_garbage_is_rebuilt_without_a_traceback(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = listing_cache.listing()
    listing_cache.cache_path().write_bytes(b"\x00\xff{not marshal")
    assert listing_cache.cached_listing() is None
    assert listing_cache.listing() == first
    assert "Traceback" not in capsys.readouterr().err
