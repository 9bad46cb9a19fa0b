"""The persona's working calendar, without a UI: which simulated day a meeting falls on.

Day 0 of a session is a working day (its weekday is generated per seed and recorded with
the identities). A persona's yes names a day in words ("Thursday at 8:30", "next Tuesday
morning", "first thing Monday"); the meeting is on the first such weekday after the reply,
or a week later for "next ...". A possessive ("after Tuesday's release") names no meeting
day. "Next week" with no day is the Monday of the coming week. A reply that names no day
books the next working day but one. A meeting never falls on a Saturday or a Sunday.
"""

from __future__ import annotations

import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_GAP = 2
"""Working days after the reply when the reply names no day."""
_DAY = re.compile(
    r"\b(?P<next>next\s+)?(?P<day>monday|tuesday|wednesday|thursday|friday|tomorrow)\b",
    re.IGNORECASE,
)

_POSSESSIVE = re.compile(r"['\u2019]s\b")
_NEXT_WEEK = re.compile(r"\bnext\s+week\b", re.IGNORECASE)


def weekday_of(day: int, start_weekday: int) -> int:
    """The weekday (0 = Monday) of simulated ``day`` when day 0 is ``start_weekday``."""
    return (start_weekday + day) % 7


def is_working_day(day: int, start_weekday: int) -> bool:
    """Whether simulated ``day`` is Monday to Friday."""
    return weekday_of(day, start_weekday) < 5


def next_working_day(day: int, start_weekday: int) -> int:
    """``day`` itself if it is a working day, else the Monday after."""
    while not is_working_day(day, start_weekday):
        day += 1
    return day


def meeting_day(reply: str, reply_day: int, start_weekday: int) -> int:
    """The simulated day of the meeting the reply agrees to (always a working day)."""
    # "after Tuesday's release, say Friday at 10": a day's event is not the meeting's day
    match = next((m for m in _DAY.finditer(reply) if not _POSSESSIVE.match(reply, m.end())), None)
    today = weekday_of(reply_day, start_weekday)
    if match is None and _NEXT_WEEK.search(reply):
        return reply_day + (7 - today)  # the coming week's Monday
    if match is None:
        day = reply_day
        for _ in range(DEFAULT_GAP):
            day = next_working_day(day + 1, start_weekday)
        return day
    name = match.group("day").lower()
    if name == "tomorrow":
        return next_working_day(reply_day + 1, start_weekday)
    target = WEEKDAYS.index(name)
    if match.group("next"):
        # "next Tuesday" is the Tuesday of the coming week, never tomorrow.
        return reply_day + (7 - today) + target
    return reply_day + ((target - today) % 7 or 7)


def day_label(day: int, start_weekday: int) -> str:
    """``Thursday (day 5)``: the weekday name with the simulated day number."""
    return f"{WEEKDAYS[weekday_of(day, start_weekday)].title()} (day {day})"
