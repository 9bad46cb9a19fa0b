"""Home's resume rows read through a cache of what each journal says, keyed by its stamp:
the same rows as reading every journal, and never stale after a journal changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from simulator import filestamp, resume_index
from simulator.paths import user_cache
from simulator.storage import Journal
from simulator.tui.screens.home import resume_entries


def _journal(name: str, learner_turns: int, *, finished: bool = False) -> Path:
    journal = Journal.create(
        f"20261201T10{name}-review-season-cold-email-abc",
        {"scenario": "review-season-cold-email", "title": f"Title {name}",
         "started": "2026-12-01T10:00:00+00:00"},
    )  # fmt: skip
    for number in range(learner_turns):
        journal.append_record("turn", {"who": "learner", "text": f"q{number}", "stage": "meeting"})
        journal.append_record("turn", {"who": "persona", "text": "a", "stage": "meeting"})
    if finished:
        journal.finish({"score": 1})
    else:
        journal.close()
    return journal.path


def _rows() -> list[tuple[str, str, str]]:
    return [(e.key, e.title, e.detail) for e in resume_entries()]


def _refuse_reading(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    read: list[Path] = []
    real = Journal.read

    def counted(path: Path) -> object:
        read.append(path)
        return real(path)

    monkeypatch.setattr(Journal, "read", staticmethod(counted))
    return read


@pytest.fixture
def trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filestamp, "RACY_NS", 0)  # trust fresh stamps: no other fallback


def test_rows_come_from_the_cache_without_reading_a_journal(
    home: Path, trusted: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _journal("0001", 2)
    _journal("0002", 1, finished=True)
    third = _journal("0003", 1)
    rows = _rows()
    assert [key for key, _, _ in rows] == [str(third), str(first)]  # newest first
    assert rows[0][1:] == ("Resume: Title 0003", rows[0][2])
    assert rows[0][2].startswith("in the meeting, 1 turn so far, started ")
    assert rows[1][2].startswith("in the meeting, 2 turns so far, started ")
    read = _refuse_reading(monkeypatch)
    assert _rows() == rows
    assert read == []


def test_a_changed_added_or_removed_journal_is_read_again(
    home: Path, trusted: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _journal("0001", 2)
    second = _journal("0002", 1)
    assert len(_rows()) == 2
    read = _refuse_reading(monkeypatch)
    reopened = Journal.reopen(second, Journal.read(second))
    reopened.finish({"score": 1})  # finished since: no longer listed
    read.clear()
    assert [key for key, _, _ in _rows()] == [str(first)]
    assert read == [second]
    third = _journal("0003", 3)
    first.unlink()
    read.clear()
    rows = _rows()
    assert [key for key, _, _ in rows] == [str(third)]
    assert "3 turns so far" in rows[0][2] and read == [third]


def test_a_journal_written_just_now_is_read_every_time(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filestamp, "RACY_NS", 10**18)  # every stamp is too recent
    path = _journal("0001", 2)
    _rows()
    read = _refuse_reading(monkeypatch)
    _rows()
    assert read == [path]


@pytest.mark.parametrize("damage", [b"", b"\x00\x01garbage", None], ids=["empty", "garbage", "cut"])
def test_a_damaged_cache_is_rebuilt_silently(
    home: Path, trusted: None, monkeypatch: pytest.MonkeyPatch, damage: bytes | None
) -> None:
    _journal("0001", 2)
    _journal("0002", 1)
    rows = _rows()
    where = user_cache() / resume_index.FILE_NAME
    body = where.read_bytes()
    where.write_bytes(body[: len(body) // 2] if damage is None else damage)
    read = _refuse_reading(monkeypatch)
    assert _rows() == rows
    assert len(read) == 2
    assert where.read_bytes() == body
    read.clear()
    assert _rows() == rows and read == []


def test_a_cache_entry_of_another_shape_is_read_again(
    home: Path, trusted: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marshal

    path = _journal("0001", 2)
    rows = _rows()
    where = user_cache() / resume_index.FILE_NAME
    key, files = marshal.loads(where.read_bytes())
    mark, _ = files[path.name]
    files[path.name] = (mark, (False, "Title", "meeting", "two", ""))  # turns not a number
    where.write_bytes(marshal.dumps((key, files)))
    read = _refuse_reading(monkeypatch)
    assert _rows() == rows and read == [path]


def test_an_unreadable_journal_is_left_out_and_never_cached(
    home: Path, trusted: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _journal("0001", 1)
    bad = good.with_name("20261201T100002-x-abc.jsonl")
    bad.write_text("not a journal\n", encoding="utf-8")
    os.mkdir(good.with_name("20261201T100003-folder.jsonl"))
    assert [key for key, _, _ in _rows()] == [str(good)]
    read = _refuse_reading(monkeypatch)
    assert [key for key, _, _ in _rows()] == [str(good)]
    assert bad in read and good not in read
