"""Plain mode takes a whole email, blank lines and all, and says what it took.

A message ends at a line holding only "." or at the end of a piped file; it used to end at
the first blank line, so "Hi Ryan," was sent alone and the rest answered later prompts.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from cli_in_process import simulator

EMAIL = (
    "Hi Ryan,\n"
    "\n"
    "I heard you on the pay transparency panel last month. I'm moving from operations\n"
    "into HR and would love to learn how you made a similar move.\n"
    "\n"
    "I know review season is busy: could I have 15 minutes by phone in the next few\n"
    "weeks, whenever suits you?\n"
    "\n"
    "Thank you either way,\n"
    "Sam"
)


def play(stdin: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``simulator play --plain`` in-process, its input piped in as text, in ``home``."""
    saved = os.environ["SIMULATOR_HOME"]
    os.environ["SIMULATOR_HOME"] = str(home)
    try:
        return simulator("play", "--plain", "review-season-cold-email", stdin=stdin)
    finally:
        os.environ["SIMULATOR_HOME"] = saved


def sent(home: Path) -> list[dict]:
    [journal] = (home / "journals").glob("*.jsonl")
    records = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    return [r for r in records if r.get("type") == "turn" and r.get("who") == "learner"]


def test_a_multi_paragraph_email_goes_through_whole(tmp_path: Path) -> None:
    script = tmp_path / "session.txt"  # a whole script file, piped in
    script.write_text(
        f"15 minutes on moving into HR?\n{EMAIL}\n.\n\nHow did you get into HR?\n/leave\nn\n",
        encoding="utf-8",
    )
    with script.open(encoding="utf-8") as handle:
        result = play(handle.read(), tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert "end with a line holding only '.'" in result.stdout
    assert "Taken: 55 words in 4 paragraphs:" in result.stdout
    assert "  > Thank you either way," in result.stdout
    turns = sent(tmp_path / "home")
    assert (
        turns[0]["text"] == EMAIL and turns[0]["data"]["subject"] == "15 minutes on moving into HR?"
    )
    assert turns[1]["text"] == "How did you get into HR?"  # the next answer went to the next prompt
    assert "The meeting starts" in result.stdout


def test_the_end_of_a_pipe_ends_the_message(tmp_path: Path) -> None:
    result = play(f"15 minutes on moving into HR?\n{EMAIL}\n", tmp_path / "home")
    assert result.returncode == 0, result.stderr
    taken = result.stdout.split("Taken: 55 words in 4 paragraphs:\n", 1)[1]
    assert taken.startswith("  > Hi Ryan,\n  >\n  > I heard you") and "  > Sam\n" in taken
    assert "Input ended" in result.stdout  # at the next question, not inside the email
