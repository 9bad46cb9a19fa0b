"""A cached persona is the persona the file validates to, and never outlives a change.

``analyze`` reads its persona through ``simulator.persona_cache``: a read-only record of
the validated values, rebuilt from JSON without pydantic while the file, the content code
and the version are unchanged and the cache's digest matches its body.
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


def _same(record: object, model: Strict) -> None:
    """The record has exactly the model's fields, with equal values of the same types,
    model by model."""
    assert isinstance(record, persona_cache.Record)
    assert set(vars(record)) == set(type(model).model_fields)
    for name in type(model).model_fields:
        x, y = getattr(record, name), getattr(model, name)
        if isinstance(y, Strict):
            _same(x, y)
        else:
            assert x == y, name
            assert type(x) is type(y), name
            if isinstance(y, dict):
                assert [type(v) for v in x.values()] == [type(v) for v in y.values()], name


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


def _body(text: str) -> dict:
    return json.loads(text.partition("\n")[2])


def _signed(body: dict) -> str:
    """A cache file with a digest that matches ``body``."""
    text = json.dumps(body)
    return f"{persona_cache._digest(text)}\n{text}"


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "not json {",
        lambda text: text[: len(text) // 2],
        lambda text: text.replace('"accept_threshold": 3', '"accept_threshold": -10'),
        lambda text: _signed({**_body(text), "persona": {"values": [], "models": {}}}),
        lambda text: _signed({**_body(text), "persona": [1, 2]}),
        lambda text: _signed({**_body(text), "format": "persona-1"}),
        lambda text: _signed({**_body(text), "stamps": [["version", "0.0.1"]]}),
    ],
    ids=[
        "not json",
        "cut short",
        "edited by hand",
        "wrong shape",
        "not a model",
        "other format",
        "other stamps",
    ],
)
def test_a_damaged_or_edited_cache_is_refused_and_rebuilt(
    home: Path, capsys: pytest.CaptureFixture[str], damage: object
) -> None:
    persona_id = "hr-manager-review-season"
    validated, _, _ = Library().load_persona(persona_id)
    persona_cache.load_persona(persona_id)
    where = persona_cache.cache_file(Library().persona_path(persona_id))
    assert where.is_file()
    text = where.read_text(encoding="utf-8")
    assert '"accept_threshold": 3' in text  # what "edited by hand" changes
    where.write_text(damage(text), "utf-8")  # type: ignore[operator]
    _same(persona_cache.load_persona(persona_id), validated)
    assert where.read_text(encoding="utf-8") == text  # rewritten as it was
    assert "Traceback" not in capsys.readouterr().err


def test_a_record_cannot_be_changed(home: Path) -> None:
    persona = persona_cache.load_persona("hr-manager-review-season")
    with pytest.raises(AttributeError, match="read-only"):
        persona.role = "CEO"
    with pytest.raises(AttributeError, match="read-only"):
        persona.temperament.accept_threshold = -10


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


def _corpus_texts(step: int) -> list[tuple[str, str]]:
    """Every ``step``-th corpus item with text, as (text, subject)."""
    items = []
    for corpus in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        for line in corpus.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item.get("text", "").strip():
                items.append((item["text"], item.get("subject", "")))
    return items[::step]


@pytest.mark.parametrize("persona_id", sorted(Library().files("personas")))
def test_the_judgement_reads_a_record_as_the_validated_persona(home: Path, persona_id: str) -> None:
    # The persona's values reach the reading (the context: word limit, pitch files,
    # echoes of its lines) and the decision (bar, pitch reply, rapport): every stage,
    # a spread of corpus texts, with a CV attached to outreach and follow-ups.
    from simulator.practice import STAGES, preview

    validated, _, _ = Library().load_persona(persona_id)
    persona_cache.load_persona(persona_id)  # validates and caches
    record = persona_cache.load_persona(persona_id)  # from the cache
    assert isinstance(record, persona_cache.Record)
    for text, subject in _corpus_texts(60):
        for stage in STAGES:
            files = ("my_cv.pdf",) if stage in ("outreach", "follow_up") else ()
            ours = preview(text, stage, record, attachments=files, subject=subject)
            theirs = preview(text, stage, validated, attachments=files, subject=subject)
            assert ours == theirs, (persona_id, stage, text)
