"""Exporting a report, without a UI: a registry of formats, each a name, suffix and renderer.

The app's export dialog, and any other client, list ``FORMATS`` and call ``export``;
adding a format is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the grader is imported when a report is written, not with the package
    from pathlib import Path

    from simulator.core.transcript import Transcript
    from simulator.grading import Report

Renderer = Callable[["Report", "Transcript | None"], str]


@dataclass(frozen=True)
class ExportFormat:
    """One way to write a report to a file."""

    name: str
    suffix: str
    render: Renderer


def _markdown(report: Report, transcript: Transcript | None) -> str:
    from simulator.grading import report_markdown

    return report_markdown(report, transcript)


def _json(report: Report, transcript: Transcript | None) -> str:
    from simulator.grading import to_json

    data: dict[str, object] = {"report": report.to_dict()}
    if transcript is not None:
        data["transcript"] = transcript.to_dict()
    return to_json(data) + "\n"


def _html(report: Report, transcript: Transcript | None) -> str:
    from simulator.grading.html import report_html

    return str(report_html(report, transcript))


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("Markdown", ".md", _markdown),
        ExportFormat("JSON", ".json", _json),
        ExportFormat("HTML", ".html", _html),
    )
}


def render_export(fmt: str, report: Report, transcript: Transcript | None) -> str:
    """The file's text in format ``fmt`` (a ``FORMATS`` name); ValueError for another."""
    try:
        chosen = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"no export format '{fmt}'; choose {', '.join(FORMATS)}") from None
    return chosen.render(report, transcript)


def export(path: Path, fmt: str, report: Report, transcript: Transcript | None) -> Path:
    """Write the export atomically; raises StorageError or ValueError with a one-line reason."""
    from simulator.storage import atomic_write

    return atomic_write(path, render_export(fmt, report, transcript))
