"""The cached standard lexicon reads exactly as the one parsed from YAML, and never
outlives a change to the file, the reading code or the version.

``standard_lexicon`` reads through ``simulator.reading.lexicon_cache``: the compiled
lexicon is saved with ``marshal`` and rebuilt from it while every stamp matches.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

import simulator
from simulator import filestamp
from simulator.cli import main
from simulator.paths import user_cache
from simulator.reading import lexicon, lexicon_cache, read, scenario_lexicon

DRAFT = (
    "Hi Ryan, I saw your post about the analytics team. Are you hiring at the moment? "
    "I would love to join your team. Could we talk for 15 minutes next week? Thanks, Sam"
)


@pytest.fixture
def own_lexicon(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of ``lexicon.yaml`` read as the standard lexicon, stamps trusted at once."""
    path = tmp_path / "lexicon.yaml"
    shutil.copyfile(lexicon.LEXICON_PATH, path)
    monkeypatch.setattr(lexicon, "LEXICON_PATH", path)
    monkeypatch.setattr(filestamp, "RACY_NS", 0)  # trust fresh stamps: no other fallback
    lexicon.standard_lexicon.cache_clear()
    yield path
    lexicon.standard_lexicon.cache_clear()


def _fresh() -> lexicon.Lexicon:
    lexicon.standard_lexicon.cache_clear()
    return lexicon.standard_lexicon()


def _parsed_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    parse = lexicon._parse_standard

    def counted() -> lexicon.Lexicon:
        calls.append(1)
        return parse()

    monkeypatch.setattr(lexicon, "_parse_standard", counted)
    return calls


def _signals(lex: lexicon.Lexicon, text: str = DRAFT) -> list[tuple[str, int, int]]:
    return [(s.id, s.start, s.end) for s in read(text, "outreach", None, lex).signals]


def test_the_cached_lexicon_is_the_parsed_one(
    own_lexicon: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _parsed_calls(monkeypatch)
    parsed = _fresh()
    assert calls == [1] and lexicon_cache.cache_file(own_lexicon).is_file()
    cached = _fresh()
    assert calls == [1]  # read from the cache, not parsed
    assert cached is not parsed
    assert cached.specs == parsed.specs
    assert lexicon_cache.dump(cached) == lexicon_cache.dump(parsed)
    assert _signals(cached) == _signals(parsed) != []


def test_an_edited_lexicon_file_is_parsed_again(
    own_lexicon: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _fresh()
    assert "talk about tapirs" not in before.specs["clear_purpose"].phrases
    text = own_lexicon.read_text(encoding="utf-8")
    anchor = "  clear_purpose:\n"
    assert anchor in text
    at = text.index("phrases:", text.index(anchor)) + len("phrases:")
    flow = text[at:].lstrip(" ").startswith("[")  # `phrases: [a, b]` or a block list
    added = ' ["talk about tapirs", ' if flow else '\n      - "talk about tapirs"'
    rest = text[at:].lstrip(" ")[1:] if flow else text[at:]
    own_lexicon.write_text(text[:at] + added + rest, encoding="utf-8")
    after = _fresh()
    assert "talk about tapirs" in after.specs["clear_purpose"].phrases
    assert "clear_purpose" in [s for s, _, _ in _signals(after, "I want to talk about tapirs.")]


def test_a_lexicon_written_just_now_is_not_trusted_from_its_stamp(
    own_lexicon: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filestamp, "RACY_NS", 10**18)  # every stamp is too recent
    calls = _parsed_calls(monkeypatch)
    _fresh()
    _fresh()
    assert calls == [1, 1]


def test_a_new_version_or_changed_reading_code_parses_again(
    own_lexicon: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _parsed_calls(monkeypatch)
    _fresh()
    monkeypatch.setattr(simulator, "__version__", "99.0")
    _fresh()
    assert calls == [1, 1]
    stamps = lexicon_cache._stamps(own_lexicon)
    modules = {Path(entry[1]).name for entry in stamps if entry[0] == "code"}
    assert {"lexicon.py", "matcher.py", "lexicon_cache.py", "reader.py"} <= modules


@pytest.mark.parametrize(
    "damage",
    [b"", b"\x00garbage", b"not marshal at all" * 100, None],
    ids=["empty", "garbage", "text", "truncated"],
)
def test_a_damaged_cache_is_rebuilt_silently(
    own_lexicon: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes | None
) -> None:
    parsed = _fresh()
    where = lexicon_cache.cache_file(own_lexicon)
    body = where.read_bytes()
    where.write_bytes(body[: len(body) // 2] if damage is None else damage)
    calls = _parsed_calls(monkeypatch)
    rebuilt = _fresh()
    assert calls == [1]
    assert lexicon_cache.dump(rebuilt) == lexicon_cache.dump(parsed)
    assert where.read_bytes() == body  # rewritten whole
    _fresh()
    assert calls == [1]


def test_a_cache_of_another_shape_is_ignored(
    own_lexicon: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marshal

    _fresh()
    where = lexicon_cache.cache_file(own_lexicon)
    stamps, data = marshal.loads(where.read_bytes())
    data["matcher"].pop("frames")
    where.write_bytes(marshal.dumps((stamps, data)))
    calls = _parsed_calls(monkeypatch)
    assert _signals(_fresh()) != []
    assert calls == [1]


def test_a_scenario_lexicon_applies_its_own_words_over_the_cached_one(
    own_lexicon: Path,
) -> None:
    _fresh()
    _fresh()  # the second comes from the cache
    text = "Zorblat quux frim."  # words neither the lexicon nor the intent model knows
    scenario = SimpleNamespace(lexicon={"clear_purpose": ["zorblat quux"]}, signals={})
    assert "clear_purpose" in [s for s, _, _ in _signals(scenario_lexicon(scenario), text)]
    scenario.lexicon = {"clear_purpose": ["quux zorblat"]}
    assert "clear_purpose" not in [s for s, _, _ in _signals(scenario_lexicon(scenario), text)]


def test_analyze_reads_the_same_with_a_damaged_cache(
    own_lexicon: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    _fresh()
    assert main(["analyze", "--json", str(draft)]) == 0
    first = capsys.readouterr()
    lexicon_cache.cache_file(own_lexicon).write_bytes(b"\xff" * 64)
    lexicon.standard_lexicon.cache_clear()
    assert main(["analyze", "--json", str(draft)]) == 0
    again = capsys.readouterr()
    assert again.out == first.out and again.err == first.err == ""


def test_each_lexicon_file_has_its_own_cache(tmp_path: Path) -> None:
    """Two checkouts sharing one cache folder keep a cache each (no rewriting in turn)."""
    first, second = tmp_path / "a" / "lexicon.yaml", tmp_path / "b" / "lexicon.yaml"
    assert lexicon_cache.cache_file(first) != lexicon_cache.cache_file(second)
    assert lexicon_cache.cache_file(first) == lexicon_cache.cache_file(first)
    assert lexicon_cache.cache_file(first).parent == user_cache()
