"""Durability at the edges: concurrent writers, sessions open twice, special files, bad homes.

Each case is played with real processes where the problem is between processes.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hang_guard import fails_instead_of_hanging

from simulator.cli import main
from simulator.settings import load_settings

CHANGES = {"default_seed": "7", "hints": "false", "theme": "light", "default_scenario": "abc"}


def _at_once(home: Path, argvs: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Run ``simulator`` commands in parallel processes that all start at the same instant."""
    start = time.time() + 1.5  # after every interpreter has imported the simulator
    code = (
        "import sys, time\n"
        "from simulator.cli import main\n"
        "start = float(sys.argv[1])\n"
        "time.sleep(max(0.0, start - time.time()))\n"
        "raise SystemExit(main(sys.argv[2:]))\n"
    )
    env = {**os.environ, "SIMULATOR_HOME": str(home)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(start), *argv],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for argv in argvs
    ]
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


@pytest.mark.parametrize("trial", range(3))
def test_concurrent_settings_changes_all_land(home: Path, trial: int) -> None:
    runs = _at_once(home, [["settings", key, value] for key, value in CHANGES.items()])
    assert [r.returncode for r in runs] == [0] * len(CHANGES), [r.stderr for r in runs]
    saved = json.loads((home / "settings.json").read_text(encoding="utf-8"))
    assert {k: json.dumps(saved[k]).strip('"') for k in CHANGES} == CHANGES
    assert load_settings()[1] == []


def _journal_with_one_turn(home: Path) -> Path:
    from simulator.content import Library
    from simulator.conversation import Say
    from simulator.recorder import Recorder

    recorder = Recorder(Library().load("review-season-meeting"), 1)
    session = recorder.start()
    session.send(Say("Thank you for making the time. How did you get started in HR?"))
    recorder.close()
    [path] = (home / "journals").glob("*.jsonl")
    return path


def _simulator(home: Path, *args: str, **options: object) -> subprocess.Popen[str]:
    env = {**os.environ, "SIMULATOR_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "simulator", *args],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **options,  # type: ignore[call-overload]
    )


def _wait_for_line(proc: subprocess.Popen[str], wanted: str) -> None:
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    for line in proc.stdout:
        if wanted in line:
            return
        assert time.monotonic() < deadline
    raise AssertionError(f"the first resume never printed {wanted!r}")


@pytest.mark.parametrize("ending", ["exits", "is killed"])
def test_a_second_resume_of_one_session_is_refused(home: Path, ending: str) -> None:
    journal = _journal_with_one_turn(home)
    first = _simulator(home, "resume", journal.stem, "--plain", stdin=subprocess.PIPE)
    try:
        _wait_for_line(first, "Where you left off")
        second = _simulator(home, "resume", "--last", "--plain", stdin=subprocess.DEVNULL)
        out, err = second.communicate(timeout=60)
        assert second.returncode != 0
        lines = err.strip().splitlines()
        assert lines == [
            f"cannot resume: session {journal.stem} is already open in another simulator; "
            "finish or close it there first"
        ]
        before = journal.read_bytes()
        assert before.count(b'"type": "resumed"') == 1  # only the first one got in
    finally:
        if ending == "exits":
            first.communicate(input="", timeout=60)  # end of input: it stops and unlocks
        else:
            first.kill()
            first.communicate(timeout=60)
    third = _simulator(home, "resume", journal.stem, "--plain", stdin=subprocess.DEVNULL)
    out, err = third.communicate(timeout=60)
    assert "already open" not in err and "Where you left off" in out


NOT_REGULAR = "not a regular file (a FIFO, device or socket is never opened)"
FIFO_CASES = {
    # command line (FIFO stands for a FIFO passed as an argument) -> the FIFOs made in home
    "resume": ["resume"],
    "resume --last": ["resume", "--last"],
    "history": ["history"],
    "submissions": ["submissions"],
    "settings": ["settings"],
    "list": ["list"],
    "validate FIFO": ["validate", "FIFO.yaml"],
    "validate folder": ["validate", "HOME/scenarios"],
    "check FIFO": ["check", "FIFO.yaml"],
    "graph FIFO": ["graph", "FIFO.yaml"],
    "run FIFO": ["run", "FIFO.yaml", "--script", "SCRIPT"],
    "run --script FIFO": ["run", "review-season-cold-email", "--script", "FIFO.yaml"],
    "play --plain FIFO": ["play", "--plain", "FIFO.yaml"],
    "play --assignment FIFO": ["play", "--plain", "--assignment", "FIFO.json", "--student", "A"],
    "run --assignment FIFO": [
        "run",
        "--assignment",
        "FIFO.json",
        "--student",
        "A",
        "--script",
        "SCRIPT",
    ],
    "review FIFO": ["review", "FIFO.json", "HOME"],
    "analyze FIFO": ["analyze", "FIFO.txt"],
    "new --from FIFO": ["new", "scenario", "copy-x", "--from", "FIFO.yaml", "-o", "HOME/out"],
}


