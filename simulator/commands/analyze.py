"""``simulator analyze``: check a real draft before you send it.

Reads the draft the way the persona would in a session (``practice.preview``: the same
``judge`` call, with the same context, as a session and the app's draft check), marks
the problem phrases in plain text (``>>>phrase<<<`` with a number, so it works without
colour and with screen readers), says whether the persona would likely reply, redirect
or ignore it, and lists the three most useful fixes.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import Any

NAME = "analyze"
HELP = "check a real draft (email, meeting line, thank-you) before you send it"
ORDER = 30
DEFAULT_PERSONA = "hr-manager-review-season"
STAGES = ("outreach", "follow_up", "meeting", "thank_you")  # as simulator.practice.STAGES
VERDICT_WORDS = {
    "outreach": {
        "accept": "likely a yes: this persona would offer you a short meeting",
        "redirect": "a redirect: this persona would send you elsewhere instead of meeting",
        "silence": "likely no reply: this persona would leave it unanswered",
    },
    "meeting": {
        "accept": "the persona would answer this gladly",
        "redirect": "the persona would deflect this and lose some patience",
        "silence": "the persona would not answer this",
    },
    "thank_you": {
        "accept": "a warm reply: this note keeps the relationship going",
        "redirect": "a polite, cool reply: something in the note costs you goodwill",
        "silence": "no reply",
    },
}
# Positive signals worth suggesting when a draft lacks them, by stage.
MISSING_HELPS = {
    "outreach": ("bounded_time_ask", "personalized", "clear_purpose", "acknowledges_busy"),
    "follow_up": ("bounded_time_ask", "acknowledges_busy"),
    "meeting": (),
    "thank_you": ("thank_you_specific", "gratitude"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", default="-", help="the draft (a text file), or - for stdin"
    )
    parser.add_argument("--stage", choices=STAGES, default="outreach", help="what the draft is")
    parser.add_argument(
        "--persona", default=None, help=f"who reads it (persona id; default {DEFAULT_PERSONA})"
    )
    parser.add_argument("--scenario", default=None, help="read it as in this scenario (id or path)")
    parser.add_argument(
        "--attach", action="append", default=[], metavar="NAME", help="simulate an attachment"
    )
    parser.add_argument(
        "--resume-requested",
        action="store_true",
        help="the persona asked for your resume earlier (sending it is then fine)",
    )
    parser.add_argument(
        "--subject", default="", help="the email's subject line (read as part of the message)"
    )
    parser.add_argument("--json", action="store_true", help="print the analysis as JSON")


def run(args: argparse.Namespace) -> int:
    from simulator.commands._common import jsonable, load_bundle, print_errors, write_stdout
    from simulator.persona_cache import load_persona
    from simulator.practice import MAX_INPUT_CHARS, preview

    text = _read_draft(args.file, MAX_INPUT_CHARS)
    if text is None:
        return 2
    from simulator.practice import scenario_lexicon

    scenario = None
    bundle = None
    if args.scenario:
        bundle = load_bundle(args.scenario)
        if bundle is None:
            return 1  # EXIT_CONTENT (simulator.authoring.load)
        scenario, persona = bundle.scenario, bundle.persona
    specs = scenario_lexicon(bundle).specs  # a scenario's own signals and words
    if scenario is None or args.persona:
        persona_id = args.persona or DEFAULT_PERSONA
        try:  # validated once, then read from the cache (no pydantic) while unchanged
            persona = load_persona(persona_id)
        except FileNotFoundError:
            print(f"analyze: no persona with id '{persona_id}'", file=sys.stderr)
            return 2
        except Exception as exc:  # a persona that does not validate: its errors
            from simulator.content import ContentLoadError  # (imported by the validation)

            if not isinstance(exc, ContentLoadError):
                raise
            print_errors(exc)
            return 2
    result = preview(
        text,
        args.stage,
        persona,
        scenario,
        attachments=tuple(args.attach),
        resume_requested=args.resume_requested,
        subject=args.subject,
    )
    data = analysis(result, args.stage, specs)
    if args.json:
        write_stdout(jsonable(data))
    else:
        write_stdout(render(result, data, f"{persona.id} ({persona.role})", specs))
    return 0


def _read_draft(path: str, limit: int) -> str | None:
    """The draft's text, or None after a one-line error (empty, unreadable, too long)."""
    import io

    from simulator.fileguard import open_regular  # (not the whole storage layer)

    where = "stdin" if path == "-" else path
    try:
        raw = sys.stdin.buffer if path == "-" else open_regular(Path(path))
        # At most one character over the limit is read: a 500 MB paste is never slurped.
        reader = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        try:
            text = reader.read(limit + 1)
        finally:
            if path == "-":
                reader.detach()  # leave stdin itself open
            else:
                reader.close()
    except OSError as exc:
        print(f"analyze: cannot read {where}: {exc.strerror or exc}", file=sys.stderr)
        return None
    except UnicodeDecodeError as exc:
        print(f"analyze: {where} is not UTF-8 text (byte {exc.start})", file=sys.stderr)
        return None
    if not text.strip():
        print(f"analyze: {where} is empty: nothing to read", file=sys.stderr)
        return None
    if len(text) > limit:
        print(
            f"analyze: {where} has more than {limit} characters; the limit is {limit}",
            file=sys.stderr,
        )
        return None
    return text


