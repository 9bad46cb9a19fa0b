"""Broken content files: each kind of mistake gets its exact line:col and message.

The fixtures live in tests/authoring/broken/ (one mistake per file, except
many-mistakes.yaml, which shows that one run reports them all).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hang_guard import fails_instead_of_hanging

from simulator.authoring.validate import validate_paths
from simulator.content import ContentLoadError
from simulator.content.loader import read_text
from simulator.content.safe_yaml import load_located

BROKEN = Path(__file__).parent / "broken"
ID_RULE = "an id is lowercase letters, digits, '-' and '_', starting with a letter or digit"
EXPECTED: dict[str, list[str]] = {
    "unknown-field": [
        "1:1: missing field 'summary'",
        "5:1: unknown field 'sumary'; did you mean 'summary'?",
    ],
    "unknown-nested-field": ["10:13: unknown field 'minuts'; did you mean 'minutes'?"],
    "missing-field": ["1:1: missing field 'summary'"],
    "number-for-text": [
        "2:8: title: should be text (YAML read this as a number, as it does 1.10: put it in quotes)"
    ],
    "yes-for-text": [
        "2:8: title: should be text "
        "(YAML reads yes/no/on/off as true/false: put the text in quotes)"
    ],
    "date-for-text": [
        "2:8: title: should be text (YAML reads 2024-10-15 as a date: put it in quotes)"
    ],
    "bad-choice": [
        "3:13: difficulty: 'hrad' is not one of easy, medium, hard; did you mean 'hard'?"
    ],
    "bad-id": [f"1:5: id: 'Bad Id' is not a valid id ({ID_RULE})"],
    "id-not-file-name": [
        "1:5: id 'another-name' does not match the file name 'id-not-file-name.yaml': "
        "the library finds files by name; rename the file to another-name.yaml"
    ],
    "unknown-persona": [
        "4:10: no persona 'hr-manager-review-seasn'; did you mean 'hr-manager-review-season'?"
    ],
    "event-unknown-group": [
        "10:55: the persona has no line group 'comp_committee_pin'; "
        "did you mean 'comp_committee_ping'?"
    ],
    "event-after-meeting": [
        "10:40: event at minute 25 falls outside the meeting (minutes: 20); use a minute below 20"
    ],
    "unknown-blocker": [
        "12:14: unknown signal 'asks_about_opening'; did you mean 'asks_about_openings'?"
    ],
    "unknown-lexicon-signal": [
        "12:3: lexicon: unknown signal 'acknowledge_busy'; did you mean 'acknowledges_busy'? "
        "(phrases only extend standard signals)"
    ],
    "unknown-check-finding": [
        "14:25: unknown signal 'resume_atached'; did you mean 'resume_attached'?"
    ],
    "zero-weights": [
        "12:12: the weights of the criteria this scenario grades "
        "(respect_time, no_pitch, relationship, questions) add up to 0: "
        "give at least one a weight",
        "12:43: warning: 'follow_through' is never graded in a scenario without a "
        "thank-you stage: its weight is ignored",
    ],
    "unknown-criterion": [
        "12:13: rubric.weights: unknown key 'respct_time'; did you mean 'respect_time'?"
    ],
    "duplicate-key": ["11:1: duplicate key 'title' (first defined on line 2)"],
    "score-backwards": [
        "14:21: checks.0.expect.score: score is [low, high] with 0 <= low <= high <= 100"
    ],
    "check-without-outreach": [
        "13:13: the script needs an outreach: this scenario starts with one"
    ],
    "short-phrase": [
        "12:23: lexicon.acknowledges_busy.0: string should have at least 2 characters"
    ],
    "present-and-absent": ["14:45: 'gratitude' is expected both present (findings) and absent"],
    "merge-key": [
        "11:1: unknown field 'defaults'; did you mean 'facts'?",
        "12:1: unknown field 'more' (expected one of: brief, checks, criteria, difficulty, "
        "facts, field, id, learner, lexicon, objectives, outcome, persona, rubric, signals, "
        "stages, summary, title)",
        "13:3: merge keys (<<) are not supported: write the keys out",
    ],
    "python-tag": ["2:8: tag tag:yaml.org,2002:python/object/apply:os.system is not allowed here"],
    "second-document": ["11:1: a second document ('---'): a file holds one document"],
    "unclosed-quote": ["2:8: a quoted text that starts here is never closed"],
    "colon-in-value": [
        "2:15: mapping values are not allowed in this context "
        "(a ':' followed by a space inside a value: put the value in quotes)"
    ],
    "tab-indent": ["10:1: tab character: indent with spaces, not tabs"],
    "bad-utf8": ["2:11: not UTF-8: byte 0xe9 here (save the file as UTF-8)"],
    "control-char": ["2:11: character U+0007 is not allowed in YAML"],
    "long-number": ["11:21: number longer than 40 characters"],
    "billion-laughs": ["4:12: too many aliases (more than 10, at *b): write the values out"],
    "deep-nesting": ["2:1003: nested more than 40 levels deep"],
    "empty": [
        "1:1: an empty file: a scenario file is a mapping of keys "
        "(id, title, difficulty, persona, ...)"
    ],
    "list-not-mapping": [
        "1:1: not a mapping of keys: a scenario file is a mapping of keys "
        "(id, title, difficulty, persona, ...)"
    ],
    "unreachable-meeting": [
        "10:3: stage 'meeting' can never be reached: the persona needs 10 points to say yes, "
        "and an outreach earns at most 9"
    ],
    "many-mistakes": [
        "1:1: missing field 'summary'",
        "3:13: difficulty: 'hrad' is not one of easy, medium, hard; did you mean 'hard'?",
        "5:1: unknown field 'sumary'; did you mean 'summary'?",
        "10:40: event at minute 30 falls outside the meeting (minutes: 20); use a minute below 20",
        "10:56: the persona has no line group 'comp_ping'; did you mean 'comp_committee_ping'?",
        "11:1: duplicate key 'title' (first defined on line 2)",
    ],
}


def problems(path: Path) -> list[str]:
    """Every problem validate reports for one file, without the path prefix."""
    with fails_instead_of_hanging(20, "loading"):
        report = validate_paths([path])
    prefix = f"{path}:"
    return [str(e).removeprefix(prefix) for e in report.problems()]


def test_at_least_25_kinds_of_mistake_are_covered() -> None:
    assert len(EXPECTED) >= 25
    on_disk = {p.stem for p in (BROKEN / "scenarios").glob("*.yaml")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_scenario_reports_exact_position_and_message(name: str) -> None:
    assert problems(BROKEN / "scenarios" / f"{name}.yaml") == EXPECTED[name]


def test_persona_problems_and_warnings() -> None:
    assert problems(BROKEN / "personas" / "picky-persona.yaml") == [
        "4:51: unknown signal 'resume_atached'; did you mean 'resume_attached'?",
        "5:1: warning: missing standard line groups: meeting_open, answer_career_path, "
        "answer_day_to_day, answer_advice, answer_industry, answer_companies, answer_skills, "
        "answer_contacts, answer_other, acknowledge, deflect_job, deflect_salary, googleable, "
        "time_warning, out_of_time, end_early, goodbye_warm, goodbye_cool, "
        "thank_you_reply_warm, thank_you_reply_cool",
        "6:3: warning: line group 'accept' has only 1 alternative; give it at least 2 so the "
        "persona does not run out",
    ]


def test_file_of_unknown_kind_says_how_to_fix_it() -> None:
    assert problems(BROKEN / "other" / "unknown-kind.yaml") == [
        "1:1: cannot tell whether this is a scenario or a persona: put it in a scenarios/ or "
        "personas/ folder, or start it with a yaml-language-server $schema line"
    ]


def test_ten_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "scenarios" / "big.yaml"
    big.parent.mkdir()
    with big.open("w") as handle:
        handle.write("id: big\nbrief: |\n")
        line = "  " + "word " * 19 + "\n"
        handle.write(line * (10 * 1024 * 1024 // len(line) + 1))
    size = big.stat().st_size
    assert size > 10 * 1024 * 1024
    assert problems(big) == [f"1:1: file is {size:,} bytes; the limit is 524,288 bytes"]


def test_a_file_that_grows_after_the_size_check_is_still_capped(tmp_path: Path) -> None:
    text = "id: x\n" + "k: v\n" * 200_000
    with fails_instead_of_hanging(20, "loading"), pytest.raises(ContentLoadError) as caught:
        load_located(text, "grown.yaml")
    assert str(caught.value) == "grown.yaml:1:1: file is larger than the limit of 524,288 bytes"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 200_000, "f.yaml:1:1001: nested more than 40 levels deep"),
        ("{a: " * 100_000, "f.yaml:1:161: nested more than 40 levels deep"),
        ("- " * 200_000 + "x", "f.yaml:1:81: nested more than 40 levels deep"),
        ("x: [" + "a, " * 100_000 + "]", "f.yaml:1:59996: more than 20,000 values in one file"),
        ("x: " + ":".join(["59"] * 100_000), "f.yaml:1:4: number longer than 40 characters"),
        ("a: &a [x]\nb: *a\nc: *zz\n", "f.yaml:3:4: no anchor &zz before this alias *zz"),
        ("a: &a [b, *a]\n", "f.yaml:1:11: alias *a refers to a value that contains it"),
        ("x: 2024-13-45\n", "f.yaml:1:4: cannot read '2024-13-45': month must be in 1..12"),
    ],
)
def test_malicious_text_gets_an_error_not_a_hang(text: str, expected: str) -> None:
    with fails_instead_of_hanging(20, "loading"), pytest.raises(ContentLoadError) as caught:
        load_located(text[:500_000], "f.yaml")
    assert str(caught.value).split("\n")[0] == expected


def test_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "u16.yaml"
    path.write_bytes("id: x\n".encode("utf-16"))
    with pytest.raises(ContentLoadError) as caught:
        read_text(path)
    assert str(caught.value) == f"{path}:1:1: file is UTF-16; save it as UTF-8"


def test_every_tab_indented_line_is_reported_at_once() -> None:
    text = "a:\n\tb: 1\nc:\n\td: 2\n"
    with pytest.raises(ContentLoadError) as caught:
        load_located(text, "t.yaml")
    assert [str(e) for e in caught.value.errors] == [
        "t.yaml:2:1: tab character: indent with spaces, not tabs",
        "t.yaml:4:1: tab character: indent with spaces",
    ]


def test_duplicate_keys_are_all_reported_and_strict_loading_refuses_them() -> None:
    text = "a: 1\nb: 2\na: 3\nb: 4\n"
    located = load_located(text, "d.yaml", collect=True)
    assert [str(e) for e in located.problems] == [
        "d.yaml:3:1: duplicate key 'a' (first defined on line 1)",
        "d.yaml:4:1: duplicate key 'b' (first defined on line 2)",
    ]
    assert located.data == {"a": 1, "b": 2}
    with pytest.raises(ContentLoadError):
        load_located(text, "d.yaml")


def test_keys_keep_the_authors_words() -> None:
    located = load_located("yes: 1\nno: 2\n12:30: 3\n", "k.yaml")
    assert located.data == {"yes": 1, "no": 2, "12:30": 3}
