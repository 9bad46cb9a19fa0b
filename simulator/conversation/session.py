"""A practice session, without a UI: learner inputs in, persona turns out, deterministically.

``Session.send`` is the one way in for every client (TUI, plain terminal, scripts,
tests). It reads the learner's words, lets the stage machine move, picks the persona's
line, advances the simulated clock and meters, and appends every turn to the transcript
(and to the journal hook, before returning) so nothing finished is ever lost.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from simulator import __version__
from simulator.content.library import Bundle
from simulator.conversation import inputs as inp
from simulator.conversation import meeting
from simulator.conversation.identities import fill, generate
from simulator.conversation.judgement import (
    Decision,
    bounded_limit,
    decide,
    pitch_files,
    redirect_group,
    thank_you_is_warm,
)
from simulator.conversation.lines import LinePicker
from simulator.conversation.machine import Stage, build_machine
from simulator.conversation.meters import Meters, apply, effect
from simulator.conversation.transcript import Transcript, Turn
from simulator.reading import Context, Reading, read, scenario_lexicon

MEETING_DAY_GAP = 2
MAX_FOLLOW_UPS = 1

ACTIONS_BY_STAGE: dict[Stage, tuple[str, ...]] = {
    Stage.outreach: ("outreach",),
    Stage.waiting: ("follow_up", "skip"),
    Stage.meeting: ("say", "skip"),
    Stage.thank_you: ("thank_you", "skip"),
    Stage.debrief: (),
}


class Session:
    """One learner's session with one persona in one scenario."""

    state: Stage
    # Triggers bound by the transitions machine (see machine.TRIGGERS); declared for mypy.
    persona_accepts: Callable[[], bool]
    persona_redirects: Callable[[], bool]
    persona_ignores: Callable[[], bool]
    give_up: Callable[[], bool]
    wrap_up: Callable[[], bool]
    run_out_of_time: Callable[[], bool]
    lose_patience: Callable[[], bool]
    send_thank_you: Callable[[], bool]
    skip_thank_you: Callable[[], bool]

    def __init__(
        self,
        bundle: Bundle,
        seed: int = 1,
        *,
        identities: dict[str, Any] | None = None,
        on_turns: Callable[[list[Turn]], None] | None = None,
    ) -> None:
        self.bundle = bundle
        self.scenario = bundle.scenario
        self.persona = bundle.persona
        self.seed = seed
        self.rng = random.Random(seed)
        self.identities = dict(identities or generate(self.scenario, self.persona, seed))
        self.values: dict[str, Any] = dict(self.identities)
        self.lexicon = scenario_lexicon(self.scenario)
        self.picker = LinePicker(self.persona, self.rng, self.values)
        self.meters = Meters(self.persona.meters.patience, self.persona.meters.rapport)
        self.transcript = Transcript(
            scenario=self.scenario.id,
            persona=self.persona.id,
            seed=seed,
            hashes=bundle.hashes,
            identities=self.identities,
            simulator=__version__,
        )
        self.on_turns = on_turns
        self.day = 0
        self.minute = 0.0
        self.granted = 0
        self.first_day: int | None = None
        self.follow_ups = 0
        self.fired: set[int] = set()
        self.warned = False
        self.resume_requested = False
        self.last_decision: Decision | None = None
        self._pending: list[Turn] = []
        self.stages = self.scenario.stage_names()
        build_machine(self, self.stages)
        self._begin()

    # ------------------------------------------------------------------ guards
    def can_follow_up(self) -> bool:
        return self.follow_ups < MAX_FOLLOW_UPS

    def is_out_of_time(self) -> bool:
        return bool(self.granted and self.minute >= self.granted)

    def is_patience_exhausted(self) -> bool:
        return self.meters.patience <= 0

    # ------------------------------------------------------------------ public
    @property
    def stage(self) -> Stage:
        return self.state

    @property
    def finished(self) -> bool:
        return self.state is Stage.debrief

    def allowed(self) -> tuple[str, ...]:
        """The actions the learner may take now."""
        return ACTIONS_BY_STAGE[self.state]

    def send(self, item: inp.Input) -> list[Turn]:
        """Apply one learner input; return the turns it produced (already recorded).

        Raises InputError (nothing recorded, the draft is the caller's to keep) when the
        input is empty, too long, or not possible at this stage.
        """
        if item.action not in self.allowed():
            expected = " or ".join(self.allowed()) or "nothing (the session is over)"
            raise inp.InputError(
                f"cannot {item.action} now: the {self.state.value} stage expects {expected}"
            )
        self._validate(item)
        handler: Callable[[Any], None] = getattr(self, f"_on_{item.action}")
        handler(item)
        return self._flush()

    def minutes_left(self) -> float:
        return max(0.0, self.granted - self.minute)

    # ------------------------------------------------------------------ recording
    def _record(self, stage: str, who: str, kind: str, text: str = "", **data: Any) -> Turn:
        turn = Turn(
            n=len(self.transcript.turns) + 1,
            stage=stage,
            who=who,
            kind=kind,
            text=text,
            day=self.day,
            minute=round(self.minute, 2) if stage == "meeting" else None,
            data=data,
        )
        self.transcript.turns.append(turn)
        self._pending.append(turn)
        return turn

    def _flush(self) -> list[Turn]:
        turns, self._pending = self._pending, []
        if self.on_turns and turns:
            self.on_turns(turns)
        return turns

    def _say(self, stage: str, group: str, kind: str = "line", **data: Any) -> Turn:
        picked = self.picker.pick(group)
        if picked is None:
            name = self.identities["persona_first"]
            return self._record(stage, "event", "narration", f"{name} nods and waits.", group=group)
        used, line = picked
        if used == "asks_for_resume":
            # Now the resume is wanted: sending or offering it is no longer a pitch.
            self.resume_requested = True
        return self._record(stage, "persona", kind, line, group=used, **data)

    def _meters_event(self, stage: str, before: Meters) -> None:
        if before != self.meters:
            self._record(
                stage,
                "event",
                "meters",
                "",
                before=before.as_dict(),
                after=self.meters.as_dict(),
            )

    # ------------------------------------------------------------------ stages
    def _begin(self) -> None:
        first = self.stages[0]
        if first == "meeting":
            assert self.scenario.stages.meeting is not None
            self._open_meeting(self.scenario.stages.meeting.minutes)
        elif first == "thank_you":
            assert self.scenario.stages.thank_you is not None
            recap = fill(self.scenario.stages.thank_you.recap, self.values)
            self._record("thank_you", "event", "recap", recap)
        self._pending = []  # opening turns are part of the record, not a reply to anything

    def _validate(self, item: inp.Input) -> None:
        body = getattr(item, "body", None)
        if body is not None:
            inp.check_text(body, "the message")
        if isinstance(item, inp.Say):
            inp.check_text(item.text, "what you say")
        outreach = self.scenario.stages.outreach
        if (
            isinstance(item, inp.Outreach | inp.FollowUp)
            and outreach
            and outreach.max_chars
            and len(item.body) > outreach.max_chars
        ):
            raise inp.InputError(
                f"a {outreach.channel} note is limited to {outreach.max_chars} characters; "
                f"yours has {len(item.body)}. Your draft is kept"
            )

    def _context(self, stage: str, attachments: tuple[str, ...] = (), **extra: Any) -> Context:
        temperament = self.persona.temperament
        outreach = self.scenario.stages.outreach
        return Context(
            attachments=attachments,
            resume_requested=self.resume_requested,
            max_words=temperament.max_words,
            max_chars=outreach.max_chars if outreach else None,
            bounded_minutes=bounded_limit(self.persona),
            pitch_files=pitch_files(attachments, self.persona, self.scenario),
            **extra,
        )

    def _read(self, text: str, stage: str, context: Context) -> Reading:
        return read(text, stage, context, self.lexicon)

    def _on_outreach(self, item: inp.Outreach) -> None:
        outreach = self.scenario.stages.outreach
        assert outreach is not None
        previous = outreach.previous
        if previous is not None:
            self.first_day = -previous.days_ago
            self.follow_ups = 0
            context = self._context(
                "follow_up", item.attachments, prior_messages=1, days_since_last=previous.days_ago
            )
            stage_read = "follow_up"
        else:
            self.first_day = 0
            context = self._context("outreach", item.attachments)
            stage_read = "outreach"
        self._record(
            "outreach",
            "learner",
            "email",
            item.body,
            input=inp.to_dict(item),
            subject=item.subject,
            attachments=list(item.attachments),
            read_as=stage_read,
            context=context.to_dict(),
        )
        reading = self._read(item.body, stage_read, context)
        self._answer(
            reading,
            follow_up=previous is not None,
            days_since_first=previous.days_ago if previous else None,
        )

    def _on_follow_up(self, item: inp.FollowUp) -> None:
        self.follow_ups += 1
        first = self.first_day or 0
        self.day = first + max(item.after_days, 0)
        context = self._context(
            "follow_up", prior_messages=self.follow_ups, days_since_last=item.after_days
        )
        self._record(
            "outreach",
            "learner",
            "follow_up",
            item.body,
            input=inp.to_dict(item),
            subject=item.subject,
            attachments=[],
            read_as="follow_up",
            context=context.to_dict(),
        )
        reading = self._read(item.body, "follow_up", context)
        self._answer(reading, follow_up=True, days_since_first=item.after_days)

    def _answer(self, reading: Reading, *, follow_up: bool, days_since_first: int | None) -> None:
        outreach = self.scenario.stages.outreach
        assert outreach is not None
        meeting = self.scenario.stages.meeting
        decision = decide(
            reading,
            self.persona,
            max_minutes=meeting.minutes if meeting else self.persona.temperament.max_minutes,
            follow_up=follow_up,
            days_since_first=days_since_first,
        )
        self.last_decision = decision
        before = self.meters
        self.meters = apply(self.meters, effect(reading, self.persona, meeting=False))
        self._meters_event("outreach", before)
        self.day += outreach.reply_after_days
        if decision.reply == "accept":
            self.values["minutes"] = decision.minutes
            group = "follow_up_accept" if follow_up else "accept"
            self._say("outreach", group, "reply", reply="accept", decision=decision.to_dict())
            self.persona_accepts()
            if self.state is Stage.meeting:
                self.day += MEETING_DAY_GAP
                self._open_meeting(decision.minutes)
        elif decision.reply == "redirect":
            group = redirect_group(reading, follow_up=follow_up)
            self._say("outreach", group, "reply", reply="redirect", decision=decision.to_dict())
            self.persona_redirects()
        else:
            self._record(
                "outreach",
                "event",
                "silence",
                f"No reply after {outreach.reply_after_days} days.",
                reply="silence",
                decision=decision.to_dict(),
            )
            self.persona_ignores()

    def _on_skip(self, item: inp.Skip) -> None:
        stage = self.state
        self._record(stage.value, "learner", "skip", "", input=inp.to_dict(item))
        if stage is Stage.waiting:
            self.give_up()
        elif stage is Stage.meeting:
            self._end_meeting("learner_left", self._goodbye_group())
        elif stage is Stage.thank_you:
            self.skip_thank_you()

    # ------------------------------------------------------------------ meeting
    def _open_meeting(self, minutes: int) -> None:
        meeting.open_meeting(self, minutes)

    def _goodbye_group(self) -> str:
        return meeting.goodbye_group(self)

    def _on_say(self, item: inp.Say) -> None:
        meeting.on_say(self, item)

    def _end_meeting(self, reason: str, group: str) -> None:
        meeting.end_meeting(self, reason, group)

    # ------------------------------------------------------------------ thank-you
    def _on_thank_you(self, item: inp.ThankYou) -> None:
        stage = self.scenario.stages.thank_you
        assert stage is not None
        self.day += item.after_hours // 24
        context = self._context("thank_you")
        self._record(
            "thank_you",
            "learner",
            "email",
            item.body,
            input=inp.to_dict(item),
            subject=item.subject,
            after_hours=item.after_hours,
            within_hours=stage.within_hours,
            context=context.to_dict(),
        )
        reading = self._read(item.body, "thank_you", context)
        before = self.meters
        self.meters = apply(self.meters, effect(reading, self.persona, meeting=False))
        self._meters_event("thank_you", before)
        warm = thank_you_is_warm(reading, self.meters.rapport)
        self.day += 1
        self._say("thank_you", "thank_you_reply_warm" if warm else "thank_you_reply_cool", "reply")
        self.send_thank_you()


def replay(
    bundle: Bundle,
    seed: int,
    items: list[inp.Input],
    *,
    identities: dict[str, Any] | None = None,
) -> Session:
    """Play inputs through a fresh session: the same inputs give the same transcript."""
    session = Session(bundle, seed, identities=identities)
    for item in items:
        session.send(item)
    return session
