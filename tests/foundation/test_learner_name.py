"""The persona calls the learner by the name they signed, or set, or by no name at all."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from cli_in_process import simulator

from simulator.content import Library
from simulator.content.models import Script
from simulator.conversation import parse_input
from simulator.conversation.identities import fill
from simulator.conversation.scripted import replay, run_script
from simulator.conversation.session import Session
from simulator.conversation.signature import signed_name
from simulator.core.transcript import Turn

ASK = (
    "Hi, I heard you on the pay transparency panel. I'm moving from operations into HR and "
    "would love to learn how you made the move. I know review season is busy: could I have "
    "15 minutes by phone in the next few weeks? Thank you."
)
NAME_SLOT = "{learner_first}"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"{ASK}\n\nBest,\nPriya Raman", "Priya Raman"),
        (f"{ASK}\n\nThanks,\nDr. Priya Raman, PhD\nOperations | Acme", "Priya Raman"),
        (f"{ASK} Thanks, Priya", "Priya"),
        (f"{ASK}\n- Sam", "Sam"),
        (f"{ASK}\n\nKind regards,\n\nMary-Jane O'Neil\n555 0100", "Mary-Jane O'Neil"),
        (f"{ASK}\nJordan Lee", "Jordan Lee"),
        (f"{ASK}\n\nBest,\nPriya (she/her)", "Priya"),
        (f"{ASK}\n\nRegards,\nDr. Raman", None),
        (f"{ASK}\n\nRegards,\nMs Priya Raman", "Priya Raman"),
        (ASK, None),
        ("Thanks for your time.", None),
        ("Could we talk for 15 minutes?\nSure", None),
        ("Interested", None),
        ("Thanks for your time, I know you're busy.\nCould we talk?", None),
        ("Could we talk\nsometime next week?\nThank you", None),
        (f"{ASK}\n\nBest,\nHR Operations", None),
        (f"{ASK}\n\nBest,\n{{learner_first}}", None),
        (f"{ASK}\n\n> Best,\n> Dana Reyes", None),
    ],
)
def test_the_signed_name_is_read_from_the_sign_off(text: str, name: str | None) -> None:
    assert signed_name(text) == name


def _script(body: str, thank_you: str | None = None) -> Script:
    data: dict[str, object] = {
        "outreach": {"subject": "15 minutes on moving into HR?", "body": body},
        "meeting": ["How did you get into HR?", "What skills matter most?"] * 3
        + ["I want to respect your time, so I'll wrap up there. Thank you."],
    }
    if thank_you:
        data["thank_you"] = {"after_hours": 6, "body": thank_you}
    return Script.model_validate(data)


def _templates_with_name(persona_lines: dict[str, list[str]]) -> dict[str, list[str]]:
    return {g: [t for t in lines if NAME_SLOT in t] for g, lines in persona_lines.items()}


def test_the_persona_uses_the_signed_name_and_never_an_invented_one() -> None:
    bundle = Library().load("review-season-cold-email")
    named = _templates_with_name(bundle.persona.lines)
    addressed = 0
    for seed in range(40):
        session = run_script(bundle, _script(f"{ASK}\n\nBest,\nPriya Raman"), seed).session
        assert session.identities["learner_name"] == ""  # nothing was invented at the start
        email = next(t for t in session.transcript.turns if t.who == "learner")
        assert email.data["signed_as"] == "Priya Raman"
        for turn in session.transcript.turns:
            if turn.who != "persona":
                continue
            values = {**session.identities, "learner_name": "Priya Raman"}
            values |= {"learner_first": "Priya", "minutes": session.granted or 15}
            filled = [fill(t, values) for t in named.get(turn.data["group"], [])]
            if turn.text in filled:
                assert "Priya" in turn.text
                addressed += 1
    assert addressed >= 10, "lines that name the learner name them as they signed"


def test_without_a_signature_or_a_setting_the_persona_names_nobody() -> None:
    library = Library()
    unnamed = {"learner_first": "", "learner_name": "", "minutes": 15, "remaining": 3}
    for persona_id in library.files("personas"):
        persona = library.load_persona(persona_id)[0]
        for template in (t for lines in persona.lines.values() for t in lines if NAME_SLOT in t):
            text = fill(template, unnamed)
            assert "{" not in text and "  " not in text, (persona_id, text)
            assert not re.search(r" [,!?]| \.(?!\.\.)|,[.!?]|^[,.!? ]", text), (persona_id, text)
            if template.startswith(NAME_SLOT):
                assert text[0].isupper(), (persona_id, text)
    for scenario_id in library.files("scenarios"):
        bundle = library.load(scenario_id)
        for seed in range(15):
            session = run_script(bundle, _script(ASK, "Thank you for the advice."), seed).session
            assert session.values["learner_name"] == ""
            for turn in session.transcript.turns:
                if turn.who == "persona":
                    assert "{" not in turn.text and "  " not in turn.text, turn.text


def _said_from_a_named_line(session: Session, turn: Turn) -> bool:
    values = {**session.values, "minutes": session.granted}
    named = [t for t in session.persona.lines.get(turn.data["group"], []) if NAME_SLOT in t]
    return any(turn.text == fill(t, values) for t in named)


def test_the_settings_name_is_used_when_nothing_is_signed() -> None:
    bundle = Library().load("review-season-meeting")  # the meeting first: no email to sign
    named = 0
    for seed in range(30):
        session = run_script(bundle, _script(ASK), seed, learner_name="Sam Okafor").session
        assert session.identities["learner_first"] == "Sam"
        for turn in session.transcript.turns:
            if turn.who == "persona" and _said_from_a_named_line(session, turn):
                assert "Sam" in turn.text
                named += 1
    assert named >= 5


def test_a_signed_note_overrides_the_settings_name() -> None:
    bundle = Library().load("hiring-manager-thank-you")  # a thank-you only
    note = (
        "Thank you for the time yesterday. Your point about shipping small things changed "
        "how I plan my portfolio; I have started one this week.\n\nBest,\nPriya Raman"
    )
    named = 0
    for seed in range(30):
        script = Script.model_validate({"thank_you": {"after_hours": 6, "body": note}})
        session = run_script(bundle, script, seed, learner_name="Sam Okafor").session
        sent = next(t for t in session.transcript.turns if t.who == "learner")
        assert sent.data["signed_as"] == "Priya Raman"
        reply = next(t for t in session.transcript.turns if t.who == "persona")
        assert "Sam" not in reply.text
        if _said_from_a_named_line(session, reply):
            assert "Priya" in reply.text
            named += 1
    assert named >= 3


def test_replay_from_the_recorded_identities_says_the_same_words() -> None:
    bundle = Library().load("review-season-cold-email")
    for seed in range(10):
        played = run_script(bundle, _script(f"{ASK}\n\nBest,\nPriya Raman"), seed).session
        turns = [t for t in played.transcript.turns if t.kind != "unused_script"]
        inputs = [parse_input(t.data["input"]) for t in turns if t.who == "learner"]
        again = replay(bundle, seed, inputs, identities=played.identities)
        assert [(t.text, t.data) for t in again.transcript.turns] == [
            (t.text, t.data) for t in turns
        ]


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``simulator ARGS`` in-process, in ``home`` (what the commands print is tested)."""
    assert os.environ["SIMULATOR_HOME"] == str(home)  # the home fixture set it
    return simulator(*args)


