"""The review outputs the dashboard serves, without a UI: one adapter over ``simulator.homework``.

The dashboard's downloads and feedback pages are whatever ``simulator review`` writes for
the same ``ClassReview``; this module is the one place that chooses which function does
it, so a change in the homework package is a change here only:

- gradebook CSV: ``homework.export.to_csv`` (one row per submission, as ``review --csv``);
- review JSON: ``homework.export.to_json`` (as ``review --json``);
- class report: ``homework.html.class_report_html`` (as ``review --html``);
- a student's feedback page: the homework package's per-student page when it has one
  (``review --feedback``), otherwise that student's section built from the same re-graded
  report, rendered as the app's HTML export (``practice.render_export``).
"""

from __future__ import annotations

import importlib
from html import escape
from typing import Any

from simulator.homework.export import to_csv, to_json
from simulator.homework.html import class_report_html
from simulator.homework.review import ClassReview, StudentRow

FEEDBACK_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def gradebook_csv(review: ClassReview) -> str:
    """The gradebook spreadsheet (the same rows as ``review --csv``)."""
    return to_csv(review)


def review_json(review: ClassReview) -> str:
    """The review as JSON (the same document as ``review --json``)."""
    return to_json(review)


def class_html(review: ClassReview) -> str:
    """The class report page (the same page as ``review --html``)."""
    return class_report_html(review)


def _homework_feedback() -> Any | None:
    """The homework package's per-student page function, when this build has one."""
    try:
        module = importlib.import_module("simulator.homework.feedback")
    except ImportError:
        return None
    return getattr(module, "page", None)


def feedback_html(review: ClassReview, row: StudentRow) -> str:
    """One student's feedback page: their best attempt per scenario, findings, transcript."""
    page = _homework_feedback()
    if page is not None:
        return str(page(review, row))
    return _fallback_feedback(review, row)


def _fallback_feedback(review: ClassReview, row: StudentRow) -> str:
    from simulator.practice import Report, Transcript, render_export

    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{FEEDBACK_CSP}\">",
        f"<title>{escape(row.name)}: feedback</title></head><body>",
        f"<h1>{escape(row.name)}: {escape(row.status)}</h1>",
        f"<p>{escape(review.assignment.title)}</p>",
    ]
    shown = False
    for entry in review.assignment.scenarios:
        verdict = row.best.get(entry.id)
        if verdict is None or verdict.report is None:
            continue
        shown = True
        transcript = Transcript.from_dict(verdict.transcript) if verdict.transcript else None
        page = render_export("HTML", Report.from_dict(verdict.report), transcript)
        body = page.split("<body>", 1)[-1].rsplit("</body>", 1)[0]
        head_style = (
            page.split("<style>", 1)[-1].split("</style>", 1)[0] if "<style>" in page else ""
        )
        parts.append(f"<section><style>{head_style}</style>{body}</section>")
    if not shown:
        parts.append("<p>Nothing verified has been received from this student yet.</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
