"""Scenario and persona models, without a UI: what a content file may say, checked strictly.

Every model forbids unknown fields (the loader turns that into a did-you-mean) and uses
strict strings, so YAML 1.1 surprises (``no`` -> False, ``12:30`` -> 750) are reported
instead of silently changing an author's words.
"""

from __future__ import annotations

import sys
from typing import Annotated, Literal

from pydantic import (
    Field,
    StrictInt,
    StrictStr,
    field_validator,
)

from simulator.content.base import (
    FILE_KINDS,
    PITCH_FILE_KINDS,
    FileKind,
    Line,
    Percent,
    Phrase,
    ReplyKind,
    Slug,
    Strict,
    Text,
    describe_later,
)
from simulator.content.custom import (
    CriterionWording,
    LearnerFile,
    MeetingEvent,
    OutcomeWording,
    SignalSettings,
)
from simulator.core.criteria import CRITERIA as CRITERIA
from simulator.core.criteria import DEFAULT_WEIGHTS as DEFAULT_WEIGHTS
from simulator.core.criteria import Criterion as Criterion

__all__ = [
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "FILE_KINDS",
    "PITCH_FILE_KINDS",
    "Criterion",
    "CriterionWording",
    "FileKind",
    "LearnerFile",
    "Line",
    "MeetingEvent",
    "OutcomeWording",
    "Percent",
    "Phrase",
    "ReplyKind",
    "SignalSettings",
    "Slug",
    "Strict",
    "Text",
]


# --------------------------------------------------------------------------- persona


class Meters(Strict):
    """Where the persona's meters start, 0-100."""

    patience: Percent = 60
    """How much the persona will put up with before ending the exchange."""
    rapport: Percent = 40
    """How warm the persona feels towards the learner."""


class Temperament(Strict):
    """How the persona decides: thresholds the shared judgement code reads."""

    accept_threshold: StrictInt = Field(default=2, ge=-10, le=10)
    """Outreach points needed for a yes (see docs/authoring.md for the points)."""
    on_pitch: Literal["redirect", "silence"] = "redirect"
    """What the persona does with an outreach that pitches for a job."""
    max_minutes: StrictInt = Field(default=20, ge=5, le=90)
    """The most meeting time the persona will ever grant; an ask for more (capped at 30
    minutes) reads as a long time ask to this persona."""
    max_words: StrictInt = Field(default=150, ge=20, le=2000)
    """An outreach longer than this reads as a long message to this persona (the app's
    word counter aims at it too)."""
    pitch_files: list[FileKind] = Field(
        default_factory=lambda: list(PITCH_FILE_KINDS), max_length=len(FILE_KINDS)
    )
    """Kinds of attached file that read as a pitch when nobody asked for them (by the
    file's name, or by the kind the scenario declares in `learner.files`)."""
    min_follow_up_days: StrictInt = Field(default=5, ge=0, le=60)
    """A follow-up sooner than this after the first message reads as pushy."""
    sensitivity: dict[Slug, Annotated[float, Field(ge=0, le=5)]] = Field(default_factory=dict)
    """Multipliers on how much a signal moves this persona's meters (pet peeves > 1)."""
    monologue_words: StrictInt = Field(default=120, ge=30, le=2000)
    """A meeting turn longer than this many words is a monologue to this persona."""
    thank_you_half_life_hours: StrictInt = Field(default=48, ge=1, le=24 * 30)
    """How forgiving the persona is of a late thank-you: every this many hours past the
    window halves the credit for promptness (and the lateness cost grows to its maximum)."""
    warm_goodbye_rapport: Percent = 40
    """Rapport at which the persona ends a meeting warmly; below it the goodbye is cool."""
    resume_ask_rapport: Percent = 70
    """Rapport at which a persona with an ``asks_for_resume`` line group asks for the
    resume after a warm wrap-up."""
    warm_thank_you_rapport: Percent = 45
    """Rapport at which the persona answers a clean thank-you note warmly."""


