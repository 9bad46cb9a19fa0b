"""Reading learner text, without a UI: signals with quotes and spans, topics, time asks."""

from simulator.reading.lexicon import (
    Lexicon,
    SignalSpec,
    scenario_lexicon,
    signal_words,
    standard_lexicon,
)
from simulator.reading.model import Context, Reading, Signal, TimeAsk
from simulator.reading.pitches import PITCH_IDS
from simulator.reading.questions import TOPIC_SIGNALS
from simulator.reading.reader import read

__all__ = [
    "PITCH_IDS",
    "TOPIC_SIGNALS",
    "Context",
    "Lexicon",
    "Reading",
    "Signal",
    "SignalSpec",
    "TimeAsk",
    "read",
    "scenario_lexicon",
    "signal_words",
    "standard_lexicon",
]
