#!/usr/bin/env bash
# Classroom: the browser tests (tests/classroom/test_browser.py) drive Debian's headless
# Chromium through Debian's chromium-driver with Selenium; no browser is downloaded.
# Without them those tests are skipped with the reason. Safe to run again.
set -euo pipefail
here="$(dirname "$0")"
bash "$here/lib/ensure-apt.sh" chromium chromium "the classroom browser tests"
bash "$here/lib/ensure-apt.sh" chromedriver chromium-driver "the classroom browser tests"