IN_HOME = [
    "journals/x.jsonl",
    "attempts/x.json",
    "submissions/x.json",
    "submissions/asg-1/y.json",
    "scenarios/x.yaml",
    "personas/p.yaml",
    "settings.json",
]


@pytest.mark.parametrize("case", list(FIFO_CASES))
def test_a_fifo_never_hangs_a_command(
    home: Path,
    tmp_path: Path,
    case: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # In-process (the CLI's own main(); a crash fails the test with its traceback): what
    # is tested is that no command opens a FIFO, not a process boundary.
    for name in IN_HOME:
        (home / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(home / name)
    fifos = tmp_path / "fifos"
    fifos.mkdir()
    for suffix in (".yaml", ".json", ".txt"):
        os.mkfifo(fifos / f"in{suffix}")
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"outreach": {"subject": "Hi", "body": "15 minutes?"}}))
    argv = [
        a.replace("FIFO", str(fifos / "in"))
        .replace("HOME", str(home))
        .replace("SCRIPT", str(script))
        for a in FIFO_CASES[case]
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO())  # as from /dev/null
    with fails_instead_of_hanging(30):  # a FIFO opened for reading would block forever
        main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert NOT_REGULAR in err + out, err
    for name in IN_HOME:  # nothing was replaced, removed or written through
        assert (home / name).is_fifo() or name.startswith("journals")


def test_new_with_an_unusable_home(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # In-process: a crash would fail the test with its traceback.
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_text("a file where the data folder should be", encoding="utf-8")
    assert main(["new", "scenario", "my-own"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"simulator new: cannot write {home}/scenarios/my-own.yaml: Not a directory"
    ]
    out = tmp_path / "mine"
    assert main(["new", "scenario", "my-own", "-o", str(out)]) == 0, capsys.readouterr().err
    assert (out / "my-own.yaml").is_file()
    # the scaffold's placeholders may still need filling in
    assert main(["validate", str(out / "my-own.yaml")]) in (0, 1)
    assert home.read_text(encoding="utf-8").startswith("a file")


def test_analyze_reads_one_character_past_its_limit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Endless(io.RawIOBase):
        """A stdin that never ends; counts what was read from it."""

        taken = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"x" * len(buffer)
            Endless.taken += len(buffer)
            return len(buffer)

    stdin = io.TextIOWrapper(io.BufferedReader(Endless()))  # type: ignore[type-var]
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["analyze", "-"]) == 2
    assert "more than 10000 characters; the limit is 10000" in capsys.readouterr().err
    assert Endless.taken < 100_000  # a few buffers, not the whole (endless) input


def test_empty_and_unresumable_journals_are_moved_aside(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = _journal_with_one_turn(home)
    folder = journal.parent
    (folder / "99999999T999999-empty-000000.jsonl").write_bytes(b"")  # sorts last
    broken = folder / "99999999T999998-cold-111111.jsonl"
    header = json.loads(journal.read_text(encoding="utf-8").splitlines()[0])
    header["scenario_text"] = "id: [broken"
    broken.write_text(json.dumps(header) + "\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO())  # as from /dev/null
    assert main(["resume", "--last", "--plain"]) == 0
    first = capsys.readouterr()
    notes = first.err.splitlines()
    assert notes[0].startswith("note: moved 99999999T999999-empty-000000.jsonl to ")
    assert notes[0].endswith("not a session journal (no header line)")
    assert notes[1].startswith(f"note: moved {broken.name} to {folder / 'broken'}")
    assert "embedded content no longer loads" in notes[1]
    assert len(notes) == 2
    assert f"Session {journal.stem}" in first.out  # --last went on to the good one
    assert sorted(p.name for p in (folder / "broken").iterdir()) == [
        broken.name,
        "99999999T999999-empty-000000.jsonl",
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    main(["resume", "--last", "--plain"])
    second = capsys.readouterr()
    assert second.err == "" and f"Session {journal.stem}" in second.out
