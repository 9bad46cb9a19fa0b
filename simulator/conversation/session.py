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
from simulator.conversation import timeline
from simulator.conversation.identities import fill, generate
from simulator.conversation.judgement import (
    Decision,
    Judgement,
    answer_group,
    answered_topic,
    judge,
    redirect_group,
)
from simulator.conversation.lines import LinePicker, avoid_for
from simulator.conversation.machine import ACTIONS_BY_STAGE, Stage, StageModel, build_machine
from simulator.conversation.meeting import MeetingClock, seeded_events
from simulator.conversation.meters import Meters, apply, effect
from simulator.conversation.signature import adopt_signed_name
from simulator.core.calendar import meeting_day
from simulator.core.transcript import EndReason, Kind, Transcript, Turn, TurnStage, Who
from simulator.reading import scenario_lexicon

MAX_FOLLOW_UPS = 1


class Session(StageModel):
    """One learner's session with one persona in one scenario."""

    def __init__(
        self,
        bundle: Bundle,
        seed: int = 1,
        *,
        identities: dict[str, Any] | None = None,
        on_turns: Callable[[list[Turn]], None] | None = None,
        learner_name: str | None = None,
    ) -> None:
        self.bundle = bundle
        self.scenario = bundle.scenario
        self.persona = bundle.persona
        self.seed = seed
        self.rng = random.Random(seed)
        self.identities = dict(
            identities or generate(self.scenario, self.persona, seed, learner_name=learner_name)
        )
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
        self.clock = MeetingClock(seed=seed)
        self.events = seeded_events(self.scenario, seed)
        self.first_day: int | None = None
        self.follow_ups = 0
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
        return self.clock.is_out_of_time()

    def is_patience_exhausted(self) -> bool:
        return self.meters.patience <= 0

    # ------------------------------------------------------------------ public
    @property
    def stage(self) -> Stage:
        """Where the session is now."""
        return self.state

    @property
    def minute(self) -> float:
        """Minutes of the meeting used so far."""
        return self.clock.minute

    @property
    def granted(self) -> int:
        """Minutes the persona granted for the meeting (0 before it starts)."""
        return self.clock.granted

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
        inp.validate(item, self.scenario.stages.outreach)
        match item:
            case inp.Outreach():
                self._on_outreach(item)
            case inp.FollowUp():
                self._on_follow_up(item)
            case inp.Say():
                self._on_say(item)
            case inp.ThankYou():
                self._on_thank_you(item)
            case inp.Skip():
                self._on_skip(item)
        return self._flush()

    def minutes_left(self) -> float:
        """Meeting minutes left of those granted."""
        return self.clock.minutes_left()

    def earliest_follow_up(self) -> int:
        """The fewest days after the first message a follow-up can be sent now."""
        return timeline.earliest_after(self.transcript, self.first_day or 0)

    def note_unused(self, meeting_lines: int, follow_ups: int) -> None:
        """Record, once the session is over, what of a script it never used (if anything)."""
        text = timeline.unused_note(meeting_lines, follow_ups, MAX_FOLLOW_UPS)
        if text and self.transcript.turns:
            stage = self.transcript.turns[-1].stage
            counts = {"meeting_lines": meeting_lines, "follow_ups": follow_ups}
            self._record(stage, "event", "unused_script", text, **counts)
            self._flush()

    def judge(
        self,
        text: str,
        action: str,
        attachments: tuple[str, ...] = (),
        *,
        after_days: int | None = None,
        subject: str = "",
    ) -> Judgement:
        """What the persona would make of ``text`` sent now as ``action``; nothing recorded.

        The session's own turns are read and decided through this very call, so a preview
        (live hints, the draft check) and the turn itself can never disagree.
        """
        return judge(
            text,
            action,
            self.persona,
            self.scenario,
            attachments=attachments,
            resume_requested=self.resume_requested,
            follow_ups=self.follow_ups + 1,
            after_days=after_days,
            rapport=self.meters.rapport,
            lexicon=self.lexicon,
            subject=subject,
        )

    # ------------------------------------------------------------------ recording
    def _record(self, stage: TurnStage, who: Who, kind: Kind, text: str = "", **data: Any) -> Turn:
        turn = Turn(
            n=len(self.transcript.turns) + 1,
            stage=stage,
            who=who,
            kind=kind,
            text=text,
            day=self.day,
            minute=round(self.clock.minute, 2) if stage == "meeting" else None,
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

    def _say(self, stage: TurnStage, group: str, kind: Kind = "line", **data: Any) -> Turn:
        picked = self.picker.pick(group)
        if picked is None:
            name = self.identities["persona_first"]
            return self._record(stage, "event", "narration", f"{name} nods and waits.", group=group)
        used, line = picked
        if used == "asks_for_resume":
            # Now the resume is wanted: sending or offering it is no longer a pitch.
            self.resume_requested = True
        if used != group:
            data["fallback_from"] = group  # the group asked for was missing or used up
        return self._record(stage, "persona", kind, line, group=used, **data)

    def _meters_event(self, stage: TurnStage, before: Meters) -> None:
        if before != self.meters:
            now = self.meters.as_dict()
            self._record(stage, "event", "meters", "", before=before.as_dict(), after=now)

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

    def _on_outreach(self, item: inp.Outreach) -> None:
        outreach = self.scenario.stages.outreach
        assert outreach is not None
        previous = outreach.previous
        self.first_day = -previous.days_ago if previous is not None else 0
        if previous is not None:
            self.follow_ups = 0
        judged = self.judge(item.body, "outreach", item.attachments, subject=item.subject)
        self._record(
            "outreach",
            "learner",
            "email",
            item.body,
            input=inp.to_dict(item),
            subject=item.subject,
            attachments=list(item.attachments),
            read_as=judged.reading.stage,
            context=judged.context.to_dict(),
            **adopt_signed_name(self.values, item.body),
        )
        self._answer(judged, follow_up=previous is not None)

    def _on_follow_up(self, item: inp.FollowUp) -> None:
        first = self.first_day or 0
        timeline.check_order(self.transcript, first + max(item.after_days, 0), first, "follow-up")
        judged = self.judge(
            item.body, "follow_up", after_days=item.after_days, subject=item.subject
        )
        self.follow_ups += 1
        self.day = (self.first_day or 0) + max(item.after_days, 0)
        self._record(
            "outreach",
            "learner",
            "follow_up",
            item.body,
            input=inp.to_dict(item),
            subject=item.subject,
            attachments=[],
            read_as="follow_up",
            context=judged.context.to_dict(),
            **adopt_signed_name(self.values, item.body),
        )
        self._answer(judged, follow_up=True)

    def _answer(self, judged: Judgement, *, follow_up: bool) -> None:
        outreach = self.scenario.stages.outreach
        assert outreach is not None
        reading, decision = judged.reading, judged.decision
        self.last_decision = decision
        before = self.meters
        self.meters = apply(self.meters, effect(reading, self.persona, meeting=False))
        self._meters_event("outreach", before)
        self.day += outreach.reply_after_days
        if decision.reply == "accept":
            self.values["minutes"] = decision.minutes
            group = "follow_up_accept" if follow_up else "accept"
            self.picker.avoid = avoid_for(group, judged.reading, self.transcript)
            said = self._say(
                "outreach", group, "reply", reply="accept", decision=decision.to_dict()
            )
            self.persona_accepts()
            if self.state is Stage.meeting:
                start = int(self.identities.get("start_weekday", 0))
                self.day = meeting_day(said.text, self.day, start)
                self._open_meeting(decision.minutes)
        elif decision.reply == "redirect":
            group = redirect_group(judged.reading, follow_up=follow_up)
            self.picker.avoid = avoid_for(group, judged.reading, self.transcript)
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
        match self.state:
            case Stage.waiting:
                self._record("waiting", "learner", "skip", "", input=inp.to_dict(item))
                self.give_up()
            case Stage.meeting:
                self._record("meeting", "learner", "skip", "", input=inp.to_dict(item))
                self._end_meeting("learner_left", self._goodbye_group())
            case Stage.thank_you:
                self._record("thank_you", "learner", "skip", "", input=inp.to_dict(item))
                self.skip_thank_you()

    # ------------------------------------------------------------------ meeting
    def _open_meeting(self, minutes: int) -> None:
        self.clock.open(minutes)
        self.values["minutes"] = minutes
        self._record("meeting", "event", "meeting_start", "", granted=minutes)
        self._say("meeting", "meeting_open")

    def _goodbye_group(self) -> str:
        warm = self.meters.rapport >= self.persona.temperament.warm_goodbye_rapport
        return "goodbye_warm" if warm else "goodbye_cool"

    def _on_say(self, item: inp.Say) -> None:
        judged = self.judge(item.text, "meeting")
        self._record(
            "meeting",
            "learner",
            "say",
            item.text,
            input=inp.to_dict(item),
            context=judged.context.to_dict(),
            monologue_words=self.persona.temperament.monologue_words,
        )
        reading = judged.reading
        patience = self.persona.temperament.monologue_words
        if self.clock.learner_spoke(reading.words, patience_words=patience):
            cut = f"{self.identities['persona_first']} cuts in politely: this has run long."
            self._record("meeting", "event", "narration", cut, cut_off=True)
        before = self.meters
        self.meters = apply(self.meters, effect(reading, self.persona, meeting=True))
        self._meters_event("meeting", before)
        if reading.wraps_up:
            self._end_meeting("wrap_up", self._goodbye_group())
            return
        group = answer_group(reading)
        turn = self._say("meeting", group, topic=answered_topic(reading))
        self.clock.persona_answered(turn.text, substantive=group.startswith("answer_"))
        self._run_events()
        self._check_meeting_end()

    def _run_events(self) -> None:
        for index, event in enumerate(self.events):
            if self.state is Stage.meeting and self.clock.is_due(index, event):
                self._say("meeting", event.line_group, "interruption", event=index)
                self.clock.event_happened(index, event)
                if event.ends_meeting:
                    self._end_meeting("interrupted", "goodbye_interrupted")

    def _check_meeting_end(self) -> None:
        meeting = self.scenario.stages.meeting
        assert meeting is not None
        if self.state is not Stage.meeting:
            return  # an interruption already ended it
        if self.is_patience_exhausted():
            self._end_meeting("patience", "end_early")
        elif self.is_out_of_time():
            self._end_meeting("out_of_time", "out_of_time")
        elif self.clock.warning_due(meeting.warn_at_remaining):
            self.clock.warned = True
            self.values["remaining"] = max(1, round(self.minutes_left()))
            self._say("meeting", "time_warning", "time_warning")

    def _end_meeting(self, reason: EndReason, group: str) -> None:
        self._say("meeting", group, "goodbye")
        if (
            reason == "wrap_up"
            and group == "goodbye_warm"
            and self.meters.rapport >= self.persona.temperament.resume_ask_rapport
            and self.persona.lines.get("asks_for_resume")
        ):
            self._say("meeting", "asks_for_resume")  # sets resume_requested (see _say)
        self._record("meeting", "event", "meeting_end", "", reason=reason, **self.clock.summary())
        match reason:
            case "patience":
                self.lose_patience()
            case "out_of_time":
                self.run_out_of_time()
            case _:
                self.wrap_up()

    # ------------------------------------------------------------------ thank-you
    def _on_thank_you(self, item: inp.ThankYou) -> None:
        stage = self.scenario.stages.thank_you
        assert stage is not None
        self.day += item.after_hours // 24
        judged = self.judge(item.body, "thank_you")
        self._record(
            "thank_you",
            "learner",
            "email",
            item.body,
            input=inp.to_dict(item),
            subject=item.subject,
            after_hours=item.after_hours,
            within_hours=stage.within_hours,
            half_life_hours=self.persona.temperament.thank_you_half_life_hours,
            context=judged.context.to_dict(),
            **adopt_signed_name(self.values, item.body),
        )
        reading = judged.reading
        before = self.meters
        self.meters = apply(self.meters, effect(reading, self.persona, meeting=False))
        self._meters_event("thank_you", before)
        warm = judged.decision.reply == "accept"  # judged with this note's effect on rapport
        self.day += 1
        self._say("thank_you", "thank_you_reply_warm" if warm else "thank_you_reply_cool", "reply")
        self.send_thank_you()
