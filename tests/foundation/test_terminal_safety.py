"""Headless commands never pass escape sequences from learner or author text to the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.textsafe import printable, printable_spans

ESC = "\x1b]0;owned\x07\x1b[2J\x1b[31m"


def test_printable_removes_whole_sequences_and_keeps_lines() -> None:
    assert printable(f"a{ESC}b\nc\td\x00") == "ab\nc\td"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b]0;owned\x1b\\title", "title"),  # OSC ended by ST
        ("\x9d2;owned\x9cC1", "C1"),  # 8-bit OSC and ST
        ("\x1bP+q544e\x1b\\dcs", "dcs"),  # DCS (a terminal query)
        ("\x9b2Jcsi", "csi"),  # 8-bit CSI
        ("\x1b_apc\x07apc", "apc"),
        ("\x1bcreset", "reset"),  # RIS: the terminal would reset itself
        ("cut \x1b[", "cut "),  # a sequence cut short at the end
        ("a\x1b]0;no end\nb", "a\nb"),  # an OSC cut short by a line break
        ("a\rb\x08c\x7fd\x85e", "abcde"),
        ("pay \u202e3 ,\u2066x\u2069", "pay 3 ,x"),  # bidi overrides and isolates
        ("[bold]kept[/] [@click=app.quit]x[/]", "[bold]kept[/] [@click=app.quit]x[/]"),
        ("byte \udcff", "byte \ufffd"),
        ("caf\u00e9 \u4e2d \U0001f600", "caf\u00e9 \u4e2d \U0001f600"),
    ],
)
def test_printable_strips_every_kind_of_sequence(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_printable_spans_follow_the_visible_characters() -> None:
    text, spans = printable_spans("ab\x1b[31mcd\u202eef", [(7, 9, "x"), (9, 12, "y")])
    assert text == "abcdef"
    assert [text[s:e] for s, e, _ in spans] == ["cd", "ef"]


def test_run_output_has_no_escape_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "s.yaml"
    body = f"Hi {ESC} could I have 15 minutes to learn how you got into HR?"
    script.write_text(json.dumps({"outreach": {"subject": ESC, "body": body}}))
    assert main(["run", "review-season-cold-email", "--script", str(script)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "]0;owned" not in out and "Hi  could I have" in out  # removed whole


def test_analyze_output_has_no_escape_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(f"Are you hiring? {ESC}")
    main(["analyze", str(draft)])
    out = capsys.readouterr().out
    assert "\x1b" not in out


def test_validate_refuses_control_characters_in_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A persona line with an OSC title change (spelled as a YAML escape) and a scenario
    title with a bidi override are errors at their line and column, with a hint."""
    root = Path(__file__).resolve().parents[2]
    persona = tmp_path / "personas" / "hr-manager-review-season.yaml"
    scenario = tmp_path / "scenarios" / "review-season-quick-note.yaml"
    persona.parent.mkdir()
    scenario.parent.mkdir()
    text = (root / "personas" / persona.name).read_text(encoding="utf-8")
    persona.write_text(
        text.replace(
            '    - "Hi {learner_first}, thanks', '    - "\\e]0;owned\\aHi {learner_first}, thanks'
        ),
        encoding="utf-8",
    )
    text = (root / "scenarios" / scenario.name).read_text(encoding="utf-8")
    scenario.write_text(
        text.replace("title: One short email", "title: One \u202eshort email"), encoding="utf-8"
    )
    assert main(["validate", str(persona)]) == 1
    assert main(["validate", str(scenario)]) == 1
    err = capsys.readouterr()
    shown = err.out + err.err
    assert f"{persona}:55:7: lines.accept.0: text holds U+001B, an escape character" in shown
    assert f"{scenario}:3:8: title: text holds U+202E, a bidi override" in shown
    assert "remove it: content is plain text" in shown
    assert "\x1b" not in shown and "\u202e" not in shown
