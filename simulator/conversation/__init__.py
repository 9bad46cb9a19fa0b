"""The conversation engine: sessions, the stage machine, persona reactions, transcripts."""

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
