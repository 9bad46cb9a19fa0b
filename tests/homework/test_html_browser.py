"""The class report in a real headless browser: it renders, the charts are there, and the
page logs nothing to the console (no script ran, nothing was blocked or fetched).

Uses Debian's Chromium (installed by .ci/setup-homework.sh); skipped, with the reason,
where no Chromium is installed.
"""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from headless_chromium import FLAGS, find_browser

from simulator.homework import load_assignment
from simulator.homework.html import class_report_html
from simulator.homework.review import collect_files, review
from simulator.homework.submission import submissions_folder

from .helpers import edit_json, make_assignment, submit

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium installed (run .ci/setup-homework.sh: apt-get install chromium)",
)


def run_browser(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    command = [
        BROWSER,
        *FLAGS,
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *extra,
        page.resolve().as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def png_distinct_bytes(path: Path) -> int:
    """How varied a PNG's pixel data is (a blank page gives only a handful of values)."""
    raw = path.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(raw):
        (length,) = struct.unpack(">I", raw[pos : pos + 4])
        kind = raw[pos + 4 : pos + 8]
        if kind == b"IDAT":
            idat += raw[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat)))


@pytest.fixture
def class_page(tmp_path: Path, scripts: dict[str, Path]) -> Path:
    assignment = make_assignment(tmp_path, "--attempts", "3", "--pass-mark", "70")
    submit(assignment, "Ana Diaz", scripts["pass"])
    submit(assignment, "Ben Ode", scripts["fail"])
    evil = submit(assignment, "Cy Tamper", scripts["fail"])
    edit_json(evil, lambda d: d["report"].update(score=100, verdict="<script>alert(1)</script>"))
    broken = submissions_folder() / "broken.json"
    broken.write_text('{"student": "<img src=x onerror=alert(2)>", ', encoding="utf-8")
    result = review(load_assignment(assignment), collect_files([submissions_folder()]))
    page = tmp_path / "class.html"
    page.write_text(class_report_html(result), encoding="utf-8")
    return page


def test_class_report_renders_in_chromium(class_page: Path, tmp_path: Path) -> None:
    done = run_browser(class_page, tmp_path / "profile-dom", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], console
    assert dom.count("<svg") >= 2  # criterion averages and the score histogram
    assert len(re.findall(r"<rect class=\"bar\"", dom)) >= 5
    assert "<script" not in dom.lower()
    assert "Ana Diaz" in dom and "Ben Ode" in dom and "Cy Tamper" in dom
    assert "score mismatch" in dom and "unreadable" in dom

    shot = tmp_path / "shot.png"
    done = run_browser(
        class_page, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1000,1400"
    )
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    assert png_distinct_bytes(shot) > 50  # text, bars and colours, not a blank page
