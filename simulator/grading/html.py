"""One session's report as a self-contained HTML page, without a UI.

No scripts, no external assets: it opens offline from a file. Every piece of learner or
author text is escaped; quotes are highlighted inside the learner's own words.
"""

from __future__ import annotations

from html import escape
from typing import Any

from simulator.core.transcript import stage_words
from simulator.grading.report import Report
from simulator.reading import signal_words

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
body{color:#1d1d1f}
h1{font-size:1.6rem}.pass{color:#0a6b2d}.fail{color:#a4161a}
table{border-collapse:collapse;width:100%}
td,th{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left}
.bar{background:#eee;width:12rem;height:.8rem;display:inline-block;vertical-align:middle}
.bar span{display:block;height:100%;background:#3a6ea5}
mark{background:#ffe08a;padding:0 .1rem}.neg{border-left:4px solid #a4161a;padding-left:.6rem}
.pos{border-left:4px solid #0a6b2d;padding-left:.6rem}.turn{margin:.6rem 0}
.who{font-weight:600}.meta{color:#555;font-size:.9rem}
"""


def report_html(report: Report, transcript: Any | None = None) -> str:
    """A full HTML document for one graded session."""
    status = "pass" if report.passed else "fail"
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(report.scenario)}: {report.score}/100</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{escape(report.scenario)} <span class='{status}'>"
        f"{'passed' if report.passed else 'not passed'}</span></h1>",
        f"<p><strong>{escape(report.verdict)}</strong></p>",
    ]
    if report.outcome:
        parts.append("<ul>" + "".join(f"<li>{escape(o)}</li>" for o in report.outcome) + "</ul>")
    parts.append(
        "<h2>Criteria</h2><table><tr><th>criterion</th><th>weight</th><th>score</th>"
        "<th>how it adds up</th></tr>"
    )
    for c in (c for c in report.criteria if c.shown):
        score = "N/A" if c.score is None else str(c.score)
        width = 0 if c.score is None else c.score
        parts.append(
            f"<tr><td>{escape(c.name)}</td><td>{c.weight}</td><td>"
            f"<span class='bar' role='img' aria-label='{score}'><span style='width:{width}%'>"
            f"</span></span> {score}</td><td>{escape(c.sum_text())}</td></tr>"
        )
    parts.append("</table>")
    if report.blockers:
        parts.append("<h2>Blockers</h2><ul>")
        parts += [f"<li>{escape(b)}</li>" for b in report.blockers]
        parts.append("</ul>")
    if report.findings:
        parts.append("<h2>Findings</h2>")
        for f in report.findings:
            kind = "neg" if f.polarity == "negative" else "pos"
            tip = f"<div>Try: {escape(f.tip)}</div>" if f.polarity == "negative" else ""
            if tip and f.rewrite:
                tip += f"<div>For example: {escape(f.rewrite)}</div>"
            parts.append(
                f"<div class='{kind} turn'><div><strong>{escape(signal_words(f.signal))}</strong> "
                f"({f.points:+d}, turn {f.turn}, {escape(stage_words(f.stage))})</div>"
                f"<div>{escape(f.rule)}</div><div>You wrote: <mark>{escape(f.quote)}</mark></div>"
                f"{tip}</div>"
            )
    if report.tips:
        parts.append("<h2>Three things to fix first</h2><ol>")
        parts += [f"<li>{escape(t)}</li>" for t in report.tips]
        parts.append("</ol>")
    if transcript is not None:
        parts.append("<h2>Transcript</h2>")
        parts.append(transcript_html(transcript, report))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def transcript_html(transcript: Any, report: Report | None = None) -> str:
    """The transcript with each finding's quote highlighted in the learner's turns."""
    spans: dict[int, list[tuple[int, int]]] = {}
    if report is not None:
        for f in report.findings:
            if f.end > f.start:
                spans.setdefault(f.turn, []).append((f.start, f.end))
    persona = str(transcript.identities.get("persona_name", "Persona"))
    out = []
    for turn in transcript.turns:
        if not turn.text:
            continue
        if turn.who == "learner":
            who, body = "You", highlight(turn.text, spans.get(turn.n, []))
        elif turn.who == "persona":
            who, body = persona, escape(turn.text)
        else:
            who, body = "", f"<em>{escape(turn.text)}</em>"
        when = f"day {turn.day}" if turn.minute is None else f"minute {turn.minute:.0f}"
        out.append(
            f"<div class='turn'><span class='who'>{escape(who)}</span> "
            f"<span class='meta'>({escape(stage_words(turn.stage))}, {when})</span>"
            f"<div>{body.replace(chr(10), '<br>')}</div></div>"
        )
    return "\n".join(out)


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    """Escape text and wrap the given character spans in <mark> (overlaps merged)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(escape(text[pos:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)
