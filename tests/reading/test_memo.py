"""Remembered readings are the readings: the memory changes how often, never what."""

from __future__ import annotations

from simulator.content import Library
from simulator.reading import Context, read, scenario_lexicon, standard_lexicon

FRESH = read.__wrapped__  # type: ignore[attr-defined]  # the reader without its memory
TEXTS = [
    "Hi, are you hiring for HR roles? I've attached my resume.",
    "Could I have 15 minutes by phone next week? Thank you either way.",
    "How did you get into HR?",
]


def test_a_remembered_reading_equals_a_fresh_one_for_every_stage_and_context() -> None:
    lexicon = standard_lexicon()
    for text in TEXTS:
        for stage in ("outreach", "follow_up", "meeting", "thank_you"):
            for context in (Context(), Context(attachments=("resume.pdf",), prior_messages=1)):
                first = read(text, stage, context, lexicon)
                assert read(text, stage, context, lexicon) == first
                assert FRESH(text, stage, context, lexicon) == first


def test_a_scenarios_own_lexicon_is_never_answered_from_another() -> None:
    bundle = Library().load("engineer-release-freeze")  # its own phrases for "release week"
    own, standard = scenario_lexicon(bundle.scenario), standard_lexicon()
    text = "I know it is release week, so could I have 15 minutes after the release?"
    context = Context()
    with_standard = read(text, "outreach", context, standard)
    with_own = read(text, "outreach", context, own)
    assert with_own != with_standard  # the scenario's phrase is found where it is said
    assert with_own == FRESH(text, "outreach", context, own)
    assert read(text, "outreach", context, standard) == with_standard


def test_a_subject_read_as_a_headline_is_remembered_apart_from_the_same_words_as_a_body() -> None:
    lexicon, context = standard_lexicon(), Context()
    for text in ("Experienced coordinator seeking an HR role", "Quick question"):
        as_body = read(text, "outreach", context, lexicon)
        as_headline = read(text, "outreach", context, lexicon, headline=True)
        assert as_headline == FRESH(text, "outreach", context, lexicon, headline=True)
        assert as_body == FRESH(text, "outreach", context, lexicon)
