"""The one headless way to play: start, send, preview, finish, grade once, save, export.

Every client (the app, plain mode, ``run``, ``play``, ``resume``, homework) plays
through this package, and reaches the engine, the reader and the grader only through
the names it exports here (import-linter checks that; see docs/architecture.md).

- ``Attempt``: a recorded session; ``send``, ``preview`` (live hints), ``finish``
  (grades once, saves, calls the finish hook once), ``submit`` (homework),
  ``save_copy``, ``rewind``.
- ``preview``: the draft check's and ``analyze``'s reading and decision.
- ``report_for`` / ``report_on``: the one place a session is graded.
- ``play_script``: a scripted learner, played and graded.
- ``FORMATS`` / ``export``: the export format registry.
- ``AppOptions`` / ``AppFactory``: how commands open the app without knowing it.

Importing the package is cheap: each name is imported on first use (``__getattr__``), so
``simulator`` opening the app (``AppOptions``) and ``analyze`` (``preview``) load only the
engine parts they use. ``preview`` and ``export`` are also the names of submodules: their
(light) modules are imported here, so the functions, not the modules, hold those names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator import lazy
from simulator.practice.export import FORMATS, ExportFormat, export, render_export
from simulator.practice.preview import STAGES, preview, preview_bundle, read_only, scenario_lexicon

if TYPE_CHECKING:
    from simulator.conversation import (
        FollowUp,
        Input,
        InputError,
        Outreach,
        Say,
        Session,
        Skip,
        Stage,
        ThankYou,
        Transcript,
        Turn,
        parse_input,
        replay,
    )
    from simulator.conversation.identities import fill, generate
    from simulator.conversation.inputs import MAX_INPUT_CHARS
    from simulator.conversation.judgement import Decision, Judgement
    from simulator.core.criteria import CRITERION_NAMES
    from simulator.core.transcript import end_reason_words, stage_words
    from simulator.core.words import plural
    from simulator.grading import (
        CriterionScore,
        Finding,
        Report,
        report_markdown,
        report_text,
        to_json,
        transcript_text,
    )
    from simulator.grading.html import highlight
    from simulator.grading.outcome import outcome_words
    from simulator.practice.attempt import Attempt, FinishHook, Mode, Submitter
    from simulator.practice.clients import AppFactory, AppOptions, RunnableApp
    from simulator.practice.scoring import report_for, report_on
    from simulator.practice.scripted import PlayedScript, play_script
    from simulator.reading import Lexicon, Reading, signal_words, standard_lexicon

_LAZY = {
    "FollowUp": "simulator.conversation",
    "Input": "simulator.conversation",
    "InputError": "simulator.conversation",
    "Outreach": "simulator.conversation",
    "Say": "simulator.conversation",
    "Session": "simulator.conversation",
    "Skip": "simulator.conversation",
    "Stage": "simulator.conversation",
    "ThankYou": "simulator.conversation",
    "Transcript": "simulator.conversation",
    "Turn": "simulator.conversation",
    "parse_input": "simulator.conversation",
    "replay": "simulator.conversation",
    "fill": "simulator.conversation.identities",
    "generate": "simulator.conversation.identities",
    "MAX_INPUT_CHARS": "simulator.conversation.inputs",
    "Decision": "simulator.conversation.judgement",
    "Judgement": "simulator.conversation.judgement",
    "CRITERION_NAMES": "simulator.core.criteria",
    "end_reason_words": "simulator.core.transcript",
    "stage_words": "simulator.core.transcript",
    "plural": "simulator.core.words",
    "CriterionScore": "simulator.grading",
    "Finding": "simulator.grading",
    "Report": "simulator.grading",
    "report_markdown": "simulator.grading",
    "report_text": "simulator.grading",
    "to_json": "simulator.grading",
    "transcript_text": "simulator.grading",
    "highlight": "simulator.grading.html",
    "outcome_words": "simulator.grading.outcome",
    "Attempt": "simulator.practice.attempt",
    "FinishHook": "simulator.practice.attempt",
    "Mode": "simulator.practice.attempt",
    "Submitter": "simulator.practice.attempt",
    "AppFactory": "simulator.practice.clients",
    "AppOptions": "simulator.practice.clients",
    "RunnableApp": "simulator.practice.clients",
    "report_for": "simulator.practice.scoring",
    "report_on": "simulator.practice.scoring",
    "PlayedScript": "simulator.practice.scripted",
    "play_script": "simulator.practice.scripted",
    "Lexicon": "simulator.reading",
    "Reading": "simulator.reading",
    "signal_words": "simulator.reading",
    "standard_lexicon": "simulator.reading",
}
"""Where each exported name lives (imported on first use)."""

__all__ = [
    "CRITERION_NAMES",
    "FORMATS",
    "MAX_INPUT_CHARS",
    "STAGES",
    "AppFactory",
    "AppOptions",
    "Attempt",
    "CriterionScore",
    "Decision",
    "ExportFormat",
    "Finding",
    "FinishHook",
    "FollowUp",
    "Input",
    "InputError",
    "Judgement",
    "Lexicon",
    "Mode",
    "Outreach",
    "PlayedScript",
    "Reading",
    "Report",
    "RunnableApp",
    "Say",
    "Session",
    "Skip",
    "Stage",
    "Submitter",
    "ThankYou",
    "Transcript",
    "Turn",
    "end_reason_words",
    "export",
    "fill",
    "generate",
    "highlight",
    "outcome_words",
    "parse_input",
    "play_script",
    "plural",
    "preview",
    "preview_bundle",
    "read_only",
    "render_export",
    "replay",
    "report_for",
    "report_markdown",
    "report_on",
    "report_text",
    "scenario_lexicon",
    "signal_words",
    "stage_words",
    "standard_lexicon",
    "to_json",
    "transcript_text",
]


__getattr__ = lazy.exports(__name__, _LAZY)
