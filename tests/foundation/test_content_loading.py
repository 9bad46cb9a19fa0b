"""Loading scenarios and personas: good files load, bad ones say what and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content import ContentLoadError, Library, Persona, Scenario
from simulator.content.loader import parse_model

GOOD_SCENARIO = """\
id: tiny
title: Tiny
difficulty: easy
persona: hr-manager-review-season
summary: A tiny scenario.
brief: Say hello.
objectives: [be brief]
stages:
  outreach: {channel: email}
"""


def errors_of(model: type, text: str) -> list[str]:
    with pytest.raises(ContentLoadError) as info:
        parse_model(model, text, "f.yaml")
    return [str(e) for e in info.value.errors]


def test_builtin_library_loads(library: Library) -> None:
    scenarios = library.files("scenarios")
    assert "review-season-cold-email" in scenarios
    bundle = library.load("review-season-cold-email")
    assert bundle.persona.id == bundle.scenario.persona
    assert len(bundle.hashes["scenario"]) == 64


def test_good_minimal_scenario_parses() -> None:
    scenario = parse_model(Scenario, GOOD_SCENARIO, "f.yaml")
    assert scenario.stage_names() == ["outreach"]


def test_unknown_field_has_position_and_did_you_mean() -> None:
    text = GOOD_SCENARIO.replace("summary:", "sumary:")
    errors = errors_of(Scenario, text)
    assert "f.yaml:5:1: unknown field 'sumary'; did you mean 'summary'?" in errors
    assert "f.yaml:1:1: missing field 'summary'" in errors


def test_wrong_type_points_at_the_value() -> None:
    text = GOOD_SCENARIO.replace("difficulty: easy", "difficulty: 3")
    (error,) = errors_of(Scenario, text)
    assert error.startswith("f.yaml:3:13: difficulty:")


def test_yaml_boolean_surprise_is_explained() -> None:
    text = GOOD_SCENARIO.replace("title: Tiny", "title: no")
    (error,) = errors_of(Scenario, text)
    assert error.startswith("f.yaml:2:8: title:")
    assert "quotes" in error


def test_nested_unknown_field() -> None:
    text = GOOD_SCENARIO.replace("{channel: email}", "{channel: email, reply_days: 3}")
    (error,) = errors_of(Scenario, text)
    assert error == "f.yaml:9:30: unknown field 'reply_days'; did you mean 'reply_after_days'?"


def test_duplicate_key_cites_both_lines() -> None:
    text = GOOD_SCENARIO + "title: Again\n"
    (error,) = errors_of(Scenario, text)
    assert error == "f.yaml:10:1: duplicate key 'title' (first defined on line 2)"


def test_python_tags_are_refused() -> None:
    text = GOOD_SCENARIO.replace("brief: Say hello.", "brief: !!python/object/apply:os.system [ls]")
    (error,) = errors_of(Scenario, text)
    assert error.startswith("f.yaml:6:8: tag tag:yaml.org,2002:python/object/apply:os.system")


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    (error,) = errors_of(Persona, "\n".join(lines) + "\n")
    assert "too many aliases" in error


def test_tab_indentation_reported_with_position() -> None:
    (error,) = errors_of(Scenario, "id: x\nstages:\n\toutreach: {}\n")
    assert error.startswith("f.yaml:3:1:")


def test_missing_persona_is_reported_at_the_persona_field(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(GOOD_SCENARIO.replace("hr-manager-review-season", "hr-manager-review"))
    with pytest.raises(ContentLoadError) as info:
        Library().load(str(path))
    (error,) = info.value.errors
    assert str(error) == (
        f"{path}:4:10: no persona 'hr-manager-review'; did you mean 'hr-manager-review-season'?"
    )


def test_user_folder_adds_scenarios(home: Path) -> None:
    folder = home / "scenarios"
    folder.mkdir(parents=True)
    (folder / "tiny.yaml").write_text(GOOD_SCENARIO)
    library = Library()
    assert "tiny" in library.files("scenarios")
    assert library.load("tiny").scenario.title == "Tiny"


def test_unknown_scenario_id_suggests_a_close_one(library: Library) -> None:
    with pytest.raises(ContentLoadError) as info:
        library.load("review-season-cold-mail")
    assert "did you mean 'review-season-cold-email'?" in str(info.value)


def test_lexicon_phrases_must_be_plain_words() -> None:
    text = GOOD_SCENARIO + 'lexicon:\n  job_pitch: ["(a+)+$", "a b", "join the crew"]\n'
    errors = errors_of(Scenario, text)
    assert errors == [
        "f.yaml:11:15: lexicon.job_pitch.0: phrases are plain words, not patterns: remove $ ( ) +",
        "f.yaml:11:25: lexicon.job_pitch.1: "
        "a phrase needs at least one word of two or more letters",
    ]
