"""The one place the tests' headless Chromium is found and configured.

Both browser checks (the class server in tests/classroom, the report and feedback pages
in tests/homework) use Debian's Chromium as installed, never a downloaded browser, with
the same flags: headless, no sandbox (tests run as root in CI), and nothing that reaches
out to the network on its own (updates, sync, extensions, first-run pages).
"""

from __future__ import annotations

import shutil

FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
)
"""Every headless Chromium the tests start gets these."""
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium")


def find_browser() -> str | None:
    """The system's Chromium, or None when none is installed."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def find_driver() -> str | None:
    """Debian's chromium-driver (for Selenium), or None."""
    return shutil.which("chromedriver")
