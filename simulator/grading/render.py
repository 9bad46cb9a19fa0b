"""Report and transcript renderers, without a UI: plain text, Markdown and JSON.

Plain text is for terminals and screen readers (no colour, no box drawing needed).
"""

from __future__ import annotations

import json
from typing import Any

from simulator.core.transcript import stage_words
from simulator.grading.report import Report
from simulator.reading import signal_words


def bar(score: int | None, width: int = 20) -> str:
    """A text bar such as ``[########------------]``; N/A when not reached."""
    if score is None:
        return "[" + " " * (width - 3) + "N/A]"
    filled = round(width * score / 100)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def report_text(report: Report) -> str:
    """The report as plain text."""
    out = [report.verdict, ""]
    if report.outcome:
        out += ["What happened:"] + [f"  {line}" for line in report.outcome] + [""]
    out.append("Criteria:")
    for c in (c for c in report.criteria if c.shown):
        score = "N/A" if c.score is None else f"{c.score:3d}"
        out.append(f"  {c.name:<28} {bar(c.score)} {score}  (weight {c.weight})")
        if c.score is not None:
            out.append(f"  {'':<28} {c.sum_text()}")
    if report.blockers:
        out += ["", "Blockers (fail the session whatever the score):"]
        out += [f"  - {b}" for b in report.blockers]
    if report.findings:
        out += ["", "Findings:"]
        for f in report.findings:
            sign = "+" if f.points > 0 else ""
            where = f"turn {f.turn}, {stage_words(f.stage)}"
            out.append(f"  [{sign}{f.points}] {signal_words(f.signal)} ({where})")
            out.append(f"      rule: {f.rule}")
            out.append(f"      you wrote: \u201c{_flat(f.quote)}\u201d")
            if f.polarity == "negative":
                out.append(f"      try: {f.tip}")
                if f.rewrite:
                    out.append(f"      e.g. {f.rewrite}")
    if report.tips:
        out += ["", "Three things to fix first:"]
        out += [f"  {i}. {t}" for i, t in enumerate(report.tips, 1)]
    return "\n".join(out)


def report_markdown(report: Report, transcript: Any | None = None) -> str:
    """The report (and optionally the transcript) as Markdown."""
    out = [f"# {report.scenario}: {'passed' if report.passed else 'not passed'}", ""]
    out += [f"**{report.verdict}**", ""]
    if report.outcome:
        out += [f"- {line}" for line in report.outcome] + [""]
    out += ["| criterion | weight | score | how it adds up |", "|---|---:|---:|---|"]
    for c in (c for c in report.criteria if c.shown):
        shown = "N/A" if c.score is None else c.score
        out.append(f"| {c.name} | {c.weight} | {shown} | {c.sum_text()} |")
    out.append("")
    if report.blockers:
        out += ["## Blockers", ""] + [f"- {_md(b)}" for b in report.blockers] + [""]
    if report.findings:
        out += ["## Findings", ""]
        for f in report.findings:
            out.append(
                f"- **{_md(signal_words(f.signal))}** ({f.points:+d}, turn {f.turn}): {_md(f.rule)}"
            )
            out.append(f"  - you wrote: \u201c{_md(_flat(f.quote))}\u201d")
            if f.polarity == "negative":
                out.append(f"  - try: {_md(f.tip)}")
                if f.rewrite:
                    out.append(f"  - e.g. {_md(f.rewrite)}")
        out.append("")
    if transcript is not None:
        out += ["## Transcript", ""]
        for turn in transcript.turns:
            if turn.text:
                who = "You" if turn.who == "learner" else turn.who.title()
                out.append(f"- **{who}** ({stage_words(turn.stage)}): {_md(_flat(turn.text))}")
    return "\n".join(out) + "\n"


def to_json(data: Any) -> str:
    """Stable JSON: sorted keys, two-space indent, UTF-8 kept readable."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)


def transcript_text(transcript: Any) -> str:
    """The transcript as plain text, one turn a paragraph."""
    out = []
    names = transcript.identities
    persona = names.get("persona_name", "Persona")
    for turn in transcript.turns:
        when = f"day {turn.day}" if turn.minute is None else f"min {turn.minute:.0f}"
        if turn.who == "learner":
            if turn.kind == "skip":
                out.append(f"[{stage_words(turn.stage)}, {when}] You: (skipped)")
            else:
                subject = turn.data.get("subject")
                head = f" Subject: {subject}" if subject else ""
                attach = turn.data.get("attachments")
                extra = f" Attachments: {', '.join(attach)}" if attach else ""
                out.append(f"[{stage_words(turn.stage)}, {when}] You:{head}{extra}\n{turn.text}")
        elif turn.who == "persona":
            out.append(f"[{stage_words(turn.stage)}, {when}] {persona}: {turn.text}")
        elif turn.kind in ("silence", "narration", "recap") and turn.text:
            out.append(f"[{stage_words(turn.stage)}, {when}] {turn.text}")
        elif turn.kind == "meeting_start":
            out.append(f"[meeting] The meeting starts: {turn.data.get('granted')} minutes granted.")
    return "\n\n".join(out)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _md(text: str) -> str:
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return text
