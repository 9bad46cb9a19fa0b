#!/usr/bin/env bash
# ensure-apt.sh COMMAND PACKAGE WHY: install Debian's PACKAGE when COMMAND is missing.
# Shared by the .ci/setup-*.sh scripts; prints why it is skipping where apt-get is absent.
set -euo pipefail
command_name=$1 package=$2 why=$3
if command -v "$command_name" >/dev/null 2>&1 || [ -x "/usr/bin/$command_name" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: no apt-get here; $why will be skipped" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y "$package"