class Persona(Strict):
    """A person the learner talks to: who they are, how they decide, what they say."""

    id: Slug
    """Stable id; scenarios name their persona by it."""
    name: StrictStr | None = None
    """Display name; leave empty to generate one per session (seeded)."""
    role: Line
    """Job title, e.g. "HR Manager"."""
    company: StrictStr | None = None
    """Employer; leave empty to generate one per session (seeded)."""
    archetype: Line
    """One line on who this is, shown on the persona card."""
    season: Text = ""
    """What time of year it is for them."""
    on_their_plate: list[Line] = Field(default_factory=list, max_length=12)
    """What keeps them busy right now."""
    voice: Text = ""
    """How they talk. Display-only: for authors writing lines; the engine never reads it."""
    backstory: Text = ""
    """How they got into the field. Display-only: notes for the author writing the
    career-path answers; the engine never reads it."""
    advice: list[Line] = Field(default_factory=list, max_length=20)
    """What they would tell a newcomer. Display-only: notes for the author writing the
    answer lines; the engine never reads it."""
    never_says: list[Line] = Field(default_factory=list, max_length=20)
    """What this person would never say: validate warns when one of their lines says it."""
    pet_peeves: list[Line] = Field(default_factory=list, max_length=20)
    """What annoys them. Display-only (the persona card); `temperament.sensitivity` is what
    makes a peeve cost more."""
    meters: Meters = Field(default_factory=Meters)
    """Where the persona's patience and rapport start."""
    temperament: Temperament = Field(default_factory=Temperament)
    """How the persona decides."""
    lines: dict[Slug, Annotated[list[Line], Field(min_length=1, max_length=40)]]
    """Line groups: alternatives the persona picks from (seeded, never repeated)."""


# --------------------------------------------------------------------------- script


class EmailInput(Strict):
    """An email or message the learner sends."""

    subject: Annotated[StrictStr, Field(max_length=300)] = ""
    """The subject line (empty for a LinkedIn note)."""
    body: StrictStr
    """The message itself."""
    attachments: list[Annotated[StrictStr, Field(max_length=120)]] = Field(
        default_factory=list, max_length=10
    )
    """File names attached to the message, e.g. resume.pdf."""


class FollowUpInput(Strict):
    """A follow-up sent after some simulated days of silence."""

    after_days: StrictInt = Field(ge=0, le=365)
    """Days after the first message that the follow-up is sent."""
    subject: Annotated[StrictStr, Field(max_length=300)] = ""
    """The subject line."""
    body: StrictStr
    """The follow-up message."""


class ThankYouInput(Strict):
    """The thank-you note, sent some simulated hours after the meeting."""

    after_hours: StrictInt = Field(default=12, ge=0, le=24 * 60)
    """Hours after the meeting that the note is sent."""
    subject: Annotated[StrictStr, Field(max_length=300)] = ""
    """The subject line."""
    body: StrictStr
    """The note itself."""


class Script(Strict):
    """A scripted learner: the same shape as `simulator run --script`."""

    outreach: EmailInput | None = None
    """The first email or note (needed when the scenario starts with an outreach)."""
    follow_ups: list[FollowUpInput] = Field(default_factory=list, max_length=5)
    """Follow-ups, used one at a time while the persona stays silent."""
    meeting: list[StrictStr] = Field(default_factory=list, max_length=5000)
    """What the learner says in the meeting, one turn per item, until it ends."""
    thank_you: ThankYouInput | None = None
    """The thank-you note; without one, the learner skips it."""


# --------------------------------------------------------------------------- scenario


class PreviousMessage(Strict):
    """A message the learner already sent before the scenario starts (no reply yet)."""

    subject: Annotated[StrictStr, Field(max_length=300)] = ""
    """The subject line of that earlier message."""
    body: Text
    """What the learner wrote then."""
    days_ago: StrictInt = Field(default=8, ge=0, le=365)
    """How many days before the scenario starts it was sent."""


class OutreachStage(Strict):
    """The first contact: email or LinkedIn note."""

    channel: Literal["email", "linkedin", "phone"] = "email"
    """How the learner reaches out: an email (with a subject), a LinkedIn note, or a phone
    call (what the learner says, or leaves as a voicemail; no subject, no attachments)."""
    reply_after_days: StrictInt = Field(default=3, ge=0, le=60)
    """When the persona's answer (or the silence) arrives."""
    max_chars: StrictInt | None = Field(default=None, ge=50, le=20000)
    """A hard limit on the message length (LinkedIn notes: 300)."""
    previous: PreviousMessage | None = None
    """Set when the learner already wrote once: their outreach is then a follow-up."""


