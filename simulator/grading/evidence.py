"""The evidence a grade is built from, without a UI: per-stage findings beyond the reading.

The reader finds phrases and manners; this module adds what only the whole session shows:
a message that is short or several times too long, a meeting turn that is a monologue,
how the meeting ended (on time, past the hard stop, after ignoring the persona's
warning), the thank-you judged on the note itself (specific, short, and on time on the
persona's lateness curve), and the evidence each criterion starts from (a real message,
prepared questions).
"""

from __future__ import annotations

from typing import Any

from simulator.core.words import plural
from simulator.grading.tally import Tally, head
from simulator.reading import TOPIC_SIGNALS, Reading

DEFAULT_MONOLOGUE_WORDS = 120
DEFAULT_HALF_LIFE_HOURS = 48
LEARNING_QUESTIONS = tuple(TOPIC_SIGNALS.values())
"""The question signals of the learning topics (the reader's own table)."""
PREPARED_TOPICS = 3
"""Distinct learning topics that show prepared questions."""


def message_length(tally: Tally, turn: Any, reading: Reading, max_words: int) -> None:
    """A written message: credit for a short one, a blocker for one several times too long."""
    times = tally.scenario.rubric.limits.length_times
    if times is not None and reading.words >= times * max_words:
        quote = (
            f"{reading.words} words, {reading.words / max_words:.0f} times the limit of {max_words}"
        )
        tally.add("far_too_long", quote, turn.n, turn.stage)
    elif not reading.has("long_message") and not reading.has("no_intent"):
        tally.add("short_message", f"{reading.words} words", turn.n, turn.stage)


def meeting_turn(tally: Tally, turn: Any, reading: Reading) -> None:
    """A meeting line longer than the persona will listen to is a monologue."""
    limit = int(turn.data.get("monologue_words") or DEFAULT_MONOLOGUE_WORDS)
    if reading.words > limit:
        tally.add("monologue", f"{reading.words} words: {head(turn.text, 60)}", turn.n, turn.stage)


def thank_you_note(tally: Tally, turn: Any, reading: Reading) -> None:
    """The note itself: sent, on time (on the persona's curve), short, and specific."""
    tally.add("thank_you_sent", head(turn.text), turn.n, turn.stage)
    if reading.has("no_intent"):
        return
    after, within = turn.data.get("after_hours"), turn.data.get("within_hours")
    late = max(0, after - within) if isinstance(after, int) and isinstance(within, int) else 0
    half_life = int(turn.data.get("half_life_hours") or DEFAULT_HALF_LIFE_HOURS)
    kept = 0.5 ** (late / half_life)
    prompt = tally.lexicon.specs["thank_you_prompt"].points
    if round(prompt * kept):
        tally.add(
            "thank_you_prompt",
            f"sent {plural(after, 'hour')} after"
            if isinstance(after, int)
            else f"sent {after} hours after",
            turn.n,
            turn.stage,
            points=round(prompt * kept),
        )
    if late:
        worst = tally.lexicon.specs["late_thank_you"].points
        too_late = tally.scenario.rubric.limits.thank_you_too_late_hours
        tally.add(
            "late_thank_you",
            f"sent {plural(after, 'hour')} after the meeting (the window is {within})",
            turn.n,
            turn.stage,
            points=min(-1, round(worst * (1 - kept))),
            blocker=too_late is not None and isinstance(after, int) and after > too_late,
        )
    if not reading.has("long_message"):
        tally.add("thank_you_short", f"{reading.words} words", turn.n, turn.stage)
    if not reading.has("thank_you_specific"):
        tally.add("thank_you_vague", head(turn.text), turn.n, turn.stage)


def meeting_end(tally: Tally, transcript: Any, end: Any) -> None:
    """How the meeting ended: on time, run over, past the hard stop, or cut short.

    Minutes a scripted interruption took are the persona's, never the learner's; minutes a
    cut-off monologue would still have taken count as the learner's attempt to run on."""
    reason = end.data.get("reason")
    used = float(end.data.get("used", 0) or 0)
    asked = max(used, float(end.data.get("asked", 0) or 0))
    granted = float(end.data.get("granted", 0) or 0)
    quote = head(tally.last_said) or "(the meeting)"
    _hard_stop(tally, end, asked, granted, cut=asked > used)
    if reason == "out_of_time" and not end.data.get("by_interruption"):
        tally.add("meeting_overrun", quote, end.n, "meeting")
        after = _said_after_warning(transcript, end.n)
        if after:
            tally.add("ignored_end_signal", head(after[0]), end.n, "meeting")
    elif reason == "patience":
        tally.add("persona_lost_patience", quote, end.n, "meeting")
    elif reason in ("wrap_up", "learner_left") and asked <= granted and tally.intent_in("meeting"):
        tally.add("kept_to_time", f"{used:.0f} of {granted:.0f} minutes", end.n, "meeting")
        tally.add("ended_on_time", quote, end.n, "meeting")


def _hard_stop(tally: Tally, end: Any, minutes: float, granted: float, *, cut: bool) -> None:
    overrun = tally.scenario.rubric.limits.overrun_minutes
    if overrun is None or not granted or minutes - granted < overrun:
        return
    if cut:
        quote = (
            f"your words would have run the meeting to {minutes:.0f} minutes of the "
            f"{granted:.0f} granted; the persona had to cut you off"
        )
    else:
        quote = f"the meeting ran {minutes:.0f} minutes of the {granted:.0f} granted"
    tally.add("past_hard_stop", quote, end.n, "meeting")


def _said_after_warning(transcript: Any, before: int) -> list[str]:
    """What the learner said after the persona's time warning (none if it never came)."""
    warned = False
    said: list[str] = []
    for turn in transcript.turns:
        if turn.n >= before:
            break
        if turn.who == "persona" and turn.kind == "time_warning":
            warned = True
        elif warned and turn.who == "learner" and turn.kind == "say" and turn.text:
            said.append(turn.text)
    return said


def empty_meeting(tally: Tally) -> None:
    """Short meeting lines ("Thanks.") cost nothing beside a line with intent.

    When no meeting line said anything of its own, each of them is ``no_intent`` as a
    written message would be: a meeting of "Bye.", "ok" and "Thanks." is a non-attempt.
    """
    if tally.intent_in("meeting"):
        return
    for quote, n, start, end in tally.small_talk:
        tally.add("no_intent", quote, n, "meeting", start, end)


def session_evidence(tally: Tally, transcript: Any) -> None:
    """What each criterion starts from: a real message, prepared questions, or nothing."""
    real = tally.intent_in()
    if real:
        n, stage, text = real[0]
        tally.add("genuine_message", head(text), n, stage)
        tally.add("pitch_checked", head(text), n, stage)
    if "questions" not in tally.reached:
        return
    asked = [f for f in tally.findings if f.signal in LEARNING_QUESTIONS]
    if len({f.signal for f in asked}) >= PREPARED_TOPICS:
        tally.add("prepared_questions", asked[-1].quote, asked[-1].turn, "meeting")
    if not any(f.criterion == "questions" and f.polarity == "positive" for f in tally.findings):
        said = [t.n for t in transcript.turns if t.who == "learner" and t.stage == "meeting"]
        tally.add(
            "no_questions",
            head(tally.last_said) or "(the meeting)",
            said[-1] if said else 0,
            "meeting",
        )