def test_run_prints_the_persona_calling_the_learner_by_their_signed_name(
    tmp_path: Path, home: Path
) -> None:
    bundle = Library().load("review-season-cold-email")
    for seed in range(60):  # a seed whose yes and opening both name the learner
        session = run_script(bundle, _script(f"{ASK}\n\nBest,\nPriya Raman"), seed).session
        if sum("Priya" in t.text for t in session.transcript.turns if t.who == "persona") >= 2:
            break
    else:
        pytest.fail("no seed names the learner twice")
    script = tmp_path / "signed.yaml"
    script.write_text(
        json.dumps(_script(f"{ASK}\n\nBest,\nPriya Raman").model_dump(mode="json")),
        encoding="utf-8",
    )
    result = _cli(
        "run",
        "review-season-cold-email",
        "--script",
        str(script),
        "--seed",
        str(seed),
        "--json",
        home=home,
    )
    assert result.returncode == 0, result.stderr
    turns = json.loads(result.stdout)["transcript"]["turns"]
    said = [t["text"] for t in turns if t["who"] == "persona"]
    assert sum("Priya" in text for text in said) >= 2
    assert json.loads(result.stdout)["transcript"]["identities"]["learner_name"] == ""
    text = _cli(
        "run", "review-season-cold-email", "--script", str(script), "--seed", str(seed), home=home
    )
    assert "Hi Priya" in text.stdout or "Priya," in text.stdout or "Priya." in text.stdout


def test_plain_play_addresses_the_learner_by_the_name_in_settings(home: Path) -> None:
    bundle = Library().load("review-season-meeting")
    for seed in range(100):  # a seed whose opening line names the learner
        session = Session(bundle, seed, learner_name="Sam Okafor")
        opening = next(t for t in session.transcript.turns if t.who == "persona")
        if _said_from_a_named_line(session, opening):
            break
    else:
        pytest.fail("no opening line names the learner")
    assert _cli("settings", "name", "Sam Okafor", home=home).returncode == 0
    argv = ["play", "--plain", "review-season-meeting", "--seed", str(seed)]
    played = simulator(*argv, stdin="How did you get into HR?\n/leave\nn\n")
    assert played.returncode == 0, played.stderr
    assert "Sam" in played.stdout.split("You:")[0]  # the persona's opening line names them
    (journal,) = (home / "journals").glob("*.jsonl")
    header = json.loads(journal.read_text(encoding="utf-8").splitlines()[0])
    assert header["identities"]["learner_name"] == "Sam Okafor"
    bad = _cli("settings", "name", "Dr. <script>", home=home)
    assert bad.returncode == 2 and "must be a name" in bad.stderr
