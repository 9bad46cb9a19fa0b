"""Package names imported on first use (PEP 562), for packages that must stay cheap to
import: ``simulator.practice`` (the app's start-up) and ``simulator.conversation``
(``analyze`` reads a draft without the session or the stage machine).

A package assigns ``__getattr__ = lazy.exports(__name__, {name: module, ...})``; the
first use of a name imports its module and keeps the value in the package, so later
uses are plain attribute reads.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def exports(package: str, table: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that imports each name of ``table`` (name
    -> module holding it) on first use and keeps it; any other name is an AttributeError."""

    def __getattr__(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
