"""The class review as one self-contained HTML page, without a UI.

No scripts at all (a Content-Security-Policy forbids them), no external assets, nothing
fetched: the page opens offline from a file or an LMS. Every string that came from a
submission - names, quotes, transcripts, file names - is HTML-escaped, and learner turns
are highlighted with the shared ``grading.html.highlight`` (escape first, then mark).
"""

from __future__ import annotations

from html import escape
from typing import Any

from simulator.homework.analytics import best_scores, common_findings, criterion_averages
from simulator.homework.charts import bar_chart, histogram
from simulator.homework.export import rules_line
from simulator.homework.review import ClassReview, StudentRow
from simulator.homework.verify import Verdict
from simulator.practice import highlight

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;
color:#1d1d1f}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #eee}
table{border-collapse:collapse;width:100%;margin:.6rem 0}
td,th{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
th{background:#f6f6f6}.num{text-align:right}.meta{color:#555;font-size:.9rem}
.status{font-weight:600;white-space:nowrap}
.s-completed{color:#0a6b2d}.s-late{color:#8a5a00}.s-did-not-pass{color:#a4161a}
.s-in-progress{color:#3a6ea5}.s-not-started{color:#666}
.flag{color:#a4161a;font-weight:600}
.counts span{display:inline-block;margin:0 1rem .3rem 0}
mark{background:#ffe08a;padding:0 .1rem}blockquote{margin:.2rem 0 .2rem 1rem;color:#333}
.turn{margin:.5rem 0}.who{font-weight:600}.student{border-top:1px solid #ddd;padding-top:.4rem}
.neg{border-left:4px solid #a4161a;padding-left:.6rem;margin:.3rem 0}
.pos{border-left:4px solid #0a6b2d;padding-left:.6rem;margin:.3rem 0}
details{margin:.4rem 0}summary{cursor:pointer}
"""


def class_report_html(review: ClassReview) -> str:
    """The whole page: summary, charts, findings, files, then one section per student."""
    a = review.assignment
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{_CSP}\">",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{escape(a.title)}: class review</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{escape(a.title)}</h1>",
        f"<p class='meta'>Assignment {escape(a.id)}: {escape(rules_line(review))}. "
        f"Scenarios: {escape(', '.join(s.title for s in a.scenarios))}.</p>",
    ]
    if a.notes:
        parts.append(f"<p class='meta'>Notes: {escape(a.notes)}</p>")
    parts.append(_counts(review))
    parts.append(_student_table(review))
    parts.append(_charts(review))
    parts.append(_findings(review))
    parts.append(_files(review))
    parts.append("<h2 id='students'>Students</h2>")
    parts += [_student_section(review, index, row) for index, row in enumerate(review.students)]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _status_class(status: str) -> str:
    return "s-" + status.replace(" ", "-")


def _counts(review: ClassReview) -> str:
    statuses = "".join(
        f"<span class='status {_status_class(k)}'>{escape(k)}: {v}</span>"
        for k, v in review.status_counts().items()
    )
    checks = "".join(f"<span>{escape(k)}: {v}</span>" for k, v in review.check_counts().items())
    return (
        f"<div class='counts' id='counts'><p>{statuses}</p>"
        f"<p class='meta'>{len(review.verdicts)} file(s): {checks or 'none'}</p></div>"
    )


def _student_table(review: ClassReview) -> str:
    rows = [
        "<h2>Class</h2><table id='class'><thead><tr><th>Student</th><th>Status</th>"
        "<th class='num'>Best</th><th class='num'>Files</th><th>Notes</th></tr></thead><tbody>"
    ]
    for index, row in enumerate(review.students):
        best = "&ndash;" if row.score is None else str(row.score)
        notes = ", ".join(row.notes())
        rows.append(
            f"<tr><td><a href='#student-{index}'>{escape(row.name)}</a></td>"
            f"<td class='status {_status_class(row.status)}'>{escape(row.status)}</td>"
            f"<td class='num'>{best}</td><td class='num'>{row.submissions}</td>"
            f"<td>{escape(notes)}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def _charts(review: ClassReview) -> str:
    averages = criterion_averages(review)
    out = ["<h2>Criteria</h2>"]
    if averages:
        rows: list[tuple[str, float | None, str]] = [
            (
                c.name,
                c.average,
                "N/A" if c.average is None else f"{c.average:.0f} (n={c.students})",
            )
            for c in averages
        ]
        out.append(
            "<p class='meta'>Average score per criterion over each student's best "
            "verified attempt.</p>"
        )
        out.append(bar_chart(rows, label="Average score per criterion"))
    else:
        out.append("<p>No verified submission yet.</p>")
    scores = best_scores(review)
    if scores:
        a = review.assignment
        mark = a.pass_mark
        if mark is None and len(a.scenarios) == 1:
            mark = a.pass_mark_for(a.scenarios[0])
        out.append("<h2>Best scores</h2>")
        out.append(histogram(scores, mark, label="How many students reached each score band"))
    return "\n".join(out)


def _findings(review: ClassReview) -> str:
    summaries = common_findings(review)
    if not summaries:
        return ""
    out = [
        "<h2>Most common findings</h2><table id='findings'><thead><tr><th>Finding</th>"
        "<th class='num'>Submissions</th><th class='num'>Students</th>"
        "<th>In their words</th></tr></thead><tbody>"
    ]
    for s in summaries:
        kind = "neg" if s.polarity == "negative" else "pos"
        quotes = "".join(
            f"<blockquote>&ldquo;{escape(quote)}&rdquo; &mdash; {escape(student)}</blockquote>"
            for student, quote in s.examples
        )
        tip = f"<div class='meta'>Try: {escape(s.tip)}</div>" if s.polarity == "negative" else ""
        out.append(
            f"<tr><td><div class='{kind}'><strong>{escape(s.signal)}</strong> "
            f"({s.points:+d})<div>{escape(s.rule)}</div>{tip}</div></td>"
            f"<td class='num'>{s.submissions}</td><td class='num'>{len(s.students)}</td>"
            f"<td>{quotes}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _files(review: ClassReview) -> str:
    out = [
        "<h2>Files</h2><table id='files'><thead><tr><th>File</th><th>Student</th>"
        "<th>Scenario</th><th class='num'>Attempt</th><th class='num'>Claimed</th>"
        "<th class='num'>Re-graded</th><th>Check</th><th>Detail</th></tr></thead><tbody>"
    ]
    for v in review.verdicts:
        flagged = v.check != "verified" or v.over_limit or v.duplicate
        marks = "; ".join(v.marks())
        out.append(
            f"<tr><td>{escape(v.file)}</td><td>{escape(v.student)}</td>"
            f"<td>{escape(v.scenario)}</td><td class='num'>{_num(v.attempt)}</td>"
            f"<td class='num'>{_num(v.claimed_score)}</td><td class='num'>{_num(v.score)}</td>"
            f"<td{' class=flag' if flagged else ''}>{escape(marks)}</td>"
            f"<td>{escape(v.detail)}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _num(value: int | None) -> str:
    return "&ndash;" if value is None else str(value)


def _student_section(review: ClassReview, index: int, row: StudentRow) -> str:
    out = [
        f"<section class='student' id='student-{index}'><h3>{escape(row.name)} "
        f"<span class='status {_status_class(row.status)}'>{escape(row.status)}</span></h3>"
    ]
    shown = False
    for entry in review.assignment.scenarios:
        verdict = row.best.get(entry.id) or _latest_regraded(review, row, entry.id)
        if verdict is None or verdict.report is None or verdict.transcript is None:
            continue
        shown = True
        counted = "best verified attempt" if verdict.counts else "not counted: " + verdict.label
        out.append(
            f"<h4>{escape(entry.title)}: {verdict.score}/100 "
            f"({'passed' if verdict.passed else 'not passed'}; {escape(counted)}, "
            f"attempt {_num(verdict.attempt)}{', late' if verdict.late else ''})</h4>"
        )
        out.append(_findings_list(verdict.report))
        out.append(
            "<details><summary>Transcript</summary>"
            f"{_transcript(verdict.transcript, verdict.report)}</details>"
        )
    if not shown:
        out.append("<p class='meta'>Nothing submitted that could be re-graded.</p>")
    out.append("</section>")
    return "\n".join(out)


def _latest_regraded(review: ClassReview, row: StudentRow, scenario: str) -> Verdict | None:
    from simulator.homework.assignment import student_key

    candidates = [
        v
        for v in review.verdicts
        if v.report and v.scenario == scenario and v.student and student_key(v.student) == row.key
    ]
    return candidates[-1] if candidates else None


def _findings_list(report: dict[str, Any]) -> str:
    items = []
    for f in report.get("findings", []):
        kind = "neg" if f.get("polarity") == "negative" else "pos"
        items.append(
            f"<div class='{kind}'><strong>{escape(str(f.get('signal')))}</strong> "
            f"({int(f.get('points', 0)):+d}, turn {int(f.get('turn', 0))}): "
            f"{escape(str(f.get('rule', '')))} &ldquo;<mark>{escape(str(f.get('quote', '')))}"
            "</mark>&rdquo;</div>"
        )
    return "".join(items) or "<p class='meta'>No findings.</p>"


def _transcript(transcript: dict[str, Any], report: dict[str, Any]) -> str:
    spans: dict[int, list[tuple[int, int]]] = {}
    for f in report.get("findings", []):
        start, end = int(f.get("start", 0)), int(f.get("end", 0))
        if end > start:
            spans.setdefault(int(f.get("turn", 0)), []).append((start, end))
    persona = str(transcript.get("identities", {}).get("persona_name", "Persona"))
    out = []
    for turn in transcript.get("turns", []):
        text = str(turn.get("text", ""))
        if not text:
            continue
        who = str(turn.get("who"))
        if who == "learner":
            label, body = "Learner", highlight(text, spans.get(int(turn.get("n", 0)), []))
        elif who == "persona":
            label, body = persona, escape(text)
        else:
            label, body = "", f"<em>{escape(text)}</em>"
        out.append(
            f"<div class='turn'><span class='who'>{escape(label)}</span> "
            f"<span class='meta'>({escape(str(turn.get('stage')))})</span>"
            f"<div>{body.replace(chr(10), '<br>')}</div></div>"
        )
    return "".join(out)
