"""The conversation engine: sessions, the stage machine, persona reactions, transcripts.

Names are imported on first use (``__getattr__``): reading a draft through
``judgement.judge`` (``analyze``, the draft check) never loads the session, the stage
machine (transitions) or the scripted runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator import lazy

if TYPE_CHECKING:
    from simulator.conversation.inputs import (
        FollowUp,
        Input,
        InputError,
        Outreach,
        Say,
        Skip,
        ThankYou,
        parse_input,
    )
    from simulator.conversation.judgement import Decision, decide
    from simulator.conversation.machine import Stage
    from simulator.conversation.scripted import replay
    from simulator.conversation.session import Session
    from simulator.core.transcript import Transcript, Turn

_LAZY = {
    "FollowUp": "simulator.conversation.inputs",
    "Input": "simulator.conversation.inputs",
    "InputError": "simulator.conversation.inputs",
    "Outreach": "simulator.conversation.inputs",
    "Say": "simulator.conversation.inputs",
    "Skip": "simulator.conversation.inputs",
    "ThankYou": "simulator.conversation.inputs",
    "parse_input": "simulator.conversation.inputs",
    "Decision": "simulator.conversation.judgement",
    "decide": "simulator.conversation.judgement",
    "Stage": "simulator.conversation.machine",
    "replay": "simulator.conversation.scripted",
    "Session": "simulator.conversation.session",
    "Transcript": "simulator.core.transcript",
    "Turn": "simulator.core.transcript",
}
"""Where each exported name lives (imported on first use)."""

__all__ = [
    "Decision",
    "FollowUp",
    "Input",
    "InputError",
    "Outreach",
    "Say",
    "Session",
    "Skip",
    "Stage",
    "ThankYou",
    "Transcript",
    "Turn",
    "decide",
    "parse_input",
    "replay",
]


__getattr__ = lazy.exports(__name__, _LAZY)
