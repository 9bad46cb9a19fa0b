"""A random learner, without a UI: seeded inputs built from a scenario's own words.

It writes outreach, follow-ups, meeting lines and thank-you notes from the scenario's
check scripts and the lexicon's phrases, good and bad mixed, with random attachments,
lengths, wrap-up timing, skips and thank-you delays: the kind of learner an author does
not think of. Now and then it writes in capitals, or talks on at the end of a meeting
long enough to run past the persona's hard stop, so exploring reaches those findings too.
The same seed always gives the same learner.
"""

from __future__ import annotations

import random

from simulator.content import Bundle
from simulator.conversation import inputs as inp
from simulator.conversation.machine import Stage
from simulator.conversation.meeting import WORDS_PER_MINUTE_SPOKEN
from simulator.conversation.session import Session
from simulator.reading import PITCH_IDS, Lexicon

TIME_ASKS = (
    "Could I have 15 minutes by phone in the next few weeks?",
    "Would you have 20 minutes for a quick call?",
    "Could we talk for 10 minutes sometime next week?",
    "Could I have an hour of your time?",
    "Would you be open to a 30-minute video call?",
    "",
)
WRAP_UPS = (
    "I want to respect your time, so I'll let you go. Thank you so much.",
    "I know we're almost at time, so I'll stop there. This was really helpful.",
    "That's all my questions. I don't want to keep you.",
)
FRAMES = (
    "{p}.",
    "I wanted to mention {p}.",
    "Could you tell me about {p}?",
    "Honestly, {p}.",
    "What about {p}?",
    "I'd say {p}, if that makes sense.",
)
NAME_DROPS = (
    "I know Priya and Tom from your finance team.",
    "I know Daniel from the HR meetup.",
)
OPEN_QUESTIONS = (
    "What surprised you most?",
    "How do you think about that?",
    "Is there anything you wish you had known earlier?",
)
FILLER = (
    "I have been thinking about this for a long while and there is a lot of context "
    "behind it that I would like to share with you before I get to my actual point"
)
EXTRA_FILES = ("resume.pdf", "portfolio.pdf", "cover-letter.docx")
SHOUT_SHARE = 0.04
"""How often a message or meeting line is written in capitals."""
RUN_ON_SHARE = 0.3
"""How often, in the second half of a meeting, a line is a monologue past the hard stop
(1 in 5 in the last third made the finding a 1-in-200 event in some scenarios, so a
change anywhere in the reader could make exploring miss it)."""


