"""The command line: thin. Each sub-command is a module in ``simulator/commands/``.

A command module defines ``NAME``, ``HELP``, ``ORDER``, ``add_arguments(parser)`` and
``run(args) -> int``, and imports anything heavy inside ``run`` so that
``simulator --help`` stays fast and never imports Textual.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # argparse is imported only when there is a command line to parse
    import argparse

from simulator import __version__

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _command_names() -> list[str]:
    """Command module names, read from the package folder (``pkgutil.iter_modules`` would
    import ``inspect`` and friends, a tenth of ``--help``'s start-up)."""
    import simulator.commands as package

    names = set()
    for folder in package.__path__:
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                stem, dot, suffix = entry.name.partition(".")
                if suffix == "py" and dot and stem.isidentifier() and not stem.startswith("_"):
                    names.add(stem)
    return sorted(names)


def _command_modules(names: Sequence[str] | None = None) -> list[ModuleType]:
    chosen = _command_names() if names is None else names
    modules = [importlib.import_module(f"simulator.commands.{name}") for name in chosen]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 100), m.NAME))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full argument parser (one sub-parser per command module); ``only``: with just
    that command's sub-parser (what running it needs: its usage, help and errors read
    the same, and the other command modules are not imported)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="simulator",
        description=(
            "Rehearse asking a busy professional for an informational interview. "
            "With no command, opens the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"simulator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules(None if only is None else [only]):
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``simulator`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # `simulator` alone opens the app: no need to build every command's parser first
    # (importing each command module is a tenth of the app's start-up).
    only = argv[0] if argv and argv[0] in _command_names() else None
    args = build_parser(only).parse_args(argv) if argv else None
    runner = getattr(args, "_run", None)
    streams = sys.stdout, sys.stderr
    try:
        if runner is None:
            from simulator.commands.play import open_default

            return open_default()
        # Every command may print learner, author, assignment or submission text (plain
        # play and homework too): keep it inert. The app draws through sys.__stderr__,
        # which is left alone, and renders its own text through simulator.tui.literal.
        from simulator.textsafe import SafeWriter

        sys.stdout = SafeWriter(sys.stdout)
        sys.stderr = SafeWriter(sys.stderr, allow="\r")
        return int(runner(args))
    except KeyboardInterrupt:
        print("\nInterrupted. Every finished turn was kept.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    finally:
        sys.stdout, sys.stderr = streams


def entry() -> None:
    """``python -m simulator``."""
    raise SystemExit(main())
