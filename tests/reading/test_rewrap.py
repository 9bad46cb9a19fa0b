"""Property: re-wrapping a message at any width from 40 to 100 columns, as a mail client
or a YAML block does, changes no signal and no verdict (issue 12)."""

from __future__ import annotations

import json
import textwrap
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.content import Library
from simulator.content.models import Persona
from simulator.conversation.judgement import judge

CORPUS = Path(__file__).resolve().parents[1] / "data" / "reader_corpus.jsonl"
STAGE_BY_KIND = {
    "outreach": "outreach",
    "followup": "follow_up",
    "meeting_line": "meeting",
    "question": "meeting",
}


@cache
def items() -> list[dict[str, str]]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@cache
def persona() -> Persona:
    found, _, _ = Library().load_persona("hr-manager-review-season")
    return found


def rewrap(text: str, width: int) -> str:
    return "\n".join(
        textwrap.fill(line, width, break_on_hyphens=False, break_long_words=False) or line
        for line in text.split("\n")
    )


def outcome(text: str, stage: str) -> tuple[list[str], str]:
    result = judge(text, stage, persona())
    return sorted(set(result.reading.ids())), result.decision.reply


@settings(max_examples=60, deadline=None, derandomize=True)
@given(index=st.integers(min_value=0, max_value=10_000), width=st.integers(40, 100))
def test_rewrapping_changes_no_signal_and_no_verdict(index: int, width: int) -> None:
    item = items()[index % len(items())]
    stage = item.get("stage") or STAGE_BY_KIND[item["kind"]]
    stage = "follow_up" if stage == "followup" else stage
    assert outcome(rewrap(item["text"], width), stage) == outcome(item["text"], stage)


def test_every_corpus_item_survives_the_narrowest_usual_and_widest_wraps() -> None:
    for item in items():
        stage = item.get("stage") or STAGE_BY_KIND[item["kind"]]
        stage = "follow_up" if stage == "followup" else stage
        before = outcome(item["text"], stage)
        seen = {item["text"]}  # a wrap that changes no character reads the same text again
        for width in (40, 72, 100):
            wrapped = rewrap(item["text"], width)
            if wrapped in seen:
                continue
            seen.add(wrapped)
            assert outcome(wrapped, stage) == before, (item["id"], width)
