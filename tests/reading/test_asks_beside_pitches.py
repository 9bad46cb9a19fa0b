"""Time asks and pitches in the shapes the seventh round's writers used, read apart.

A short ask stays a short ask when the same sentence pitches ("ten minutes to ask whether
you're hiring" is bounded *and* a pitch: each criterion gets its own finding), a denial
before "just" does not reach past it, and a duration that is a delay or a memory asks for
nothing.
"""

from __future__ import annotations

import pytest

from simulator.reading import PITCH_IDS, read

from .conftest import pitched


@pytest.mark.parametrize(
    "text",
    [
        "Could I have fifteen minutes to ask whether your depot expects to hire mechanics?",
        "Would you have 20 minutes to talk about freelancing for your studio?",
        "Would you be up for a ten-minute call about the paralegal role your firm posted?",
    ],
)
def test_a_short_ask_that_pitches_is_both(text: str) -> None:
    reading = read(text, "outreach")
    assert reading.has("bounded_time_ask"), reading.ids()
    assert any(reading.has(p) for p in PITCH_IDS), reading.ids()


@pytest.mark.parametrize(
    "text",
    [
        "I'm not after a reference, just fifteen minutes on how you chose your specialty.",
        "Not a job request, only ten minutes to hear how the night shift runs.",
    ],
)
def test_a_denial_does_not_reach_past_just(text: str) -> None:
    reading = read(text, "outreach")
    assert reading.has("bounded_time_ask"), reading.ids()
    assert not pitched(text)


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Running ten min behind for our call, so sorry!", "follow_up"),
        ("Stuck at the station, I'll be 15 minutes late.", "follow_up"),
        ("Thanks for fitting me in for those 20 minutes today.", "follow_up"),
        ("Your crew did a 30 minute demo at the trade show and I loved it.", "outreach"),
        ("I read your whole guide to estimating in twenty minutes.", "outreach"),
    ],
)
def test_a_delay_or_a_memory_is_no_ask(text: str, stage: str) -> None:
    assert read(text, stage).time_ask is None


def test_a_modal_question_about_a_duration_asks() -> None:
    reading = read("Might a quarter of an hour at your bench, one afternoon, be doable?")
    assert reading.has("bounded_time_ask"), reading.ids()


@pytest.mark.parametrize(
    "text",
    [
        "Could we grab a coffee and talk about joining your pastry team?",
        "I'd be grateful for half an hour to discuss the possibility of an apprenticeship "
        "in your shop.",
        "Is there someone at the clinic I should contact about the receptionist opening?",
        "Who on your crew should I talk to regarding the foreman position?",
        "If the depot ever needs another mechanic, I'm your guy.",
        "If you ever need a fiddler for sessions, I'd love to be on your call list.",
        "I'm applying to doctoral programmes and would be thrilled to join your lab.",
        "Honestly I'd love to learn from you up close, maybe as your apprentice.",
    ],
)
def test_pitches_said_as_topics_of_the_call(text: str) -> None:
    assert pitched(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'd love to hear about working with your clients as a designer.",
        "Who should I talk to about the role of a site supervisor in general?",
        "I'd like to see where I might fit in the field of conservation.",
        "I'd be delighted to join you for coffee whenever suits.",
        "I'm setting up an employee referral programme at my bakery and yours is famous.",
        "Your company's open role descriptions are the clearest I've read.",
        "I'm asking because I'll be hiring apprentices at my shop next spring.",
    ],
)
def test_their_near_misses_are_not_pitches(text: str) -> None:
    assert not pitched(text)


@pytest.mark.parametrize(
    "text",
    [
        "hi Tom! it's Jess from climbing club, you mentioned you're a site engineer now.",
        "The welding school I'm considering listed you as a graduate who still teaches there.",
        "hey Ana, long time since the bootcamp! could we catch up for 15 min?",
    ],
)
def test_a_personal_connection_is_why_them(text: str) -> None:
    assert read(text, "outreach").has("personalized")


@pytest.mark.parametrize(
    "text",
    [
        "Are law firms still hiring first-year associates the way they used to?",
        "Are clinics still hiring hygienists straight out of school these days?",
    ],
)
def test_whether_a_field_is_still_hiring_is_a_question_about_the_field(text: str) -> None:
    reading = read(text, "meeting")
    assert not any(reading.has(p) for p in PITCH_IDS), reading.ids()


@pytest.mark.parametrize(
    "text", ["Is your practice still hiring?", "u guys still hiring for summer?"]
)
def test_whether_their_team_is_still_hiring_is_a_pitch(text: str) -> None:
    assert pitched(text, "meeting")


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Could I talk to you about your role and how it changed?", "outreach"),
        ("Could I ask you about how the two roles differ?", "outreach"),
        ("What trips up new grads when they go on the job market?", "meeting"),
        ("I'd like to see what the academy is like before I apply to it.", "outreach"),
    ],
)
def test_asking_about_their_role_or_the_market_is_no_pitch(text: str, stage: str) -> None:
    assert not pitched(text, stage)


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("What are my odds of landing a residency spot at your hospital?", "meeting"),
        ("How would someone like me get on at your yard?", "meeting"),
    ],
)
def test_asking_about_ones_own_chances_with_them_is_a_pitch(text: str, stage: str) -> None:
    assert pitched(text, stage)


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("What are my chances of getting into a physician assistant program?", "meeting"),
        ("I keep reading that labs are hiring again; is that what you see?", "meeting"),
        ("If it's easier, here is my availability for next week.", "outreach"),
    ],
)
def test_chances_elsewhere_the_market_and_availability_are_no_pitch(text: str, stage: str) -> None:
    assert not pitched(text, stage)
