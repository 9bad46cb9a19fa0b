"""What a scenario changes in the core, without a UI: signals, criterion labels, outcomes.

A scenario owns its words: a rule, tip or rewrite per signal, a label per criterion, the
words for what happened to an outreach. It also owns its evidence: phrases added or
dropped, words that cancel a signal, a signal switched off, new signals built like
built-in ones. Nothing here is a pattern: phrases are plain words.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictStr

from simulator.content.base import FileKind, Line, Phrase, Slug, Strict


class LearnerFile(Strict):
    """A file the learner may attach, with its declared kind."""

    name: Annotated[StrictStr, Field(min_length=1, max_length=120)]
    """The file name, e.g. my-story.pdf."""
    kind: FileKind
    """What it is: resume, cv, cover_letter, portfolio, transcript, writing_sample or other."""


class SignalSettings(Strict):
    """How a scenario changes one signal: its words, its phrases, or whether it counts."""

    off: bool = False
    """Switch the signal off in this scenario: it is never reported."""
    like: Slug | None = None
    """For a new signal: the built-in signal it copies (polarity, criterion, points, family)."""
    topic: Slug | None = None
    """For a new question signal: the meeting topic it stands for (the persona answers
    with `answer_<topic>`, falling back to `answer_other`)."""
    phrases: list[Phrase] = Field(default_factory=list, max_length=200)
    """Phrases that show the signal (added to the built-in ones)."""
    drop: list[Phrase] = Field(default_factory=list, max_length=200)
    """Built-in phrases of the signal to switch off in this scenario."""
    unless: list[Phrase] = Field(default_factory=list, max_length=50)
    """Words that, in the same sentence as a match, show it means something else here
    (`bypass_application: {unless: [course]}` lets "I applied to a course" pass)."""
    rule: Line | None = None
    """The rule shown in the debrief, in this scenario's words."""
    tip: Line | None = None
    """The tip shown in the debrief."""
    rewrite: Line | None = None
    """An example of better wording, shown beside the tip."""


class CriterionWording(Strict):
    """How a scenario names one criterion in the debrief."""

    label: Annotated[StrictStr, Field(min_length=1, max_length=80)]
    """The criterion's name in the debrief, e.g. "Not asking for a shift"."""


class OutcomeWording(Strict):
    """What the debrief says happened to the outreach, in this scenario's words."""

    redirect: Line | None = None
    """What the persona did instead of meeting, e.g. "pointed you to the Volunteer &
    Education office". Default: "sent you elsewhere"."""
    silence: Line | None = None
    """Default: "never replied"."""
