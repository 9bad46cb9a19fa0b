"""A cached persona is the persona the file validates to, and never outlives a change.

``analyze`` reads its persona through ``simulator.persona_cache``: rebuilt from JSON
without validation while the file, the content code and the version are unchanged.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from simulator import filestamp, persona_cache
from simulator.content import ContentLoadError, Library
from simulator.content.base import Strict

ROOT = Path(__file__).resolve().parents[2]


def _same(a: Strict, b: Strict) -> None:
    """Equal values, equal types and the same fields set, model by model."""
    assert type(a) is type(b)
    assert a == b
    assert a.model_dump() == b.model_dump()
    assert a.model_fields_set == b.model_fields_set
    for name in type(a).model_fields:
        x, y = getattr(a, name), getattr(b, name)
        assert type(x) is type(y), name
        if isinstance(x, Strict):
            _same(x, y)


def _refuse_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("validated although nothing changed")

    monkeypatch.setattr(Library, "load_persona", refuse)


@pytest.mark.parametrize("persona_id", sorted(Library().files("personas")))
def test_every_builtin_persona_comes_back_from_the_cache_unchanged(
    home: Path, monkeypatch: pytest.MonkeyPatch, persona_id: str
) -> None:
    validated, _, _ = Library().load_persona(persona_id)
    first = persona_cache.load_persona(persona_id)
    _same(first, validated)
    _refuse_validation(monkeypatch)
    _same(persona_cache.load_persona(persona_id), validated)


def _own_persona(home: Path, role: str) -> Path:
    folder = home / "personas"
    folder.mkdir(parents=True, exist_ok=True)
    source = ROOT / "personas" / "hr-manager-review-season.yaml"
    text = source.read_text(encoding="utf-8").replace(
        "id: hr-manager-review-season", "id: my-manager"
    )
    lines = [f"role: {role}" if line.startswith("role:") else line for line in text.split("\n")]
    path = folder / "my-manager.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_an_edited_persona_file_is_validated_again(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filestamp, "RACY_NS", 0)  # trust fresh stamps: no other fallback
    path = _own_persona(home, "Role One")
    assert persona_cache.load_persona("my-manager").role == "Role One"
    path.write_text(path.read_text(encoding="utf-8").replace("Role One", "Role Two"), "utf-8")
    assert persona_cache.load_persona("my-manager").role == "Role Two"


def test_a_persona_written_just_now_is_not_trusted_from_its_stamp(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _own_persona(home, "Role One")
    before = path.stat()
    persona_cache.load_persona("my-manager")
    # Same size, modification time put back, within the file clock's resolution.
    path.write_text(path.read_text(encoding="utf-8").replace("Role One", "Role Two"), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert persona_cache.load_persona("my-manager").role == "Role Two"


def test_a_broken_file_gives_the_loaders_error_even_after_a_cached_run(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filestamp, "RACY_NS", 0)
    path = _own_persona(home, "Role One")
    persona_cache.load_persona("my-manager")
    path.write_text(path.read_text(encoding="utf-8") + "\nunknown_field: 1\n", "utf-8")
    with pytest.raises(ContentLoadError) as cached:
        persona_cache.load_persona("my-manager")
    with pytest.raises(ContentLoadError) as direct:
        Library().load_persona("my-manager")
    assert [str(e) for e in cached.value.errors] == [str(e) for e in direct.value.errors]
    with pytest.raises(FileNotFoundError):
        persona_cache.load_persona("nobody-at-all")


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "not json {",
        lambda text: text[: len(text) // 2],
        lambda text: json.dumps({**json.loads(text), "persona": {"values": {}, "set": []}}),
        lambda text: json.dumps({**json.loads(text), "persona": [1, 2]}),
    ],
    ids=["not json", "cut short", "fields missing", "wrong shape"],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(
    home: Path, capsys: pytest.CaptureFixture[str], damage: object
) -> None:
    persona_id = "hr-manager-review-season"
    validated, _, _ = Library().load_persona(persona_id)
    persona_cache.load_persona(persona_id)
    where = persona_cache.cache_file(Library().persona_path(persona_id))
    assert where is not None and where.is_file()
    where.write_text(damage(where.read_text(encoding="utf-8")), "utf-8")  # type: ignore[operator]
    _same(persona_cache.load_persona(persona_id), validated)
    assert json.loads(where.read_text(encoding="utf-8"))["persona"]["values"]  # rewritten
    assert "Traceback" not in capsys.readouterr().err


def test_the_cache_holds_only_what_json_keeps_exactly() -> None:
    with pytest.raises(ValueError):
        persona_cache._plain((1, 2))  # a tuple would come back a list
    with pytest.raises(ValueError):
        persona_cache._plain(float("nan"))
    with pytest.raises(ValueError):
        persona_cache._plain({1: "a"})  # JSON keys are text


def test_analyze_says_the_same_from_the_cache(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulator.cli import main

    draft = tmp_path / "draft.txt"
    draft.write_text("Hi Rich, could I have 15 minutes by phone next week? Thanks!", "utf-8")
    outputs = []
    for _ in range(2):
        for extra in ([], ["--json"]):
            assert main(["analyze", str(draft), *extra]) == 0
            outputs.append(capsys.readouterr().out)
        _refuse_validation(monkeypatch)  # the second round reads the cached persona
    assert outputs[:2] == outputs[2:]
    assert "Verdict:" in outputs[0]
