"""What a scenario changes in the core, without a UI: signals, criterion labels, outcomes.

A scenario owns its words: a rule, tip or rewrite per signal, a label per criterion, the
words for what happened to an outreach. It also owns its evidence: phrases added or
dropped, words that cancel a signal, a signal switched off, new signals built like
built-in ones. Nothing here is a pattern: phrases are plain words. And it owns its
interruptions: at a minute or at a seeded minute of a window, some ending the meeting.
"""

from __future__ import annotations

import sys
from typing import Annotated

from pydantic import Field, StrictInt, StrictStr, field_validator, model_validator

from simulator.content.base import FileKind, Line, Phrase, Slug, Strict, describe_later


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
    label: Line | None = None
    """The signal in plain words, as learners see it ("asks to shadow a shift"); a new
    signal without one is shown as its id made readable."""
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


class MeetingEvent(Strict):
    """Something that happens at a minute of the meeting (an interruption)."""

    at: StrictInt | None = Field(default=None, ge=1, le=180)
    """Meeting minute at which it happens (or give `between` for a random minute)."""
    between: tuple[StrictInt, StrictInt] | None = None
    """A window [first, last] of minutes: the minute is drawn from the session's seed."""
    line_group: Slug
    """The persona line group said when it happens."""
    minutes: StrictInt = Field(default=1, ge=0, le=30)
    """Meeting minutes it takes up."""
    ends_meeting: bool = False
    """The interruption ends the meeting there (a code call, a fire alarm)."""

    @field_validator("between", mode="before")
    @classmethod
    def _window_from_list(cls, value: object) -> object:
        if isinstance(value, list) and len(value) == 2:
            return tuple(value)
        if isinstance(value, list):
            raise ValueError("between is a window of two minutes: [first, last]")
        return value

    @field_validator("between")
    @classmethod
    def _window_in_order(cls, value: tuple[int, int] | None) -> tuple[int, int] | None:
        if value is not None and not 1 <= value[0] <= value[1] <= 180:
            raise ValueError("between is [first, last] with 1 <= first <= last <= 180")
        return value

    @model_validator(mode="after")
    def _one_time(self) -> MeetingEvent:
        if (self.at is None) == (self.between is None):
            raise ValueError("give an event either `at` (a minute) or `between` (a window)")
        return self

    @property
    def earliest(self) -> int:
        """The first minute at which the event can happen."""
        return self.at if self.at is not None else (self.between or (1, 1))[0]

    @property
    def latest(self) -> int:
        """The last minute at which the event can happen."""
        return self.at if self.at is not None else (self.between or (1, 1))[1]


describe_later(sys.modules[__name__])
