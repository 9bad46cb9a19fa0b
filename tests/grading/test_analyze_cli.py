"""``simulator analyze``: a learner checks a real draft before sending it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.practice import signal_words

PITCHY = (
    "Hi Rich,\n\nI found your info on the company's website and wanted to reach out because "
    "I'm very interested in working for your company. I left you a couple voicemails (past "
    "two Mondays) and figured it'd be a good idea to reach out via email as well. I've "
    "attached my resume for your review and would love to set up some time to chat when you "
    "have a moment. Just as background, I have 4 years of industry experience and know Mark "
    "and Amy in Accounting. Looking forward to hearing back.\n"
)
GOOD = (
    "Hi Noor, I heard you on the pay transparency panel last month. I'm moving from operations "
    "into HR and would love to learn how you made a similar move. I know review season is busy: "
    "could I have 15 minutes by phone in the next few weeks, whenever suits you? Thank you."
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["analyze", *args])
    out, err = capsys.readouterr()
    return code, out, err


def draft(tmp_path: Path, text: str) -> str:
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_pitchy_email_names_each_problem_with_quote_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run([draft(tmp_path, PITCHY), "--attach", "resume.pdf"], capsys)
    assert code == 0
    assert "Verdict: redirect" in out
    for signal, quote in [
        ("resume_attached", "attached my resume"),
        ("job_pitch", "interested in working for"),
        ("open_ended_time_ask", "set up some time"),
        ("repeated_contact", "left you a couple voicemails"),
        ("name_drop", "know Mark and Amy in Accounting"),
    ]:
        assert signal_words(signal) in out and signal not in out  # plain words, never the id
        assert f"\u201c{quote}" in out or quote in out
    assert ">>>interested in working for<<<" in out
    assert out.count("fix:") >= 5
    assert "Three things to fix first:" in out


def test_good_request_says_so_and_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([draft(tmp_path, GOOD)], capsys)
    assert code == 0
    assert "Verdict: accept" in out
    assert "a short, named time ask" in out and "15 minutes" in out
    assert "Problems:" not in out
    assert "What works:" in out


def test_json_is_stable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([draft(tmp_path, PITCHY), "--json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"stage", "words", "signals", "topic", "verdict", "tips"}
    assert data["stage"] == "outreach" and data["topic"] is None
    assert data["verdict"]["reply"] == "redirect" and data["verdict"]["reasons"]
    assert 1 <= len(data["tips"]) <= 3
    signal = data["signals"][0]
    assert set(signal) == {
        "id",
        "polarity",
        "criterion",
        "quote",
        "start",
        "end",
        "source",
        "confidence",
        "weighed",
        "part",
    }
    assert PITCHY[signal["start"] : signal["end"]] == signal["quote"]


def test_meeting_line_has_a_topic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["--stage", "meeting", "--json", draft(tmp_path, "How did you get into HR?")], capsys
    )
    assert code == 0 and json.loads(out)["topic"] == "career_path"


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Are you hiring?")))
    code, out, _ = run(["-", "--json"], capsys)
    assert code == 0 and json.loads(out)["verdict"]["reply"] == "redirect"


@pytest.mark.parametrize(
    ("content", "message"),
    [("   \n", "empty"), ("x" * 10_001, "limit is 10000"), (b"\xff\xfe\x00bad", "not UTF-8")],
)
def test_bad_input_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, message: str
) -> None:
    path = tmp_path / "draft.txt"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    code, out, err = run([str(path)], capsys)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_missing_file_and_unknown_persona(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run([str(tmp_path / "nope.txt")], capsys)
    assert code == 2 and "cannot read" in err
    code, _, err = run([draft(tmp_path, GOOD), "--persona", "nobody"], capsys)
    assert code == 2 and "nobody" in err


def test_a_quote_from_a_hard_wrapped_draft_stays_on_one_line_of_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrapped = (
        "Hi Noor,\n\nI'm moving from operations into HR. I heard you on the pay\n"
        "transparency panel last month, and your point about publishing ranges stayed\n"
        "with me.\n\n"
        "Could I have 15 minutes by phone in the next few weeks?\n\nThank you,\nSam\n"
    )
    code, out, _ = run([draft(tmp_path, wrapped)], capsys)
    assert code == 0
    report = out.split("What works:", 1)[1]
    quoted = [line for line in report.splitlines() if "heard you on the pay" in line]
    # The quote runs on across the draft's line break, on one line of the report.
    assert quoted and "heard you on the pay transparency panel" in quoted[0]


def test_the_plain_report_fits_an_80_column_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Hi Dr. Okoye,\n\nI heard your talk at the regional nursing forum on night-shift "
        "handovers, and your point about handover checklists stayed with me. I'm a ward nurse "
        "moving toward clinical education. Could I have 15 minutes by phone in the next few "
        "weeks?\n\nI should mention I'm on four weeks' notice at my hospital, so timing "
        "wouldn't be a problem.\n\nThank you,\nAda\n"
    )
    code, out, _ = run([draft(tmp_path, text), "--subject", "Ward nurse - available now"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    # quotes are never split across lines by the wrapping
    assert any(
        "\u201cheard your talk at the regional nursing forum on night-shift" in line
        and "handovers\u201d" in line
        for line in lines
    )
