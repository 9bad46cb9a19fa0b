#!/usr/bin/env bash
# The app's real-terminal tests (tests/tui/test_terminal.py) run the simulator inside
# tmux: type an email, read the reply off the pane, close it with SIGTERM/SIGHUP and check
# the terminal was restored. Without tmux those tests are skipped with a reason.
set -euo pipefail
bash "$(dirname "$0")/lib/ensure-apt.sh" tmux tmux "the tmux tests of the app"