class MeetingStage(Strict):
    """The informational interview itself."""

    minutes: StrictInt = Field(default=20, ge=5, le=90)
    """The longest meeting this scenario allows (the persona may grant less)."""
    events: list[MeetingEvent] = Field(default_factory=list, max_length=10)
    """Scripted interruptions, each at a minute before the end of the meeting."""
    warn_at_remaining: StrictInt = Field(default=5, ge=1, le=30)
    """Minutes left when the persona says time is nearly up."""


class ThankYouStage(Strict):
    """The note after the meeting."""

    within_hours: StrictInt = Field(default=24, ge=1, le=24 * 30)
    """A note sent later than this many hours after the meeting counts as late."""
    recap: Text = ""
    """For a scenario without a meeting stage: what was said in the meeting that happened."""


class Stages(Strict):
    """Which stages the scenario uses, in the fixed order outreach, meeting, thank_you."""

    outreach: OutreachStage | None = None
    """The first contact; leave out to start at the meeting."""
    meeting: MeetingStage | None = None
    """The informational interview; leave out for an outreach-only scenario."""
    thank_you: ThankYouStage | None = None
    """The note after the meeting; leave out to end at the meeting."""


class Limits(Strict):
    """What an HR professional would not forgive: each fails the session whatever the score."""

    overrun_minutes: StrictInt | None = Field(default=3, ge=0, le=60)
    """A meeting this many minutes past the granted time fails (past_hard_stop); null: off."""
    length_times: StrictInt | None = Field(default=3, ge=2, le=50)
    """A message this many times the persona's word limit fails (far_too_long); null: off."""
    end_signal: bool = True
    """Talking on past the persona's time warning until they must go fails (ignored_end_signal)."""
    thank_you_required: bool = True
    """With a thank-you stage, skipping the note fails (no_thank_you)."""
    thank_you_too_late_hours: StrictInt | None = Field(default=168, ge=1, le=24 * 60)
    """A thank-you sent later than this many hours fails (late_thank_you); null: off."""
    shouting: bool = True
    """A message written in capitals fails (shouting)."""


class Facts(Strict):
    """What is true in the scenario, so the grade can tell a real claim from an invented one."""

    referred_by: list[Line] | None = None
    """Who really suggested the learner write (full names, as the brief gives them). An
    empty list means nobody did: a referral the learner claims is invented. Leave it out
    when the scenario does not say."""


class Rubric(Strict):
    """How the debrief grades the session."""

    pass_mark: StrictInt = Field(default=70, ge=0, le=100)
    """The overall score (0-100) needed to pass."""
    weights: dict[Criterion, Annotated[StrictInt, Field(ge=0, le=100)]] = Field(
        default_factory=lambda: dict(DEFAULT_WEIGHTS)
    )
    """How much each criterion counts; criteria the session never reaches are left out."""
    blockers: list[Slug] = Field(default_factory=list, max_length=20)
    """Signals that fail the session whatever the score."""
    require_accept: bool = True
    """With an outreach stage: the session passes only if the persona finally said yes."""
    limits: Limits = Field(default_factory=Limits)
    """The standard blockers and their thresholds (time, length, the thank-you, shouting)."""


class CheckExpect(Strict):
    """What a scenario check expects of a scripted session."""

    reply: ReplyKind | None = None
    """The persona's answer to the first outreach: accept, redirect or silence."""
    findings: list[Slug] = Field(default_factory=list)
    """Signals the debrief must report."""
    absent: list[Slug] = Field(default_factory=list)
    """Signals the debrief must not report."""
    score: tuple[StrictInt, StrictInt] | None = None
    """The lowest and highest acceptable overall score, e.g. [40, 70]."""
    passed: bool | None = None
    """Whether the session must pass (true) or fail (false)."""

    @field_validator("score", mode="before")
    @classmethod
    def _score_from_list(cls, value: object) -> object:
        # YAML has no tuples: accept the [low, high] list an author writes.
        if isinstance(value, list) and len(value) == 2:
            return tuple(value)
        if isinstance(value, list):
            raise ValueError("score is a range of two numbers: [low, high]")
        return value

    @field_validator("score")
    @classmethod
    def _score_in_order(cls, value: tuple[int, int] | None) -> tuple[int, int] | None:
        if value is not None and not 0 <= value[0] <= value[1] <= 100:
            raise ValueError("score is [low, high] with 0 <= low <= high <= 100")
        return value