def analysis(result: Any, stage: str, specs: Any = None) -> dict[str, Any]:
    """The stable JSON form: stage, words, signals, topic, verdict, tips."""
    reading, decision = result.reading, result.decision
    return {
        "stage": stage,
        "words": reading.words,
        "signals": [s.to_dict() for s in reading.signals],
        "topic": reading.topic if stage == "meeting" else None,
        "verdict": {"reply": decision.reply, "reasons": list(decision.reasons)},
        "tips": tips(reading, stage, specs=specs),
    }


def tips(reading: Any, stage: str, limit: int = 3, *, specs: Any = None) -> list[str]:
    """The most useful fixes: the costliest problems first, then what is missing (``specs``:
    the scenario's signals, default the standard ones)."""
    from simulator.practice import standard_lexicon

    specs = specs or standard_lexicon().specs
    out: list[str] = []
    for signal in sorted(reading.negatives(), key=lambda s: (specs[s.id].points, s.start)):
        spec = specs[signal.id]
        tip = spec.tip + (f" For example: {spec.rewrite}" if spec.rewrite else "")
        if tip not in out:
            out.append(tip)
    present = set(reading.ids())
    if not (present & {"bounded_time_ask", "open_ended_time_ask", "long_time_ask"}):
        for signal_id in MISSING_HELPS.get(stage, ()):
            if signal_id not in present:
                spec = specs[signal_id]
                out.append(spec.tip + (f" For example: {spec.rewrite}" if spec.rewrite else ""))
    else:
        for signal_id in MISSING_HELPS.get(stage, ())[1:]:
            if signal_id not in present:
                spec = specs[signal_id]
                out.append(spec.tip + (f" For example: {spec.rewrite}" if spec.rewrite else ""))
    return list(dict.fromkeys(out))[:limit]


