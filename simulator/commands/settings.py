"""``simulator settings``: show or change what you would otherwise repeat on every command."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "settings"
HELP = "show your settings, or set one: simulator settings KEY VALUE"
ORDER = 90


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", nargs="?", help="a setting to show or change")
    parser.add_argument("value", nargs="?", help="its new value (true/false, a number, a word)")
    parser.add_argument("--json", action="store_true", help="print the settings as JSON")


def _parse_value(raw: str) -> object:
    lowered = raw.strip().lower()
    if lowered in ("true", "yes", "on"):
        return True
    if lowered in ("false", "no", "off"):
        return False
    if lowered.lstrip("-").isdigit():
        return int(lowered)
    return raw.strip()


def run(args: argparse.Namespace) -> int:
    from dataclasses import fields

    from simulator.settings import (
        Settings,
        load_settings,
        settings_path,
        update_setting,
    )
    from simulator.storage import StorageError

    current, warnings = load_settings()
    for warning in warnings:
        print(warning, file=sys.stderr)
    known = [f.name for f in fields(Settings)]
    if args.key is None:
        if args.json:
            print(json.dumps(current.to_dict(), indent=2, sort_keys=True))
        else:
            for name, value in current.to_dict().items():
                print(f"{name:<18} {json.dumps(value)}")
            print(f"(stored in {settings_path()})")
        return 0
    if args.key not in known:
        import difflib

        close = difflib.get_close_matches(args.key, known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f" (known: {', '.join(known)})"
        print(f"simulator settings: no setting '{args.key}'{hint}", file=sys.stderr)
        return 2
    if args.value is None:
        print(json.dumps(current.to_dict()[args.key]))
        return 0
    try:
        updated, problems = update_setting(args.key, _parse_value(args.value))
    except StorageError as exc:
        print(f"simulator settings: {exc}", file=sys.stderr)
        return 1
    if problems:
        print(f"simulator settings: {problems[0].split(': ', 1)[-1]}", file=sys.stderr)
        return 2
    path = settings_path()
    print(f"{args.key} = {json.dumps(updated.to_dict()[args.key])} (saved to {path})")
    return 0
