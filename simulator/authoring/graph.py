"""Draw a scenario's stage machine, without a UI: Mermaid or Graphviz DOT text.

The edges come from the real machine (``conversation.machine.describe``), so the drawing
cannot drift from what sessions do. Guards are shown on the edges; the meeting's length,
time warning and scripted events are noted beside the meeting.
"""

from __future__ import annotations

from simulator.content import Bundle
from simulator.content.models import MeetingEvent
from simulator.conversation.machine import describe

FORMATS = ("mermaid", "dot")


def edges(bundle: Bundle) -> list[tuple[str, str, str]]:
    """(source, dest, label) for every transition, guards in brackets."""
    rows = describe(bundle.scenario.stage_names())
    threshold = bundle.persona.temperament.accept_threshold
    guarded = {(s, t) for s, t, _d, g in rows if g}
    out = []
    for source, trigger, dest, guard in rows:
        label = trigger
        if guard:
            label += f" [{guard}]"
        elif (source, trigger) in guarded:
            label += " [otherwise]"
        if trigger == "persona_accepts":
            label += f" [outreach points >= {threshold}]"
        out.append((source, dest, label))
    return out


def states(bundle: Bundle) -> list[str]:
    """The stages a session of this scenario can be in, in order."""
    found: list[str] = []
    for source, dest, _label in edges(bundle):
        for state in (source, dest):
            if state not in found:
                found.append(state)
    first = bundle.scenario.stage_names()[0]
    order = ["outreach", "waiting", "meeting", "thank_you", "debrief"]
    return sorted(set(found) | {first, "debrief"}, key=order.index)


def notes(bundle: Bundle) -> dict[str, list[str]]:
    """Facts worth seeing beside a stage (meeting length, events, limits)."""
    stages = bundle.scenario.stages
    out: dict[str, list[str]] = {}
    if stages.outreach:
        o = stages.outreach
        facts = [f"{o.channel}; reply after {o.reply_after_days} days"]
        if o.max_chars:
            facts.append(f"at most {o.max_chars} characters")
        out["outreach"] = facts
    if stages.meeting:
        m = stages.meeting
        granted = min(m.minutes, bundle.persona.temperament.max_minutes)
        facts = [f"up to {granted} minutes; time warning at {m.warn_at_remaining} left"]
        facts += [
            f"minute {_when(e)}: {e.line_group} ({e.minutes} min{_ends(e)})" for e in m.events
        ]
        out["meeting"] = facts
    if stages.thank_you:
        out["thank_you"] = [f"on time within {stages.thank_you.within_hours} hours"]
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def mermaid(bundle: Bundle) -> str:
    """A Mermaid ``stateDiagram-v2`` of the scenario."""
    scenario = bundle.scenario
    lines = [
        "stateDiagram-v2",
        f"    %% {scenario.id}: {_one_line(scenario.title)}",
        "    direction LR",
        f"    [*] --> {scenario.stage_names()[0]}",
    ]
    lines += [f"    {s} --> {d}: {label}" for s, d, label in edges(bundle)]
    lines.append("    debrief --> [*]")
    for state, facts in notes(bundle).items():
        lines.append(f"    note right of {state}")
        lines += [f"        {fact}" for fact in facts]
        lines.append("    end note")
    return "\n".join(lines) + "\n"


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot(bundle: Bundle) -> str:
    """A Graphviz DOT digraph of the scenario."""
    scenario = bundle.scenario
    facts = notes(bundle)
    lines = [
        f"// {scenario.id}: {_one_line(scenario.title)}",
        f"digraph {_dot_quote(scenario.id)} {{",
        "    rankdir=LR;",
        "    node [shape=box, style=rounded];",
        "    start [shape=point];",
    ]
    for state in states(bundle):
        label = "\\n".join([state, *facts.get(state, [])])
        shape = ", shape=doublecircle" if state == "debrief" else ""
        lines.append(f'    {state} [label="{label}"{shape}];')
    lines.append(f"    start -> {scenario.stage_names()[0]};")
    lines += [f"    {s} -> {d} [label={_dot_quote(label)}];" for s, d, label in edges(bundle)]
    lines.append("}")
    return "\n".join(lines) + "\n"


def draw(bundle: Bundle, fmt: str = "mermaid") -> str:
    """The stage machine in one of ``FORMATS``."""
    return dot(bundle) if fmt == "dot" else mermaid(bundle)


def _when(event: MeetingEvent) -> str:
    if event.at is not None:
        return str(event.at)
    first, last = event.between or (1, 1)
    return f"{first}-{last}"


def _ends(event: MeetingEvent) -> str:
    return "; ends the meeting" if event.ends_meeting else ""
