"""Grading: transcript + scenario -> an explainable report; renderers for it."""

from simulator.grading.grader import grade
from simulator.grading.render import report_markdown, report_text, to_json, transcript_text
from simulator.grading.report import CriterionScore, Finding, Report

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
