"""The session's timeline, without a UI: it never runs backwards, and leftovers are noted.

A follow-up dated before the silence already on record would make the transcript run
backwards ("day 1" after "no reply after 3 days"); ``check_order`` refuses it with the
earliest day that works. ``unused_note`` words what of a script a session never used.
"""

from __future__ import annotations

from simulator.conversation.inputs import InputError
from simulator.core.transcript import Transcript


def latest_day(transcript: Transcript) -> int:
    """The latest simulated day on record (0 for an empty transcript)."""
    return max((t.day for t in transcript.turns), default=0)


def earliest_after(transcript: Transcript, first_day: int) -> int:
    """The fewest days after the first message that a new message can be dated now."""
    return max(0, latest_day(transcript) - first_day)


def check_order(transcript: Transcript, day: int, first_day: int, what: str) -> None:
    """Raise InputError when ``day`` comes before something already on record."""
    latest = latest_day(transcript)
    if day < latest:
        raise InputError(
            f"a {what} on day {day} would come before what already happened on day "
            f"{latest}: send it {latest - first_day} or more days after your first message"
        )


def unused_note(meeting_lines: int, follow_ups: int, max_follow_ups: int) -> str:
    """What of a script went unused, in words ('' when everything was used)."""
    parts = []
    if meeting_lines:
        parts.append(f"{meeting_lines} meeting line(s) (the meeting had ended)")
    if follow_ups:
        parts.append(f"{follow_ups} follow-up(s) (only {max_follow_ups} is sent)")
    return "Not used from the script: " + " and ".join(parts) + "." if parts else ""