def mark(text: str, spans: list[tuple[int, int, int]]) -> str:
    """The text with each (start, end, number) span wrapped as ``>>>words<<<[n]``. Where
    spans overlap the shortest is marked (the exact words of a problem, not the whole
    opening sentence a missing line is quoted with); the list below names them all."""
    kept: list[tuple[int, int, int]] = []
    for span in sorted(spans, key=lambda s: (s[1] - s[0], s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    out, at = [], 0
    for start, end, number in sorted(kept):
        out += [text[at:start], ">>>", text[start:end], f"<<<[{number}]"]
        at = end
    out.append(text[at:])
    return "".join(out)


def _flat(quote: str) -> str:
    """A quote on one line: a hard-wrapped email's line breaks would split the report's."""
    return " ".join(quote.split())


def _where(signal: Any) -> str:
    """Where a problem was found: its quote (or attachment), the subject line, the model."""
    quoted = signal.end > signal.start
    where = f"\u201c{_kept(signal.quote)}\u201d" if quoted else f"attachment {signal.quote}"
    if signal.part == "subject":
        where = f"subject line: {where}"
    if signal.source == "model":
        where += f" (read by the model, {signal.confidence:.0%}: {', '.join(signal.weighed)})"
    return where


WIDTH = 79
"""The plain report fits an 80-column terminal: every line is wrapped at this width."""
_NBSP = "\u00a0"


def _kept(quote: str) -> str:
    """A quote on one line (its own breaks flattened) that wrapping never splits, unless
    it is too long for one line of the report: then it wraps like the words around it."""
    flat = _flat(quote)
    return flat.replace(" ", _NBSP) if len(flat) <= WIDTH - 8 else flat


def _wrapped(text: str, first: str = "  ", rest: str = "    ") -> list[str]:
    """``text`` wrapped at ``WIDTH`` (quotes kept whole: see ``_kept``)."""
    lines = textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.replace(_NBSP, " ") for line in lines] or [first.rstrip()]


def _header(reading: Any, kind: str, persona_name: str) -> list[str]:
    """The report's first lines; a draft read as the message quoted inside it says so."""
    lines = [f"Your {kind} draft ({reading.words} words), read as {persona_name}:"]
    if reading.extra.get("framed"):
        lines += _wrapped(
            "Read as the message quoted inside it: the words around the quotes (a post, a "
            "script's directions) are someone else's and are not judged.",
            "",
            "",
        )
    return [*lines, ""]


def render(result: Any, data: dict[str, Any], persona_name: str, specs: Any = None) -> str:
    """The plain-text report: marked draft, verdict with reasons, problems, what works, fixes."""
    from simulator.practice import CRITERION_NAMES, standard_lexicon

    specs = specs or standard_lexicon().specs
    reading, decision = result.reading, result.decision
    stage = data["stage"]
    problems = [s for s in reading.negatives()]
    numbered = [
        (s.start, s.end, i)
        for i, s in enumerate(problems, 1)
        if s.end > s.start and s.part == "body"
    ]
    kind = stage.replace("_", "-")
    lines = _header(reading, kind, persona_name)
    for paragraph in mark(reading.text, numbered).split("\n"):
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent="  ", subsequent_indent="  ") or [
            ""
        ]
    words = VERDICT_WORDS.get("outreach" if stage == "follow_up" else stage, {})
    lines.append("")
    lines += _wrapped(
        f"Verdict: {decision.reply} - {words.get(decision.reply, decision.reply)}.", ""
    )
    for reason in decision.reasons:
        lines += _wrapped(reason, "  - ")
    if stage == "meeting" and reading.topic:
        lines.append(f"  topic: {reading.topic.replace('_', ' ')}")
    if problems:
        lines += ["", "Problems:"]
        for i, signal in enumerate(problems, 1):
            spec = specs[signal.id]
            where = _where(signal)
            criterion = CRITERION_NAMES.get(spec.criterion, spec.criterion).lower()
            lines += _wrapped(f"{spec.words} ({criterion}, {spec.points:+d}): {where}", f"  [{i}] ")
            lines += _wrapped(spec.rule, "      rule: ", "            ")
            lines += _wrapped(spec.tip, "      fix:  ", "            ")
            if spec.rewrite:
                lines += _wrapped(spec.rewrite, "      e.g.  ", "            ")
    good = [s for s in reading.signals if s.polarity == "positive"]
    if good:
        lines += ["", "What works:"]
        seen: set[str] = set()
        for signal in good:
            if signal.id not in seen:
                seen.add(signal.id)
                spec = specs[signal.id]
                quote = f"\u201c{_kept(signal.quote)}\u201d"
                lines += _wrapped(f"{spec.words}: {quote} - {spec.rule}", "  + ")
    if data["tips"]:
        lines += ["", "Three things to fix first:" if problems else "To make it stronger:"]
        for i, tip in enumerate(data["tips"], 1):
            lines += _wrapped(tip, f"  {i}. ", "     ")
    elif not problems:
        lines += ["", "Nothing to fix: it is short, specific and easy to say yes to."]
    return "\n".join(lines)
