"""Checks across content files, without a UI: what a schema alone cannot see.

A scenario names a persona, line groups and signals; its stages must be reachable, its
events must fall inside the meeting, its weights and pass mark must make sense, and its
checks must fit its stages. A persona should have the line groups the engine asks for.
The checks read the files' plain data (not the models), so they still run, and still
point at ``line:col``, when a file also has schema errors.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from simulator.authoring import sanity
from simulator.content.errors import ContentError
from simulator.content.models import MeetingStage, Rubric, Temperament
from simulator.content.safe_yaml import Located, Path_
from simulator.conversation.identities import PLACEHOLDERS
from simulator.conversation.judgement import FOLLOW_UP_POINTS, OUTREACH_POINTS
from simulator.conversation.lines import FALLBACKS, STANDARD_GROUPS
from simulator.conversation.machine import describe
from simulator.core.criteria import BASE, CRITERIA, DEFAULT_WEIGHTS, GRADED_ONLY_WITH
from simulator.reading import standard_lexicon

MIN_ALTERNATIVES = 2
"""A line group with fewer alternatives makes the persona repeat itself or fall silent."""
_PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_]+)\}")


def signal_ids() -> list[str]:
    """Every signal id of the standard lexicon."""
    return sorted(standard_lexicon().specs)


def _suggest(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _get(data: Any, *path: str | int) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
        elif not isinstance(data, dict):
            return None
        data = data[part] if isinstance(part, int) else data.get(part)
    return data


def _strings(value: Any) -> list[tuple[int, str]]:
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


class _Findings:
    """Collects positioned errors and warnings for one file."""

    def __init__(self, located: Located) -> None:
        self.located = located
        self.items: list[ContentError] = []

    def error(self, path: Path_, message: str, *, at_value: bool = True) -> None:
        self.items.append(self.located.error(path, message, at_value=at_value))

    def warn(self, path: Path_, message: str, *, at_value: bool = True) -> None:
        self.items.append(self.located.error(path, message, at_value=at_value, warning=True))


# --------------------------------------------------------------------------- scenario


def check_scenario(located: Located, persona: Located | None) -> list[ContentError]:
    """Cross-file and semantic checks of one scenario (``persona`` None when not found)."""
    out = _Findings(located)
    data = located.data if isinstance(located.data, dict) else {}
    signals = set(signal_ids()) | set(sanity.new_signal_specs(data))
    stages = [name for name in ("outreach", "meeting", "thank_you") if _get(data, "stages", name)]
    lines = _get(persona.data, "lines") if persona is not None else None
    groups = set(lines) if isinstance(lines, dict) else None
    _signal_refs(out, data, signals)
    _events(out, data, groups, persona)
    _reachable(out, stages, persona)
    _weights(out, data, stages)
    _checks(out, data, stages, signals)
    sanity.check_signals(out, data)
    sanity.check_blockers(out, data)
    sanity.check_expectations(out, data, stages)
    _placeholders(out, data, ("brief",), "brief")
    _placeholders(out, data, ("stages", "thank_you", "recap"), "recap")
    return out.items


def _signal_refs(out: _Findings, data: Any, signals: set[str]) -> None:
    for i, blocker in _strings(_get(data, "rubric", "blockers")):
        if blocker not in signals:
            out.error(
                ("rubric", "blockers", i), f"unknown signal '{blocker}'{_suggest(blocker, signals)}"
            )
    lexicon = _get(data, "lexicon")
    if isinstance(lexicon, dict):
        for key in lexicon:
            if key not in signals:
                message = f"lexicon: unknown signal '{key}'{_suggest(key, signals)}"
                out.error(
                    ("lexicon", key),
                    message + " (phrases only extend standard signals)",
                    at_value=False,
                )
    for n, _check in enumerate(_get(data, "checks") or []):
        for field in ("findings", "absent"):
            for i, sid in _strings(_get(data, "checks", n, "expect", field)):
                if sid not in signals:
                    out.error(
                        ("checks", n, "expect", field, i),
                        f"unknown signal '{sid}'{_suggest(sid, signals)}",
                    )


def _events(out: _Findings, data: Any, groups: set[str] | None, persona: Located | None) -> None:
    meeting = _get(data, "stages", "meeting")
    if not isinstance(meeting, dict):
        return
    defaults = MeetingStage()
    minutes = _int(meeting.get("minutes"), defaults.minutes)
    max_minutes = _int(
        _get(persona.data if persona else None, "temperament", "max_minutes"),
        Temperament().max_minutes,
    )
    granted = min(minutes, max_minutes)
    warn_at = _int(meeting.get("warn_at_remaining"), defaults.warn_at_remaining)
    if warn_at >= minutes:
        out.warn(
            ("stages", "meeting", "warn_at_remaining"),
            f"the time warning at {warn_at} minutes left comes before the "
            f"{minutes}-minute meeting starts",
        )
    sanity.check_events(out, meeting, minutes)
    for i, event in enumerate(_get(meeting, "events") or []):
        if not isinstance(event, dict):
            continue
        at = event.get("at")
        if isinstance(at, int) and not isinstance(at, bool):
            if at >= minutes:
                out.error(
                    ("stages", "meeting", "events", i, "at"),
                    f"event at minute {at} falls outside the meeting (minutes: {minutes}); "
                    f"use a minute below {minutes}",
                )
            elif at >= granted:
                out.warn(
                    ("stages", "meeting", "events", i, "at"),
                    f"event at minute {at} never happens: "
                    f"the persona grants at most {granted} minutes",
                )
        window = event.get("between")
        first = window[0] if isinstance(window, list) and window else None
        if isinstance(first, int) and minutes > first >= granted:
            out.warn(
                ("stages", "meeting", "events", i, "between"),
                f"the window starts at minute {first}, and the persona grants at most "
                f"{granted} minutes: this event never happens",
            )
        group = event.get("line_group")
        if isinstance(group, str) and groups is not None and group not in groups:
            out.error(
                ("stages", "meeting", "events", i, "line_group"),
                f"the persona has no line group '{group}'{_suggest(group, groups)}",
            )


def _max_outreach_points() -> int:
    return sum(v for v in OUTREACH_POINTS.values() if v > 0) + FOLLOW_UP_POINTS


def _reachable(out: _Findings, stages: list[str], persona: Located | None) -> None:
    if not stages:
        return
    rows = describe(stages)
    seen, frontier = {stages[0]}, [stages[0]]
    while frontier:
        here = frontier.pop()
        for source, _trigger, dest, _guard in rows:
            if source == here and dest not in seen:
                seen.add(dest)
                frontier.append(dest)
    for stage in [*stages, "debrief"]:
        if stage not in seen:
            out.error(
                ("stages", stage) if stage != "debrief" else ("stages",),
                f"stage '{stage}' can never be reached",
            )
    threshold = _int(
        _get(persona.data if persona else None, "temperament", "accept_threshold"),
        Temperament().accept_threshold,
    )
    best = _max_outreach_points()
    if stages[0] == "outreach" and len(stages) > 1 and threshold > best:
        out.error(
            ("stages", stages[1]),
            f"stage '{stages[1]}' can never be reached: the persona needs {threshold} points "
            f"to say yes, and an outreach earns at most {best}",
            at_value=False,
        )


def _weights(out: _Findings, data: Any, stages: list[str]) -> None:
    rubric = _get(data, "rubric")
    rubric = rubric if isinstance(rubric, dict) else {}
    raw = rubric.get("weights")
    weights: dict[str, int] = {str(k): v for k, v in DEFAULT_WEIGHTS.items()}
    if raw is not None:
        weights = {}
        if isinstance(raw, dict):
            weights = {str(k): v for k, v in raw.items() if isinstance(v, int)}
    applicable = [c for c in CRITERIA if c not in GRADED_ONLY_WITH or GRADED_ONLY_WITH[c] in stages]
    for criterion, weight in weights.items():
        needs = GRADED_ONLY_WITH.get(criterion)
        if raw is not None and weight and needs and needs not in stages:
            path = ("rubric", "weights", criterion)
            out.warn(
                path,
                f"'{criterion}' is never graded in a scenario without a "
                f"{needs.replace('_', '-')} stage: its weight is ignored",
                at_value=False,
            )
    total = sum(weights.get(c, 0) for c in applicable)
    if isinstance(raw, dict) and not set(raw) <= set(CRITERIA):
        return  # an unknown criterion is reported by the schema check; the sums would mislead
    if isinstance(raw, dict) and total <= 0:
        out.error(
            ("rubric", "weights"),
            f"the weights of the criteria this scenario grades ({', '.join(applicable)}) "
            "add up to 0: give at least one a weight",
        )
        return
    pass_mark = _int(rubric.get("pass_mark"), Rubric().pass_mark)
    specs = standard_lexicon().specs.values()
    best_total = 0.0
    for criterion in applicable:
        gain = sum(s.points for s in specs if s.criterion == criterion and s.points > 0)
        best_total += weights.get(criterion, 0) * min(100, BASE[criterion] + gain)
    best = round(best_total / total) if total else 0
    if pass_mark > best:
        out.error(
            ("rubric", "pass_mark"),
            f"pass mark {pass_mark} can never be reached: the best possible score here is {best}",
        )


def _checks(out: _Findings, data: Any, stages: list[str], signals: set[str]) -> None:
    for n, check in enumerate(_get(data, "checks") or []):
        if not isinstance(check, dict):
            continue
        script: dict[str, Any] = check.get("script") or {}
        expect: dict[str, Any] = check.get("expect") or {}
        if not isinstance(script, dict) or not isinstance(expect, dict):
            continue
        here = ("checks", n)
        if (
            stages
            and stages[0] == "outreach"
            and script.get("outreach") is None
            and "script" in check
        ):
            out.error(
                (*here, "script"), "the script needs an outreach: this scenario starts with one"
            )
        for part, stage in (
            ("outreach", "outreach"),
            ("follow_ups", "outreach"),
            ("meeting", "meeting"),
            ("thank_you", "thank_you"),
        ):
            if script.get(part) and stage not in stages:
                out.warn(
                    (*here, "script", part),
                    f"never used: this scenario has no {stage.replace('_', '-')} stage",
                    at_value=False,
                )
        if expect.get("reply") is not None and "outreach" not in stages:
            out.error(
                (*here, "expect", "reply"),
                "this scenario has no outreach, so there is no reply to expect",
            )
        both = {f for _, f in _strings(expect.get("findings"))} & {
            f for _, f in _strings(expect.get("absent"))
        }
        for sid in sorted(both & signals):
            out.error(
                (*here, "expect", "absent"),
                f"'{sid}' is expected both present (findings) and absent",
            )


def _placeholders(
    out: _Findings, data: Any, path: Path_, what: str, allowed: Iterable[str] = PLACEHOLDERS
) -> None:
    text = _get(data, *path)
    if not isinstance(text, str):
        return
    known = list(allowed)
    for name in dict.fromkeys(_PLACEHOLDER.findall(text)):
        if name not in known:
            out.warn(
                path,
                f"{what}: unknown placeholder {{{name}}} is shown as written"
                f"{_suggest(name, known)}",
            )


# --------------------------------------------------------------------------- persona


def check_persona(located: Located) -> list[ContentError]:
    """Semantic checks of one persona: line groups, placeholders, sensitivity signals."""
    out = _Findings(located)
    data = located.data if isinstance(located.data, dict) else {}
    lines = data.get("lines")
    if isinstance(lines, dict):
        missing = [g for g in STANDARD_GROUPS if g not in lines]
        if missing:
            shown = ", ".join(_with_fallback(g, lines) for g in missing)
            out.warn(("lines",), f"missing standard line groups: {shown}", at_value=False)
        for group, alternatives in lines.items():
            if isinstance(alternatives, list) and 0 < len(alternatives) < MIN_ALTERNATIVES:
                out.warn(
                    ("lines", group),
                    f"line group '{group}' has only {len(alternatives)} alternative; give it "
                    f"at least {MIN_ALTERNATIVES} so the persona does not run out",
                    at_value=False,
                )
            allowed = (*PLACEHOLDERS, "remaining") if group == "time_warning" else PLACEHOLDERS
            for i, _line in _strings(alternatives):
                _placeholders(out, data, ("lines", group, i), f"line group '{group}'", allowed)
    sanity.check_never_says(out, data)
    signals = set(signal_ids())
    sensitivity = _get(data, "temperament", "sensitivity")
    if isinstance(sensitivity, dict):
        for key in sensitivity:
            if key not in signals:
                out.error(
                    ("temperament", "sensitivity", key),
                    f"unknown signal '{key}'{_suggest(key, signals)}",
                    at_value=False,
                )
    return out.items


def _with_fallback(group: str, lines: dict[str, Any]) -> str:
    for fallback in FALLBACKS.get(group, ()):
        if fallback in lines:
            return f"{group} (falls back to {fallback})"
    return group
