"""Sub-commands of ``simulator``: one module each, discovered by ``simulator.cli``."""

__all__: list[str] = []