class RandomLearner:
    """Chooses the next input for a session, at random but reproducibly."""

    def __init__(self, bundle: Bundle, lexicon: Lexicon, seed: int) -> None:
        self.bundle = bundle
        self.rng = random.Random(seed)
        self.habits = random.Random(f"habits {seed}")
        """Shouting and running on, drawn apart so the other choices of a seed stay put."""
        self.good: list[str] = []
        self.bad: list[str] = []
        self.pitch: list[str] = []
        self.questions: list[str] = []
        for spec in lexicon.specs.values():
            pool = self.good if spec.polarity == "positive" else self.bad
            if spec.id.startswith("question_"):
                pool = self.questions
            elif spec.id in PITCH_IDS:
                pool = self.pitch
            pool.extend(spec.phrases)
        self.sentences: dict[str, list[str]] = {"outreach": [], "meeting": [], "thank_you": []}
        for check in bundle.scenario.checks:
            script = check.script
            if script.outreach:
                self.sentences["outreach"] += _sentences(script.outreach.body)
            for follow_up in script.follow_ups:
                self.sentences["outreach"] += _sentences(follow_up.body)
            self.sentences["meeting"] += script.meeting
            if script.thank_you:
                self.sentences["thank_you"] += _sentences(script.thank_you.body)
        self.files = list(dict.fromkeys([*bundle.scenario.learner.file_names(), *EXTRA_FILES]))

    # ------------------------------------------------------------------ pieces
    def phrase(self, pool: list[str]) -> str:
        if not pool:
            return "thank you"
        return self.rng.choice(FRAMES).format(p=self.rng.choice(pool))

    def mixed(self, stage: str, count: int, bad_share: float) -> list[str]:
        parts = []
        own = self.sentences.get(stage) or []
        for _ in range(count):
            roll = self.rng.random()
            if own and roll < 0.35:
                parts.append(self.rng.choice(own))
            elif roll < 0.35 + bad_share:
                parts.append(self.phrase(self.bad))
            else:
                parts.append(self.phrase(self.good))
        return parts

    def message(self, stage: str, *, limit: int | None = None) -> str:
        parts = self.mixed(stage, self.rng.randint(1, 5), self.rng.choice((0.0, 0.1, 0.3)))
        if self.rng.random() < 0.2:
            parts.insert(self.rng.randint(0, len(parts)), self.phrase(self.pitch))
        if self.rng.random() < 0.05:
            parts.append(self.rng.choice(NAME_DROPS))
        if stage == "outreach":
            parts.insert(self.rng.randint(0, len(parts)), self.rng.choice(TIME_ASKS))
        if self.rng.random() < 0.15:
            parts.append(" ".join([FILLER] * self.rng.randint(1, 6)) + ".")
        text = " ".join(p for p in parts if p).strip() or "Hello, thank you."
        if limit is not None and len(text) > limit:
            text = text[:limit].rsplit(" ", 1)[0] or text[:limit]
        return self.shout(text)

    def shout(self, text: str) -> str:
        """Now and then, the text in capitals."""
        return text.upper() if self.habits.random() < SHOUT_SHARE else text

    def run_on(self, session: Session) -> str:
        """A monologue long enough to run the meeting past the persona's hard stop."""
        overrun = self.bundle.scenario.rubric.limits.overrun_minutes
        minutes = session.minutes_left() + (3 if overrun is None else overrun) + 2
        fillers = int(minutes * WORDS_PER_MINUTE_SPOKEN / len(FILLER.split())) + 1
        return " ".join([FILLER] * fillers) + "."

    # ------------------------------------------------------------------ actions
    def next_input(self, session: Session) -> inp.Input:
        """An input the session accepts at its current stage."""
        state = session.state
        outreach = self.bundle.scenario.stages.outreach
        limit = outreach.max_chars if outreach else None
        if state is Stage.outreach:
            attachments = tuple(name for name in self.files if self.rng.random() < 0.08)
            subject = self.rng.choice(("", "Quick question", "Informational interview?"))
            return inp.Outreach(self.message("outreach", limit=limit), subject, attachments)
        if state is Stage.waiting:
            if self.rng.random() < 0.6:
                days = self.rng.choice((1, 3, 5, 7, 10, 14))
                # A follow-up goes out after the silence, never dated before it.
                days = max(days, session.earliest_follow_up())
                return inp.FollowUp(self.message("outreach", limit=limit), days)
            return inp.Skip()
        if state is Stage.meeting:
            return self.meeting_line(session)
        if state is Stage.thank_you:
            if self.rng.random() < 0.2:
                return inp.Skip()
            hours = self.rng.choice((1, 4, 12, 20, 30, 72))
            return inp.ThankYou(self.message("thank_you"), hours, "Thank you")
        raise inp.InputError("the session is over")

    def meeting_line(self, session: Session) -> inp.Input:
        left = session.minutes_left()
        granted = max(session.granted, 1)
        roll = self.rng.random()
        if roll < 0.03:
            return inp.Skip()
        if left <= granted / 2 and self.habits.random() < RUN_ON_SHARE:
            return inp.Say(self.run_on(session))
        if roll < 0.05 + 0.5 * (1 - left / granted) ** 2:
            return inp.Say(self.rng.choice(WRAP_UPS))
        kind = self.rng.random()
        if kind < 0.6 and self.questions:
            parts = [self.phrase(self.questions)]
        elif kind < 0.75:
            parts = [self.rng.choice(OPEN_QUESTIONS)]
        else:
            parts = []
        parts += self.mixed("meeting", self.rng.randint(0 if parts else 1, 2), 0.15)
        if self.rng.random() < 0.05:
            parts.append(self.phrase(self.pitch))
        if self.rng.random() < 0.1:
            parts.append(" ".join([FILLER] * self.rng.randint(1, 4)) + ".")
        return inp.Say(self.shout(" ".join(parts) or "Could you tell me more?"))


def _sentences(text: str) -> list[str]:
    out, current = [], []
    for word in text.split():
        current.append(word)
        if word.endswith((".", "?", "!")):
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out
