"""Gradebook files a school can import, without a UI: Canvas, Moodle, or a generic sheet.

One row per student, matched by the ids on the roster (``roster`` module), with the grade
on the assignment's scale (``--points``, default 100; an override replaces the computed
grade). The layouts follow each system's documented CSV import:

Students the target cannot match (no id of the kind it needs) are left out of the
Canvas and Moodle files and named by ``missing_ids``; the generic sheet has everyone.

- ``canvas``: the columns ``Student, ID, SIS User ID, SIS Login ID, Section``, then one
  column for the assignment; the second row is ``Points Possible`` with the identity
  cells blank. Canvas turns any other column into a new assignment, so the breakdown
  (status, criteria, scenarios, notes) is written beside it as ``<name>.details.csv``.
  Canvas matches rows by SIS User ID or SIS Login ID: the roster's ``id``/``login``.
- ``moodle``: an identifier column (``Email address``, ``ID number``) to map to the
  user, the grade column to map to a grade item, a ``Feedback`` column, then the
  breakdown (Moodle lets the coach map or ignore each column).
- ``generic``: everything, for a spreadsheet; UTF-8 with a BOM so Excel reads accents.

API (the class server reuses it): ``table(review, fmt) -> list[list[str]]``,
``text(review, fmt) -> str``, ``write(review, path, fmt) -> list[Path]``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from simulator.homework.export import BOM, _safe_cell, criterion_columns
from simulator.homework.review import ClassReview, StudentRow

FORMATS = ("canvas", "moodle", "generic")
CANVAS_IDENTITY = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
POINTS_POSSIBLE = "Points Possible"


def points(review: ClassReview) -> int:
    """The assignment's scale (100 unless it set ``points``)."""
    return review.assignment.points or 100


def grade(review: ClassReview, row: StudentRow) -> str:
    """The grade on the assignment's scale, as the cell text ("" when nothing counted)."""
    score = row.score
    if score is None:
        return ""
    value = score * points(review) / 100
    return f"{value:g}" if value == int(value) else f"{value:.2f}"


def criterion_means(row: StudentRow) -> dict[str, str]:
    """Each criterion (plain-word name) averaged over the student's best attempts."""
    out = {}
    for cid, name in criterion_columns():
        values = []
        for verdict in row.best.values():
            data = (verdict.report or {}).get("criteria", {}).get(cid, {})
            if isinstance(data, dict) and isinstance(data.get("score"), int):
                values.append(data["score"])
        out[name] = str(round(sum(values) / len(values))) if values else ""
    return out


def _breakdown_header(review: ClassReview) -> list[str]:
    names = [name for _, name in criterion_columns()]
    per_scenario = [
        f"{e.id}: {what}" for e in review.assignment.scenarios for what in ("best", "passed")
    ]
    return ["Status", *names, *per_scenario, "Override", "Needs review", "Comment"]


def _breakdown(review: ClassReview, row: StudentRow) -> list[str]:
    cells = [row.status, *criterion_means(row).values()]
    for entry in review.assignment.scenarios:
        v = row.best.get(entry.id)
        cells.append("" if v is None or v.score is None else str(v.score))
        cells.append("" if v is None else ("yes" if v.passed else "no"))
    override = ""
    if row.override is not None:
        override = f"{row.override['grade']} replaces {row.best_score}: {row.override['reason']}"
    return [*cells, override, " | ".join(row.flags), row.comment]


def _feedback(row: StudentRow) -> str:
    parts = [row.status]
    if row.override is not None:
        parts.append(f"grade set by the coach: {row.override['reason']}")
    if row.comment:
        parts.append(row.comment)
    return ". ".join(parts)


def table(review: ClassReview, fmt: str) -> list[list[str]]:
    """The gradebook as rows of cells (header first), for ``fmt`` in ``FORMATS``."""
    if fmt not in FORMATS:
        raise ValueError(f"no gradebook format '{fmt}'; choose {', '.join(FORMATS)}")
    title = review.assignment.title
    rows: list[list[str]]
    if fmt == "canvas":
        rows = [[*CANVAS_IDENTITY, title], [POINTS_POSSIBLE, "", "", "", "", str(points(review))]]
        rows += [
            [s.name, "", s.sis_id, s.login, s.section, grade(review, s)] for s in _who(review, fmt)
        ]
    elif fmt == "moodle":
        rows = [["Full name", "Email address", "ID number", title, "Feedback"]]
        rows[0] += _breakdown_header(review)
        rows += [
            [s.name, s.email, s.sis_id, grade(review, s), _feedback(s), *_breakdown(review, s)]
            for s in _who(review, fmt)
        ]
    else:
        head = ["Student", "Email", "ID", "Login", "Section", f"Grade (of {points(review)})"]
        rows = [[*head, "Best", *_breakdown_header(review)]]
        for s in _who(review, fmt):
            best = "" if s.best_score is None else str(s.best_score)
            ids = [s.name, s.email, s.sis_id, s.login, s.section, grade(review, s), best]
            rows.append([*ids, *_breakdown(review, s)])
    return [[str(_safe_cell(cell)) for cell in r] for r in rows]


def _who(review: ClassReview, fmt: str) -> list[StudentRow]:
    """The rows the target can match (Canvas and Moodle skip students without an id;
    ``missing_ids`` names them)."""
    unmatched = set(missing_ids(review, fmt))
    return [s for s in review.students if s.name not in unmatched]


def text(review: ClassReview, fmt: str) -> str:
    """The CSV text (a BOM only on the generic sheet, which Excel opens)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(table(review, fmt))
    return (BOM if fmt == "generic" else "") + buffer.getvalue()


def missing_ids(review: ClassReview, fmt: str) -> list[str]:
    """Students the target system could not match (no id of the kind it needs)."""
    if fmt == "canvas":
        return [s.name for s in review.students if not (s.sis_id or s.login)]
    if fmt == "moodle":
        return [s.name for s in review.students if not (s.email or s.sis_id)]
    return []


def write(review: ClassReview, path: Path, fmt: str) -> list[Path]:
    """Write the gradebook (and, for Canvas, its details sheet); returns the files."""
    from simulator.storage import atomic_write

    written = [atomic_write(path, text(review, fmt))]
    if fmt == "canvas":
        details = path.with_name(f"{path.stem}.details.csv")
        written.append(atomic_write(details, text(review, "generic")))
    return written
