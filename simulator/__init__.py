"""Interview simulator: rehearse asking a busy professional for an informational interview."""

__version__ = "0.1.0"
__all__ = ["__version__"]
