"""Homework errors, without a UI: one exception type, and pydantic errors in one line."""

from __future__ import annotations

from pydantic import ValidationError


class HomeworkError(Exception):
    """An assignment or submission cannot be used; the message says what and where."""


def describe_validation(exc: ValidationError) -> str:
    """The first problem of a validation error as ``field.path: message`` (plus a count)."""
    errors = exc.errors(include_url=False)
    if not errors:
        return "invalid"
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    message = str(first["msg"])
    message = message[0].lower() + message[1:] if message else message
    more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    return f"{where[:120]}: {message[:200]}{more}"
