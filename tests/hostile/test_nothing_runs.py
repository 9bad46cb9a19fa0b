"""Nothing from a file runs: hostile author and learner strings are refused or shown literally.

Callback names (``os.system``, ``builtins.print``) never reach ``transitions``; markup never
reaches a markup parser in the core renderers; YAML tags that build Python objects are
refused; regex bombs are matched as plain phrases; format-string tricks stay text; and
terminal escape sequences are shown as symbols in the plain terminal.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re

import pytest
import yaml

from simulator.content import (
    Bundle,
    ContentLoadError,
    Persona,
    Scenario,
    Script,
    bundle_from_texts,
)
from simulator.content.loader import parse_model
from simulator.conversation import Outreach, Session
from simulator.conversation.machine import build_machine
from simulator.conversation.scripted import run_script
from simulator.grading import grade, report_markdown, report_text, transcript_text
from simulator.plain import WRAP_LINE, play_plain
from simulator.reading import read, standard_lexicon

from .conftest import builtin_texts, hostile_bundle

CALLBACK_NAMES = ["os.system", "builtins.print", "subprocess.Popen", "__import__"]
MARKUP = ["[@click=app.quit]x[/]", "closing [/] tag", "[bold red]loud[/]", "[link=file:///etc]"]
FORMAT_TRICKS = ["{persona.__class__}", "{0}", "{persona_name.__class__.__mro__}", "%s %(x)s"]
OPENING = Outreach(
    "Could I have 15 minutes of your time to hear about your career path? "
    "I know review season is busy.",
    "15 minutes?",
)


@pytest.fixture(autouse=True)
def _tripwires(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail loudly if anything tries to run a command."""
    calls: list[str] = []

    def tripped(*args: object, **kwargs: object) -> int:
        calls.append(repr(args))
        raise AssertionError(f"a command was run: {args!r}")

    monkeypatch.setattr(os, "system", tripped)
    monkeypatch.setattr(os, "popen", tripped)
    return calls


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every regular expression compiled during the test (``re`` caches included)."""
    sources: list[str] = []
    real = re._compile  # type: ignore[attr-defined]

    def spy(pattern: object, flags: int) -> object:
        sources.append(pattern if isinstance(pattern, str) else getattr(pattern, "pattern", ""))
        return real(pattern, flags)

    monkeypatch.setattr(re, "_compile", spy)
    return sources


def _play(bundle: Bundle, lines: list[str]) -> Session:
    """Outreach, the given meeting lines and a wrap-up, then a thank-you note."""
    script = Script.model_validate(
        {
            "outreach": {"subject": OPENING.subject, "body": OPENING.body},
            "meeting": [*lines, WRAP_LINE],
            "thank_you": {"body": "Thank you for your time.", "after_hours": 10},
        }
    )
    return run_script(bundle, script, 1).session


@pytest.mark.parametrize("name", CALLBACK_NAMES)
def test_callback_names_as_ids_and_groups_are_refused(name: str) -> None:
    scenario_text, persona_text = builtin_texts()
    persona = yaml.safe_load(persona_text)
    persona["lines"][name] = ["hello"]
    with pytest.raises(ContentLoadError) as caught:
        parse_model(Persona, yaml.safe_dump(persona), "p.yaml")
    assert any("lines" in str(e) for e in caught.value.errors)
    scenario = yaml.safe_load(scenario_text)
    scenario["id"] = name
    with pytest.raises(ContentLoadError, match="id"):
        parse_model(Scenario, yaml.safe_dump(scenario), "s.yaml")


def test_callback_names_as_phrases_and_lines_are_only_words(
    compiled: list[str],
) -> None:
    names = [n for n in CALLBACK_NAMES if n.replace(".", "").isalnum()]
    bundle = hostile_bundle(line="os.system('rm -rf /') builtins.print", phrases=names)
    session = _play(bundle, ["Is os.system or builtins.print part of your day?"])
    said = [t.text for t in session.transcript.turns if t.who == "persona"]
    assert said and all(text == "os.system('rm -rf /') builtins.print" for text in said)
    assert not [p for p in compiled if "os.system" in p or "builtins.print" in p]
    with pytest.raises(ContentLoadError, match="plain words, not patterns"):
        hostile_bundle(phrases=["__import__"])


def test_the_stage_machine_only_ever_holds_our_own_callables() -> None:
    class Model:
        def can_follow_up(self) -> bool:
            return True

        def is_out_of_time(self) -> bool:
            return False

        def is_patience_exhausted(self) -> bool:
            return False

    machine = build_machine(Model(), ["outreach", "meeting", "thank_you"])
    for event in machine.events.values():
        for transitions in event.transitions.values():
            for transition in transitions:
                for condition in transition.conditions:
                    assert callable(condition.func) and not isinstance(condition.func, str)
                for callbacks in (transition.before, transition.after, transition.prepare):
                    assert callbacks == []


@pytest.mark.parametrize("markup", MARKUP)
def test_markup_in_persona_lines_and_learner_text_is_literal(markup: str) -> None:
    bundle = hostile_bundle(line=f"Sure. {markup} Next?")
    session = _play(bundle, [f"What about {markup} in your work?"])
    report = grade(session.transcript, bundle.scenario, session.lexicon)
    text = transcript_text(session.transcript)
    assert f"Sure. {markup} Next?" in text
    assert f"What about {markup} in your work?" in text
    escaped = "".join("\\" + c if c in "\\`*_[]<>|" else c for c in markup)
    assert escaped in report_markdown(report, session.transcript)
    out = io.StringIO()
    script = f"15 minutes?\n{OPENING.body}\n.\n\nWhat about {markup} in your work?\n"
    play_plain(bundle, 1, io.StringIO(script), out, record=False)
    assert f"Sure. {markup} Next?" in out.getvalue()
    report_text(report)  # plain text: nothing to parse, nothing to raise


@pytest.mark.parametrize(
    "tagged",
    [
        "id: !!python/object/apply:os.system ['echo pwned']",
        "id: !!python/name:os.system ''",
        "id: !!python/object/new:os.system [echo]",
        "id: !!python/module:os ''",
        "title: !custom thing",
        "objectives: !!python/tuple [a, b]",
    ],
)
def test_yaml_tags_that_build_objects_are_refused(tagged: str) -> None:
    scenario_text, _ = builtin_texts()
    lines = [line for line in scenario_text.splitlines() if not line.startswith(tagged[:3])]
    text = "\n".join([tagged, *lines])
    with pytest.raises(ContentLoadError) as caught:
        parse_model(Scenario, text, "evil.yaml")
    first = caught.value.errors[0]
    assert (first.path, first.line) == ("evil.yaml", 1)


@pytest.mark.parametrize("bomb", ["(a+)+$", "^(a|aa)+$", "(.*a){20}", "([a-z]+)*!", "\\d+\\"])
def test_regex_bombs_as_phrases_never_become_patterns(bomb: str, compiled: list[str]) -> None:
    # A content file with a pattern for a phrase is refused with a one-line reason...
    with pytest.raises(ContentLoadError, match="plain words, not patterns"):
        hostile_bundle(phrases=[bomb, f"{bomb} season"])
    # ...and even a lexicon built around validation never compiles the phrase.
    lexicon = standard_lexicon().extended({"job_pitch": [bomb, f"{bomb} season"]})
    attack = "a" * 5000 + "!"  # hangs a backtracking engine given the raw pattern
    read(attack, "outreach", lexicon=lexicon)
    read(f"I know it is {bomb} season. {attack}", "meeting", lexicon=lexicon)
    assert not [p for p in compiled if bomb in p]
    re.search("spy-check-(x)", "")  # the spy sees every compile, cached or not
    assert "spy-check-(x)" in compiled


@pytest.mark.parametrize("trick", FORMAT_TRICKS)
def test_format_string_tricks_stay_literal(trick: str) -> None:
    bundle = hostile_bundle(line=f"Noted {trick} and {{persona_name}}.", brief_extra=f" {trick}")
    session = _play(bundle, [f"My question is {trick} and {{persona_name}}?"])
    persona_name = session.identities["persona_name"]
    said = [t.text for t in session.transcript.turns if t.who == "persona"]
    assert said and all(text == f"Noted {trick} and {persona_name}." for text in said)
    learner = [t.text for t in session.transcript.turns if t.who == "learner"]
    assert f"My question is {trick} and {{persona_name}}?" in learner  # never filled
    out = io.StringIO()
    play_plain(bundle, 1, io.StringIO(""), out, record=False)
    assert trick in out.getvalue()
    assert "<class" not in out.getvalue()


def test_terminal_escapes_in_persona_lines_are_refused_and_never_shown() -> None:
    scenario_text, persona_text = builtin_texts()
    persona = yaml.safe_load(persona_text)
    attack = "\x1b[2J\x1b]52;c;ZXZpbA==\x07 hi\r"
    persona["lines"] = {g: [attack] * len(v) for g, v in persona["lines"].items()}
    with pytest.raises(ContentLoadError, match=r"lines\.accept\.0: text holds U\+001B"):
        bundle_from_texts(scenario_text, yaml.safe_dump(persona))
    # Planted after loading (a tampered install), the lines are still made inert.
    bundle = bundle_from_texts(scenario_text, persona_text)
    lines = {g: [attack] * len(v) for g, v in bundle.persona.lines.items()}
    bundle = dataclasses.replace(bundle, persona=bundle.persona.model_copy(update={"lines": lines}))
    out = io.StringIO()
    script = f"15 minutes?\n{OPENING.body}\n.\n\nHow did you start?\n"
    play_plain(bundle, 1, io.StringIO(script), out, record=False)
    shown = out.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown and "\r" not in shown
    assert "ZXZpbA" not in shown and "[2J" not in shown  # whole sequences removed
    assert ": hi\n" in shown or " hi\n" in shown
