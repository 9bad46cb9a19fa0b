#!/usr/bin/env bash
# The app's real-terminal tests (tests/tui/test_terminal.py) run the simulator inside
# tmux: type an email, read the reply off the pane, close it with SIGTERM/SIGHUP and check
# the terminal was restored. Installs tmux when it is missing; does nothing otherwise.
# Without tmux those tests are skipped with a reason.
set -euo pipefail
if command -v tmux >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-tui: no apt-get here; the tmux tests of the app will be skipped" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y tmux
