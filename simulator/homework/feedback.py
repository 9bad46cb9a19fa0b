"""Feedback for each student, without a UI: one HTML page and one Markdown file to send back.

Each holds the student's standing (status, best, the pass mark, attempts used), the
coach's comment and any override with its reason, the trend across their attempts, and
for each scenario the best counted attempt: the findings with the learner's own words
and a tip, then the whole transcript with subjects, attachments and send times.

The page is self-contained (no scripts, no external assets; a Content-Security-Policy
forbids both), every string from a submission is escaped, and control characters are
removed before anything is written. Integrity notes for the coach are not included;
a student who needs review is told their coach will look at the work first.

API (the class server reuses it): ``page(review, row) -> str``,
``markdown(review, row) -> str``, ``write(review, folder) -> list[Path]``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from simulator.homework.review import BEST_MEANS, ClassReview, StudentRow
from simulator.homework.transcripts import plain, turn_views
from simulator.homework.verify import Verdict

_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_STYLE = """
body{font:16px/1.55 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;
color:#1d1d1f}h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:2px solid #eee}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid
#ddd;text-align:left}.meta{color:#555;font-size:.9rem}.lost{border-left:4px solid #a4161a;
padding-left:.6rem;margin:.5rem 0}.won{border-left:4px solid #0a6b2d;padding-left:.6rem;
margin:.5rem 0}.turn{margin:.7rem 0}.who{font-weight:600}.note{background:#f6f6f6;
padding:.6rem .8rem;border-radius:4px}blockquote{margin:.2rem 0 .2rem 1rem;color:#333}
"""
STANDING = {
    "completed": "Completed: every scenario passed, on time.",
    "late": "Passed, but after the due date.",
    "needs review": "Your coach will look at your submission before it is graded.",
    "did not pass": "Not passed yet.",
    "in progress": "In progress: some scenarios are still to be submitted.",
    "not started": "Nothing submitted yet.",
}


def _facts(review: ClassReview, row: StudentRow) -> list[tuple[str, str]]:
    a = review.assignment
    facts = [("Status", STANDING.get(row.status, row.status))]
    if row.override is not None:
        facts.append(
            (
                "Grade",
                f"{row.override['grade']} (set by your coach, replacing {row.best_score}: "
                f"{plain(row.override['reason'])})",
            )
        )
    elif row.best_score is not None:
        facts.append(("Best", f"{row.best_score} ({BEST_MEANS.removeprefix('Best: ')})"))
    marks = sorted({a.pass_mark_for(e) for e in a.scenarios})
    facts.append(("Pass mark", " / ".join(str(m) for m in marks)))
    limit = f" of {a.attempts} allowed per scenario" if a.attempts else ""
    facts.append(("Files handed in", f"{row.submissions}{limit}"))
    if a.due:
        facts.append(("Due", a.due.strftime("%Y-%m-%d %H:%M %Z").strip()))
    return facts


def _trend(review: ClassReview, row: StudentRow) -> list[tuple[str, str, str, str, str]]:
    out = []
    for v in review.attempts_of(row):
        when = v.submitted.strftime("%Y-%m-%d %H:%M") if v.submitted else "?"
        score = "-" if v.score is None else str(v.score)
        result = "passed" if v.passed else ("not passed" if v.passed is False else "-")
        counted = "counted" if v.counts else "not counted: " + "; ".join(v.marks())
        out.append((str(v.attempt or "?"), v.scenario, when, f"{score}, {result}", counted))
    return out


def _best(row: StudentRow) -> list[tuple[str, Verdict]]:
    return [(sid, row.best[sid]) for sid in row.scenarios if sid in row.best]


def page(review: ClassReview, row: StudentRow) -> str:
    """The student's feedback as one self-contained HTML page."""
    a = review.assignment
    e = _e
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{_CSP}\">",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{e(a.title)}: feedback for {e(row.name)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{e(a.title)}</h1><p class='meta'>Feedback for {e(row.name)}</p>",
        "<table>",
        *(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in _facts(review, row)),
        "</table>",
    ]
    if row.comment:
        out.append(f"<h2>From your coach</h2><div class='note'>{_lines(e(row.comment))}</div>")
    trend = _trend(review, row)
    if trend:
        out.append("<h2>Your attempts</h2><table><tr><th>Attempt</th><th>Scenario</th>")
        out.append("<th>Submitted</th><th>Score</th><th>Counted</th></tr>")
        out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in t) + "</tr>" for t in trend]
        out.append("</table>")
    for sid, verdict in _best(row):
        entry = a.find(sid)
        out.append(f"<h2>{e(entry.title if entry else sid)}</h2>")
        out.append(f"<p class='meta'>Best counted attempt: {e(str(verdict.score))}.</p>")
        out.append(_findings_html(verdict.report or {}, e))
        out.append("<h3>The whole conversation</h3>")
        out.append(_transcript_html(verdict.transcript or {}, e))
    out.append("</body></html>\n")
    return "".join(out)


