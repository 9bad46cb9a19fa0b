"""What start-up imports: `simulator` alone reaches the library without the engine.

The app's first frame shows the library from the listing cache, so neither the
`simulator` console script's own path (settings, the `play` command, the app factory)
nor the home screen may pull in pydantic, YAML, Faker, transitions or the engine.
Each check runs in a fresh interpreter, since one test's imports would hide another's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = (
    "pydantic",
    "yaml",
    "faker",
    "transitions",
    "simulator.content",
    "simulator.conversation",
    "simulator.grading",
    "simulator.reading",
    "simulator.recorder",
)

# `simulator` with no arguments, in a (pretend) terminal, headless: once Home shows the
# library, print whether it did and which heavy modules are loaded, then quit.
OPEN_HOME = """
import io, sys
class Terminal(io.StringIO):
    def isatty(self):
        return True
sys.stdin, sys.stdout = Terminal(), Terminal()
from textual.app import App
_run = App.run
async def look(pilot):
    await pilot.pause()
    screen = pilot.app.screen
    listed = [e.title for e in screen.scenario_entries()]
    heavy = sorted(m for m in sys.modules if m.startswith(HEAVY))
    sys.stderr.write(f"RESULT {bool(listed)} {','.join(heavy) or '-'}\\n")
    pilot.app.exit()
def run(app, *args, **options):
    return _run(app, headless=True, size=(80, 24), auto_pilot=look)
App.run = run
from simulator.cli import main
main([])
"""


def _run(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SIMULATOR_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_opening_the_app_at_home_imports_no_engine(home: Path) -> None:
    warm = _run("from simulator.listing_cache import listing; listing()", home)
    assert warm.returncode == 0, warm.stderr  # as the learner's first start leaves it
    done = _run(f"HEAVY = {HEAVY!r}\n" + OPEN_HOME, home)
    lines = [line for line in done.stderr.splitlines() if line.startswith("RESULT ")]
    assert lines, done.stderr[-3000:]
    _, listed, heavy = lines[0].split(" ")
    assert listed == "True"
    assert heavy == "-", f"start-up imported {heavy}"


def test_the_practice_package_imports_names_on_first_use() -> None:
    code = (
        "import sys\n"
        "from simulator.practice import AppOptions, preview, export, STAGES\n"
        "heavy = ('pydantic', 'simulator.conversation')\n"
        "light = not any(m.startswith(heavy) for m in sys.modules)\n"
        "from simulator.practice import Attempt, preview as again\n"
        "module = sys.modules['simulator.practice.preview']\n"
        "print(light, callable(preview) and again is preview is module.preview,"
        " 'simulator.conversation' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.stdout.split() == ["True", "True", "True"], result.stderr


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text("Hi Rich, could I have 15 minutes by phone next week?", encoding="utf-8")
    return path


def _analyze(
    draft: Path, unwanted: tuple[str, ...], *, prelude: str = "", extra: tuple[str, ...] = ()
) -> str:
    """Code that runs ``simulator analyze DRAFT`` in-process and prints, on stderr, its exit
    code and the loaded modules starting with any of ``unwanted`` ('-' for none)."""
    return (
        "import sys\n"
        f"{prelude}"
        "from simulator.cli import main\n"
        f"code = main(['analyze', {str(draft)!r}, *{extra!r}])\n"
        f"loaded = sorted(m for m in sys.modules if m.startswith({unwanted!r}))\n"
        "print('RESULT', code, ','.join(loaded) or '-', file=sys.stderr)\n"
    )


def _result(done: subprocess.CompletedProcess[str]) -> list[str]:
    """The exit code and the unwanted modules ``_analyze``'s code printed."""
    lines = [line for line in done.stderr.splitlines() if line.startswith("RESULT ")]
    assert lines, done.stderr[-3000:]
    return lines[0].split(" ")[1:]


def test_analyze_loads_only_what_reading_a_draft_needs(home: Path, draft: Path) -> None:
    # Its own command module and the shared helpers are all of simulator.commands it needs.
    unwanted = (
        "simulator.commands.",
        "simulator.grading",
        "simulator.conversation.session",
        "simulator.recorder",
        "transitions",
        "faker",
    )
    done = _run(_analyze(draft, unwanted), home)
    code, loaded = _result(done)
    expected = {"simulator.commands.analyze", "simulator.commands._common"}
    assert code == "0"
    assert loaded == "-" or set(loaded.split(",")) <= expected, loaded
    assert "Verdict:" in done.stdout


def test_analyze_with_its_caches_warm_reads_no_yaml_and_no_pydantic(
    home: Path, draft: Path
) -> None:
    # The persona and the standard lexicon come from their caches: neither YAML, the
    # content package (its models) nor pydantic is imported (a file just written would be
    # validated again: its stamp is trusted here at once, so only a cache miss could).
    unwanted = (
        "yaml",
        "pydantic",
        "simulator.content",
        "simulator.storage",
    )
    trust = "import simulator.filestamp\nsimulator.filestamp.RACY_NS = 0\n"
    code = _analyze(draft, unwanted, prelude=trust)
    first, again = _run(code, home), _run(code, home)
    status, loaded = _result(first)
    assert status == "0" and {"yaml", "pydantic"} <= set(loaded.split(","))  # validates
    assert _result(again) == ["0", "-"]
    assert again.stdout == first.stdout
    # --json too: its stable JSON comes without the grader (which needs the models)
    as_json = _run(_analyze(draft, unwanted, prelude=trust, extra=("--json",)), home)
    assert _result(as_json) == ["0", "-"]
    assert '"verdict"' in as_json.stdout


def test_analyze_refuses_an_edited_persona_cache(home: Path, draft: Path) -> None:
    # A cache edited to make the persona easy to please is not read: the persona file is
    # validated again (pydantic is back), the verdict is the file's, and the cache is
    # rewritten, so the next run is quick again.
    code = _analyze(
        draft,
        ("pydantic",),
        prelude="import simulator.filestamp\nsimulator.filestamp.RACY_NS = 0\n",
    )
    first = _run(code, home)
    assert "Verdict: silence" in first.stdout  # a short note without its bar's points
    (cache,) = (home / "cache" / "personas").glob("hr-manager-review-season-*.json")
    saved = cache.read_text(encoding="utf-8")
    assert '"accept_threshold": 3' in saved
    cache.write_text(saved.replace('"accept_threshold": 3', '"accept_threshold": -10'), "utf-8")
    edited = _run(code, home)
    status, loaded = _result(edited)
    assert status == "0" and "pydantic" in loaded.split(",")
    assert edited.stdout == first.stdout
    assert cache.read_text(encoding="utf-8") == saved
    assert _result(_run(code, home)) == ["0", "-"]
