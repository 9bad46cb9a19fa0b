"""A real headless Chromium (Debian's package) driven through Debian's chromium-driver.

No browser is downloaded: Selenium is pointed at /usr/bin/chromium and
/usr/bin/chromedriver. The app draws on a canvas, so "what the page shows" is read from
what the page received: the websocket frames Chromium logs (its DevTools performance
log), with the terminal's escape sequences removed.
"""

from __future__ import annotations

import base64
import json
import re
import time
from typing import Any

from headless_chromium import FLAGS, find_browser, find_driver

CHROMIUM = find_browser() or "/usr/bin/chromium"
DRIVER = find_driver() or "/usr/bin/chromedriver"
WINDOW = "--window-size=1200,800"
_ESCAPES = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b."
)


def available() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    if not (find_browser() and find_driver()):
        return "no Chromium/chromium-driver (run .ci/setup-classroom.sh)"
    return None


class Browser:
    """One headless Chromium; ``text()`` is everything the terminal received so far."""

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in (*FLAGS, WINDOW):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(DRIVER))
        self.received = ""
        self.console: list[dict[str, Any]] = []

    def open(self, url: str) -> None:
        self.text()  # drain what the previous page received
        self.received = ""
        self.driver.get(url)

    def keys(self, *keys: str) -> None:
        from selenium.webdriver.common.by import By

        box = self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        for key in keys:
            box.send_keys(key)
            time.sleep(0.05)

    def _log(self, kind: str) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = self.driver.get_log(kind)  # type: ignore[no-untyped-call]
        return entries

    def text(self) -> str:
        frames = []
        for entry in self._log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.webSocketFrameReceived":
                response = message["params"]["response"]
                payload = response["payloadData"]
                frames.append(
                    base64.b64decode(payload) if response["opcode"] == 2 else payload.encode()
                )
        raw = b"".join(frames).decode("utf-8", "replace")
        self.received += _ESCAPES.sub("", raw)
        return self.received

    def wait_for(self, text: str, timeout: float = 120.0) -> str:
        """Wait until ``text`` has been drawn (whitespace-insensitive); the screen so far."""
        wanted = "".join(text.split())
        started = time.monotonic()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if wanted in "".join(self.text().split()):
                print(f"{time.monotonic() - started:5.1f} s  {text[:40]}")
                return self.received
            time.sleep(0.2)
        raise AssertionError(f"never shown: {text!r}\n--- received ---\n{self.received[-3000:]}")

    def console_errors(self) -> list[str]:
        entries = self._log("browser")
        return [
            e["message"]
            for e in entries
            if e["level"] == "SEVERE" and "favicon.ico" not in e["message"]
        ]

    def quit(self) -> None:
        self.driver.quit()