def _e(text: Any) -> str:
    """Text from a submission, safe in HTML: control characters gone, then escaped."""
    return escape(plain(text))


def _lines(text: str) -> str:
    return text.replace("\n", "<br>")


def _findings_html(report: dict[str, Any], e: Callable[[Any], str]) -> str:
    items = []
    for f in report.get("findings", []):
        if not isinstance(f, dict):
            continue
        kind = "won" if f.get("polarity") == "positive" else "lost"
        tip = f"<div class='meta'>Tip: {e(f.get('tip', ''))}</div>" if f.get("tip") else ""
        items.append(
            f"<div class='{kind}'>{e(f.get('rule', f.get('signal', '')))} "
            f"<span class='meta'>({e(f.get('points', 0))} points)</span>"
            f"<blockquote>\u201c{e(f.get('quote', ''))}\u201d</blockquote>{tip}</div>"
        )
    return "".join(items) or "<p class='meta'>No findings.</p>"


def _transcript_html(transcript: dict[str, Any], e: Callable[[Any], str]) -> str:
    out = []
    for t in turn_views(transcript):
        head = f"<span class='who'>{e(t.label)}</span> " if t.label else ""
        meta = f"<span class='meta'>{e(t.stage)}, {e(t.when)}</span>"
        extra = f"<div><strong>Subject:</strong> {e(t.subject)}</div>" if t.subject else ""
        if t.attachments:
            extra += f"<div><strong>Attached:</strong> {e(', '.join(t.attachments))}</div>"
        body = _lines(e(t.text)) if t.who != "event" else f"<em>{e(t.text)}</em>"
        out.append(f"<div class='turn'>{head}{meta}{extra}<div>{body}</div></div>")
    return "".join(out)


def markdown(review: ClassReview, row: StudentRow) -> str:
    """The same feedback as Markdown (for email or an LMS comment box)."""
    a = review.assignment
    m = _md
    out = [f"# {m(a.title)}", "", f"Feedback for {m(row.name)}", ""]
    out += [f"- **{k}:** {m(v)}" for k, v in _facts(review, row)]
    if row.comment:
        out += ["", "## From your coach", "", m(row.comment)]
    trend = _trend(review, row)
    if trend:
        out += ["", "## Your attempts", "", "| Attempt | Scenario | Submitted | Score | Counted |"]
        out.append("|---|---|---|---|---|")
        out += ["| " + " | ".join(m(c) for c in t) + " |" for t in trend]
    for sid, verdict in _best(row):
        entry = a.find(sid)
        out += ["", f"## {m(entry.title if entry else sid)}", ""]
        out.append(f"Best counted attempt: {verdict.score}.")
        out.append("")
        for f in (verdict.report or {}).get("findings", []):
            if not isinstance(f, dict):
                continue
            sign = "Won" if f.get("polarity") == "positive" else "Lost"
            out.append(f"- {sign} {f.get('points', 0)}: {m(f.get('rule', ''))}")
            out.append(f"  > \u201c{m(f.get('quote', ''))}\u201d")
            if f.get("tip"):
                out.append(f"  Tip: {m(f.get('tip'))}")
        out += ["", "### The whole conversation", ""]
        for t in turn_views(verdict.transcript or {}):
            who = f"**{m(t.label)}**" if t.label else "_(event)_"
            out.append(f"{who} ({m(t.stage)}, {m(t.when)})")
            if t.subject:
                out.append(f"Subject: {m(t.subject)}")
            if t.attachments:
                out.append(f"Attached: {m(', '.join(t.attachments))}")
            out += ["", *(f"> {m(line)}" for line in t.text.splitlines()), ""]
    return "\n".join(out).rstrip() + "\n"


def _md(text: Any) -> str:
    """Learner text made inert in Markdown: no raw HTML, links or emphasis from it."""
    out = plain(text).replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out


def write(review: ClassReview, folder: Path) -> list[Path]:
    """One ``<student>.html`` and ``<student>.md`` per student with a file; returns them.

    Raises StorageError (one line) when the folder cannot be written.
    """
    from simulator.homework.submission import slug
    from simulator.storage import atomic_write

    written: list[Path] = []
    used: set[str] = set()
    for row in review.students:
        if not row.submissions:
            continue
        base = slug(row.name) or "student"
        name, n = base, 2
        while name in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name)
        for suffix, text in ((".html", page(review, row)), (".md", markdown(review, row))):
            # Whole or not at all, but not fsync'd: thousands of pages would wait on the disk.
            written.append(atomic_write(folder / f"{name}{suffix}", text, durable=False))
    return written
