"""Grading: transcript + scenario -> an explainable report; renderers for it.

Each name is imported on first use (``lazy.exports``): ``analyze --json`` writes its
stable JSON (``to_json``) without importing the grader, nor with it the content models
and pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator import lazy

if TYPE_CHECKING:
    from simulator.grading.grader import grade
    from simulator.grading.render import report_markdown, report_text, to_json, transcript_text
    from simulator.grading.report import CriterionScore, Finding, Report

_LAZY = {
    "grade": "simulator.grading.grader",
    "report_markdown": "simulator.grading.render",
    "report_text": "simulator.grading.render",
    "to_json": "simulator.grading.render",
    "transcript_text": "simulator.grading.render",
    "CriterionScore": "simulator.grading.report",
    "Finding": "simulator.grading.report",
    "Report": "simulator.grading.report",
}
"""Where each exported name lives (imported on first use)."""

__all__ = [
    "CriterionScore",
    "Finding",
    "Report",
    "grade",
    "report_markdown",
    "report_text",
    "to_json",
    "transcript_text",
]

__getattr__ = lazy.exports(__name__, _LAZY)