class Check(Strict):
    """A test written in the scenario file: scripted inputs and expectations."""

    name: Line
    """What the check shows, in a few words (printed by simulator check)."""
    seed: StrictInt = 1
    """Seed for the persona's choices, so the check plays the same way every time."""
    script: Script
    """The learner's inputs, in the same shape as a `simulator run --script` file."""
    expect: CheckExpect
    """What the session must produce."""


class LearnerProfile(Strict):
    """What the learner brings: their situation and files they could attach."""

    name: StrictStr | None = None
    """The name of the role the learner plays; leave empty (usual) and the persona uses the
    name the learner signs with or sets in settings, else no name (never an invented one)."""
    background: Text = ""
    """The learner's situation, shown on the briefing screen."""
    files: list[Annotated[StrictStr, Field(max_length=120)] | LearnerFile] = Field(
        default_factory=list
    )
    """Files the learner has and may attach: a name, or {name, kind} to declare its kind
    (attaching a resume, cover letter... unasked is a pitch: see `temperament.pitch_files`)."""

    def file_kinds(self) -> dict[str, str]:
        """Declared kinds of the learner's files, by name."""
        return {f.name: f.kind for f in self.files if isinstance(f, LearnerFile)}

    def file_names(self) -> list[str]:
        """The names of the learner's files."""
        return [f if isinstance(f, str) else f.name for f in self.files]


class Scenario(Strict):
    """A practice situation: who, which stages, how it is graded, and its own checks."""

    id: Slug
    """Stable id, the file name without .yaml: lowercase letters, digits, - and _."""
    title: Line
    """The title shown in the library."""
    difficulty: Literal["easy", "medium", "hard"]
    """How hard the persona is to win over."""
    persona: Slug
    """The id of the persona the learner talks to."""
    summary: Line
    """One line for the library list."""
    brief: Text
    """The situation, shown on the briefing screen. May use {persona_name} etc."""
    objectives: list[Line] = Field(min_length=1, max_length=10)
    """What the learner should aim for, shown on the briefing screen."""
    learner: LearnerProfile = Field(default_factory=LearnerProfile)
    """Who the learner plays."""
    stages: Stages
    """The stages this scenario uses and how each is set up."""
    rubric: Rubric = Field(default_factory=Rubric)
    """How the session is graded."""
    facts: Facts = Field(default_factory=Facts)
    """What is true in the situation (who referred the learner, if anyone)."""
    field: Slug = "general"
    """The field this scenario practises (hr, healthcare, education, ...); the library
    can be filtered by it."""
    lexicon: dict[Slug, list[Phrase]] = Field(default_factory=dict)
    """Extra phrases for standard signals (phrases only, never patterns)."""
    signals: dict[Slug, SignalSettings] = Field(default_factory=dict)
    """Per signal: this scenario's rule, tip and rewrite; phrases to add or drop; words
    that cancel it; switching it off; or a new signal built `like` a built-in one."""
    criteria: dict[Criterion, CriterionWording] = Field(default_factory=dict)
    """Per criterion: its label in the debrief."""
    outcome: OutcomeWording = Field(default_factory=OutcomeWording)
    """What the debrief says the persona did with an outreach that got no meeting."""
    checks: list[Check] = Field(default_factory=list, max_length=50)
    """Tests of this scenario, run by simulator check."""

    @field_validator("stages")
    @classmethod
    def _some_stage(cls, stages: Stages) -> Stages:
        if not (stages.outreach or stages.meeting or stages.thank_you):
            raise ValueError("a scenario needs at least one stage")
        return stages

    def stage_names(self) -> list[str]:
        """The stages this scenario uses, in order."""
        return [n for n in ("outreach", "meeting", "thank_you") if getattr(self.stages, n)]


describe_later(sys.modules[__name__])
