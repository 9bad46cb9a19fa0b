"""``simulator serve`` and ``simulator classroom`` as a coach starts them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from simulator.classroom.runner import is_loopback_host, tab_command
from simulator.cli import build_parser

from .helpers import ClassProcess, make_assignment, request

NO_TABS = "--no-warm-tabs"
"""For servers no tab is opened on (pages and submissions only): without the warm tab
starter, which imports the app ahead of the first tab, each starts on ~0.8 s less CPU."""


def _serve(*args: str, wait_for: str = "Press Ctrl+C") -> tuple[str, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulator", "serve", "--port", "0", NO_TABS, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out = []
    assert proc.stdout is not None and proc.stderr is not None
    for line in proc.stdout:
        out.append(line)
        if wait_for in line:
            break
    proc.terminate()
    proc.wait(15)
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    return "".join(out), err


def test_serve_binds_loopback_and_prints_the_link_and_a_qr_code(tmp_path: Path) -> None:
    out, err = _serve("--dir", str(tmp_path / "serve"))
    assert "Open in a browser: http://127.0.0.1:" in out and "/play/" in out
    assert "\u2588" in out or "\u2580" in out  # the QR code, in block characters
    assert "WARNING" not in err


def test_another_address_needs_the_flag_and_prints_a_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from simulator.commands.serve import check_host

    parser = build_parser()
    assert parser.parse_args(["classroom", "a.json"]).host == "127.0.0.1"
    assert parser.parse_args(["serve"]).host == "127.0.0.1"
    assert is_loopback_host("127.0.0.1") and is_loopback_host("::1")
    assert not is_loopback_host("0.0.0.0") and not is_loopback_host("192.168.1.4")
    assert check_host(parser.parse_args(["serve"]), "serve")
    assert "WARNING" not in capsys.readouterr().err
    assert check_host(parser.parse_args(["serve", "--host", "0.0.0.0"]), "serve")
    assert "WARNING: listening on 0.0.0.0" in capsys.readouterr().err
    assert not check_host(parser.parse_args(["serve", "--port", "70000"]), "serve")


def test_the_tab_command_holds_no_request_data() -> None:
    command = tab_command()
    assert command.endswith("-m simulator.tui.web_tab") and "{" not in command


def test_classroom_prints_both_links_with_different_tokens(tmp_path: Path) -> None:
    assignment = make_assignment(tmp_path)
    server = ClassProcess(assignment, tmp_path / "class", NO_TABS).start()
    try:
        learners, dashboard = server.learners, server.dashboard
        assert learners.split("/play/")[1] != dashboard.split("/coach/")[1].strip("/")
        assert request(learners)[0] == 200 and request(dashboard)[0] == 200
        # The learners' token does not open the dashboard, nor the coach's a session.
        assert (
            request(dashboard.replace(dashboard.split("/")[-2], learners.split("/")[-1]))[0] == 403
        )
    finally:
        server.stop()


@pytest.mark.slow
def test_a_terminal_learner_delivers_by_the_assignment_and_gets_a_receipt(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`classroom` writes a copy of the assignment naming its server: learners in their own
    terminal deliver there without any flag; `--submit-to` still overrides it."""
    from simulator.cli import main

    from .helpers import GOOD

    assignment = make_assignment(tmp_path)
    script = tmp_path / "script.yaml"
    script.write_text(
        f"outreach: {{subject: {GOOD.subject!r}, body: {GOOD.body!r}}}\n", encoding="utf-8"
    )
    server = ClassProcess(assignment, tmp_path / "class", NO_TABS).start()
    try:
        given = server.terminal_file
        assert server.submit_url.startswith("http://127.0.0.1:")
        run = ["run", "--assignment", str(given), "--student", "Ana Diaz", "--script", str(script)]
        assert main(run) == 0
        out = capsys.readouterr().out
        receipt = re.search(r"Received by your coach: receipt (rcpt-\S+) at", out)
        assert receipt, out
        assert [row.receipt for row in server_rows(server)] == [receipt.group(1)]

        wrong = server.submit_url.rsplit("/", 1)[0] + "/not-the-token"
        assert main([*run, "--submit-to", wrong]) == 1  # the flag wins over the file
        err = capsys.readouterr().err
        assert "Not received by your coach: this link is not valid" in err
        assert server.state()["submissions"] == 1
    finally:
        server.stop()


def server_rows(server: ClassProcess) -> list[Any]:
    from simulator.classroom.store import ClassStore

    store = ClassStore(server.folder / "class.sqlite3")
    try:
        return list(store.submissions())
    finally:
        store.close()


@pytest.mark.parametrize(
    "url",
    ["ftp://coach.example/submit/x", "javascript:alert(1)", "file:///etc/passwd", "http://", "x"],
)
def test_a_submission_address_must_be_http_or_https(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulator.cli import main

    path = tmp_path / "a.json"
    assert main(["assign", "review-season-cold-email", "-o", str(path), "--submit-to", url]) == 2
    assert "simulator assign: submission address" in capsys.readouterr().err
    assert not path.exists()
    assert main(["assign", "review-season-cold-email", "-o", str(path)]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    capsys.readouterr()
    run = ["run", "--assignment", str(path), "--student", "Ana", "--script", "-"]
    assert main([*run, "--submit-to", url]) == 2  # told before anything is played
    assert "submission address" in capsys.readouterr().err
    data["submit_to"] = url  # a file edited to point elsewhere is refused as a whole
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main([*run]) == 2
    assert "submit_to: submission address" in capsys.readouterr().err


def test_homework_handed_in_later_still_reaches_the_class_server(
    live: tuple[Any, Any],
    assignment_file: Path,
    tmp_path: Path,
    home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The submissions folder could not be written: `submit --last` hands it in later and
    delivers it to the server the assignment names, with a receipt."""
    from simulator.cli import main

    from .conftest import CLASS_TOKEN
    from .helpers import GOOD

    running, store = live
    path = tmp_path / "a.json"
    url = f"{running.url}/submit/{CLASS_TOKEN}"
    data = json.loads(assignment_file.read_text(encoding="utf-8"))  # the class's assignment,
    path.write_text(json.dumps({**data, "submit_to": url}), encoding="utf-8")  # naming it
    script = tmp_path / "script.yaml"
    script.write_text(
        f"outreach: {{subject: {GOOD.subject!r}, body: {GOOD.body!r}}}\n", encoding="utf-8"
    )
    home.mkdir(parents=True, exist_ok=True)
    (home / "submissions").write_text("not a folder")
    capsys.readouterr()
    run = ["run", "--assignment", str(path), "--student", "Ana Diaz", "--script", str(script)]
    assert main(run) == 1
    assert "simulator submit --last" in capsys.readouterr().err
    assert store.submissions() == []  # nothing was written, so nothing was sent
    (home / "submissions").unlink()
    assert main(["submit", "--last"]) == 0
    out = capsys.readouterr().out
    (row,) = store.submissions()
    assert f"Received by your coach: receipt {row.receipt}" in out
