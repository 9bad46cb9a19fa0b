"""``python -m simulator``: the same as the ``simulator`` command."""

from simulator.cli import entry

entry()
