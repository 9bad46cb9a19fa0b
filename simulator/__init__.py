"""Interview simulator: rehearse asking a busy professional for an informational interview."""

__version__ = "0.1.0"
"""The simulator's version: the only place it is written (pyproject.toml reads it)."""
__all__ = ["__version__"]
