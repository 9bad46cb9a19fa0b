"""Fixtures for the app's tests: fixed names, a helper to drive screens, a markup persona."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TextArea

from simulator.content import Bundle, bundle_from_texts
from simulator.storage import Journal

DATA = Path(__file__).parent / "data"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no asyncio plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


NAMES: dict[str, Any] = {
    "persona_name": "Dana Reyes",
    "persona_first": "Dana",
    "company": "Northwind Logistics",
    "learner_name": "Sam Okafor",
    "learner_first": "Sam",
    "colleague": "Priya",
    "colleague2": "Marcus",
    "colleague3": "Lena",
    "other_company": "Bluefield Health",
    "other_company2": "Cedar Partners",
}
"""Generated names, fixed so screens and snapshots do not depend on the Faker version."""

GOOD_SUBJECT = "15 minutes on moving from operations into HR?"
GOOD_BODY = (
    "Hi, I heard you on the pay transparency panel last month and have been thinking "
    "about it since. I'm moving from operations into HR and would love to learn how you "
    "made a similar move. I know review season is busy: could I have 15 minutes by phone "
    "in the next few weeks, whenever suits you? Thank you either way."
)
PITCH_BODY = (
    "Hi, I'm very interested in working for your company. I've attached my resume for "
    "your review and would love to set up some time to chat when you have a moment."
)
THANKS_BODY = (
    "Thank you for the twenty minutes today. Your advice to get close to payroll early "
    "stuck with me, and I will ask my manager about shadowing our payroll lead."
)
MARKUP_LINES = ("closing [/] tag", "[@click=app.quit]hint[/]")


@pytest.fixture(autouse=True)
def no_debounce(monkeypatch: pytest.MonkeyPatch) -> None:
    """Live analysis runs as soon as the text changes: no test waits on a 0.3 s timer."""
    import simulator.tui.app as app_module

    monkeypatch.setattr(app_module, "DEBOUNCE", 0.0)


_VALIDATED: dict[str, bytes] = {}
"""Listings this process validated, by ``listing_key()`` (marshal bytes, copied out)."""


@pytest.fixture(autouse=True)
def library_validated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Home validates the same built-in files once per test process, not once per test.

    Each test has a fresh user folder, so its library listing cache is empty and Home
    validated every built-in scenario and persona again (~0.15 s of CPU, about 60 app
    tests). Validation depends only on what ``listing_key()`` digests (every content file's
    name and bytes, the listing code, the version): for a key seen before, the listing
    that validation gave is handed back, and ``listing()`` writes its cache as before.
    An edited or added file is a new key, validated for real. The listing cache itself
    (cold, warm, tampered) is tested in tests/foundation/test_listing_cache.py, without
    this."""
    import marshal

    import simulator.authoring.load as load
    from simulator.listing_cache import listing_key

    validate = load.checked_listing

    def once_per_process() -> dict[str, Any]:
        key = listing_key()
        if key not in _VALIDATED:
            _VALIDATED[key] = marshal.dumps(validate())
        listing: dict[str, Any] = marshal.loads(_VALIDATED[key])
        return listing

    monkeypatch.setattr(load, "checked_listing", once_per_process)


@pytest.fixture(autouse=True)
def fixed_names(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Every session and briefing in these tests uses NAMES."""
    import simulator.conversation.session as session_module
    import simulator.tui.screens.briefing as briefing_module

    def fixed(*_: object, **__: object) -> dict[str, Any]:
        return dict(NAMES)

    monkeypatch.setattr(session_module, "generate", fixed)
    monkeypatch.setattr(briefing_module, "generate", fixed)
    return NAMES


@pytest.fixture
def markup_bundle() -> Bundle:
    """A meeting-only scenario whose persona says the two markup strings."""
    return bundle_from_texts(
        (DATA / "markup-scenario.yaml").read_text(encoding="utf-8"),
        (DATA / "markup-persona.yaml").read_text(encoding="utf-8"),
    )


def journal_turns(home: Path) -> list[dict[str, Any]]:
    """Every turn in every journal under the test's user folder, in order."""
    turns: list[dict[str, Any]] = []
    for path in sorted((home / "journals").glob("*.jsonl")):
        turns += Journal.read(path).turns
    return turns


def screen_text(app: Any) -> str:
    """Everything the current screen shows, as plain text (rendered, not the DOM)."""
    from textual.widgets import RichLog

    parts: list[str] = []
    for widget in app.screen.query("*"):
        if isinstance(widget, RichLog):
            parts.append(getattr(widget, "plain", ""))
            continue
        render = getattr(widget, "render", None)
        if widget.display and render is not None and widget.__class__.__name__ in SHOWN:
            rendered = render()
            parts.append(getattr(rendered, "plain", str(rendered)))
    return "\n".join(parts)


SHOWN = {
    "Static",
    "Label",
    "PersonaCard",
    "CoachingHints",
    "FindingCard",
    "HighlightedDraft",
    "LengthCounter",
    "MeetingClock",
    "PatienceMeter",
    "RapportMeter",
    "CriterionBar",
    "AssignmentBanner",
}


async def workers_done(app: Any) -> None:
    """Wait for every worker to end. A worker replaced by a newer one of its exclusive
    group (a second pause in typing under load) ends cancelled, which is not a failure;
    an error in a worker still is."""
    import contextlib

    from textual.worker import WorkerCancelled

    for worker in list(app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()


async def settle(pilot: Any) -> None:
    """Let workers finish and the screen repaint."""
    await pilot.pause()
    await workers_done(pilot.app)
    await pilot.pause()


def no_blink(app: Any) -> None:
    """Cursors drawn steadily, so a screenshot never catches one mid-blink."""
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
        if isinstance(widget, TextArea):
            # Textual 8.2.8's TextArea caches rendered lines without the focus or blink
            # state in the key: a line drawn in the blink's "off" phase would keep its
            # cursor-less look. Drop the cache so the steady cursor is drawn.
            widget._line_cache.clear()
            widget.refresh()
