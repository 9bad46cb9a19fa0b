#!/usr/bin/env bash
# Homework review: the HTML class report is checked in a real headless browser
# (tests/homework/test_html_browser.py). Without Chromium that one test is skipped.
set -euo pipefail
bash "$(dirname "$0")/lib/ensure-apt.sh" chromium chromium "the browser check of the HTML report"
