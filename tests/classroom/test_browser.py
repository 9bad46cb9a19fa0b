"""A class in a real browser: a learner plays and submits, the coach's dashboard shows it.

Headless Chromium from Debian's packages (.ci/setup-classroom.sh), driven by Selenium
through chromium-driver; skipped, with the reason, where they are not installed.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from simulator.classroom.store import ClassStore

from .browser import Browser, available
from .helpers import ClassProcess, make_assignment

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(available() is not None, reason=str(available())),
]
SUBJECT = "15 minutes on moving into HR?"
BODY = (
    "Hi, I know review season is busy. I am moving from operations into HR; could I have "
    "15 minutes by phone in the next few weeks, whenever suits you? Thank you either way."
)


@pytest.fixture
def browser() -> Iterator[Browser]:
    chromium = Browser()
    try:
        yield chromium
    finally:
        chromium.quit()


def _start(browser: Browser, url: str, name: str) -> None:
    browser.open(url)
    browser.wait_for("Your name, as your coach knows it")
    browser.keys(name, "\ue007")  # Enter


def _send_outreach(browser: Browser) -> None:
    browser.wait_for("Write your email to")
    browser.keys(SUBJECT, "\ue004", BODY)  # Tab to the body
    # The length counter has counted the whole body: the app has read every key typed.
    counted = re.compile(rf"(?:{len(BODY.split())}/\d+words|{len(BODY)}/\d+chars)")
    _until(
        lambda: bool(counted.search("".join(browser.text().split()))),
        "the body was typed",
        lambda: browser.received[-3000:],
    )
    browser.keys("\ue032")  # F2: send (asks first)
    browser.wait_for("Keep editing")  # the confirmation is up: "y" answers it
    browser.keys("y")


def _until(
    check: Callable[[], bool],
    what: str,
    shown: Callable[[], str] = lambda: "",
    timeout: float = 120.0,
) -> None:
    """Poll ``check`` until it holds; fail saying ``what`` never happened (and ``shown()``)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"never happened: {what}\n{shown()}"
        time.sleep(0.2)


def test_a_learner_plays_and_submits_and_the_dashboard_shows_the_row(
    tmp_path: Path, browser: Browser
) -> None:
    assignment = make_assignment(tmp_path)
    folder = tmp_path / "class"
    server = ClassProcess(assignment, folder).start()
    try:
        _start(browser, server.learners, "Ana Browser")
        _send_outreach(browser)
        screen = browser.wait_for("Received by your coach: receipt rcpt-")
        store = ClassStore(folder / "class.sqlite3")
        (row,) = store.submissions()
        store.close()
        transcript = json.loads(row.body)["transcript"]
        reply = next(t["text"] for t in transcript["turns"] if t["who"] == "persona")
        # The persona's reply, as the engine recorded it, is what the page drew.
        assert "".join(reply.split()[:8]) in "".join(screen.split())
        assert row.receipt in "".join(screen.split())
        assert browser.console_errors() == []
        # Presence is reported by a worker thread, just after the receipt.
        _until(
            lambda: [s["stage"] for s in server.state()["students"]] == ["finished"],
            "the dashboard's state says the learner finished",
        )
        (live,) = server.state()["students"]
        assert live["playing"] and live["stage"] == "finished"  # the tab is still open

        browser.open(server.dashboard)
        deadline = time.monotonic() + 120
        cells: list[str] = []
        while time.monotonic() < deadline and "Ana Browser" not in cells:
            from selenium.webdriver.common.by import By

            cells = [c.text for c in browser.driver.find_elements(By.CSS_SELECTOR, "#class td")]
            time.sleep(0.3)
        assert cells[0] == "Ana Browser" and cells[2] == "completed"
        # The tab was left for the dashboard; its "left" may not have arrived yet.
        assert cells[1] in ("", "playing (finished)")
        assert cells[3] == str(row.score) and cells[4] == "1"
        assert browser.console_errors() == []  # nothing blocked by the dashboard's CSP

        from selenium.webdriver.common.by import By

        # One click opens the student's feedback page (in a new tab).
        browser.driver.find_element(By.LINK_TEXT, "open").click()
        deadline = time.monotonic() + 120
        while len(browser.driver.window_handles) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        browser.driver.switch_to.window(browser.driver.window_handles[-1])
        deadline = time.monotonic() + 120
        while "Ana Browser" not in browser.driver.page_source and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "Ana Browser" in browser.driver.title + browser.driver.page_source
        assert reply.split()[0] in browser.driver.page_source
    finally:
        server.stop()


def test_a_tab_closed_mid_meeting_reopens_where_it_stopped(
    tmp_path: Path, browser: Browser
) -> None:
    assignment = make_assignment(tmp_path, "review-season-cold-email")
    folder = tmp_path / "class"
    server = ClassProcess(assignment, folder).start()
    try:
        _start(browser, server.learners, "Bea Resume")
        _send_outreach(browser)
        browser.wait_for("join the meeting")
        browser.keys("\ue007")
        browser.wait_for("Say something, then press Enter")
        question = "How did you get started in HR after operations?"
        browser.keys(question, "\ue007")
        journals = folder / "home" / "journals"
        _until(
            lambda: any(question in p.read_text("utf-8") for p in journals.glob("*.jsonl")),
            "the question reached the journal",
        )
        browser.open("about:blank")  # the tab is closed: its app process is told to quit
        _until(lambda: not server.state()["students"], "the closed tab's app said it left")
        _start(browser, server.learners, "bea resume")  # the same learner, typed loosely
        screen = browser.wait_for("How did you get started in HR after operations?")
        assert "Say something, then press Enter" in screen  # still in the meeting
        assert len(list(journals.glob("*.jsonl"))) == 1  # resumed, not started again
    finally:
        server.stop()
