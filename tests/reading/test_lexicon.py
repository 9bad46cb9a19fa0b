"""The lexicon is data: phrases extend it, never patterns; ids others rely on stay."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from simulator.reading import read, standard_lexicon
from simulator.reading.docs import BEGIN, END, replace_section, vocabulary_markdown

ROOT = Path(__file__).resolve().parents[2]
KEPT_IDS = {
    "thank_you_specific",
    "no_thank_you",
    "late_thank_you",
    "meeting_overrun",
    "ended_on_time",
    "persona_lost_patience",
    "long_time_ask",
    "bounded_time_ask",
    "open_ended_time_ask",
    "long_message",
    "repeated_contact",
    "acknowledges_busy",
    "flexible_scheduling",
    "job_pitch",
    "asks_about_openings",
    "bypass_application",
    "resume_attached",
    "resume_offered",
    "referral_for_role",
    "personalized",
    "mutual_referral",
    "name_drop",
    "clear_purpose",
    "gratitude",
    "asks_for_contacts",
    "question_career_path",
    "question_day_to_day",
    "question_advice",
    "question_industry",
    "question_companies",
    "question_skills",
    "question_googleable",
    "question_salary",
}


def test_every_documented_and_relied_on_id_exists() -> None:
    specs = standard_lexicon().specs
    assert set(specs) >= KEPT_IDS
    for spec in specs.values():
        assert spec.polarity in ("positive", "negative")
        assert spec.rule and spec.tip and spec.family


def test_a_scenario_extends_a_signal_with_phrases() -> None:
    base = standard_lexicon()
    extended = base.extended({"acknowledges_busy": ["calibration week"], "nonsense": ["x y"]})
    text = "Good luck with calibration week."
    assert not read(text, "outreach", lexicon=base).has("acknowledges_busy")
    assert read(text, "outreach", lexicon=extended).has("acknowledges_busy")
    assert base.unknown({"nonsense": ["x"]}) == ["nonsense"]


def test_author_phrases_are_words_not_patterns() -> None:
    hostile = "(a+)+$ hiring [freeze]*"
    lexicon = standard_lexicon().extended({"job_pitch": [hostile]})
    assert not read("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "outreach", lexicon=lexicon).has(
        "job_pitch"
    )
    # Punctuation in a phrase is ignored: its words are what count.
    assert read("I hear about a hiring freeze there.", "outreach", lexicon=lexicon).has("job_pitch")


def test_help_does_not_load_the_lexicon() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from simulator.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main(['--help'])\n    except SystemExit:\n        pass\n"
        "print('simulator.reading.matcher' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_docs_vocabulary_table_is_up_to_date() -> None:
    doc = (ROOT / "docs" / "reading.md").read_text(encoding="utf-8")
    assert BEGIN in doc and END in doc
    assert replace_section(doc, vocabulary_markdown()) == doc, (
        "docs/reading.md is stale: run python -m simulator.reading.docs docs/reading.md"
    )


def test_every_standard_signal_has_a_label_in_plain_words() -> None:
    # Learners see a signal (a blocker included) by its label, never by its id.
    from simulator.reading import standard_lexicon

    specs = standard_lexicon().specs
    unlabelled = [sid for sid, spec in specs.items() if not spec.label]
    assert not unlabelled, unlabelled
    for sid, spec in specs.items():
        assert "_" not in spec.label, sid
    labels = [spec.label for spec in specs.values()]
    assert len(set(labels)) == len(labels), "two signals read the same"


def test_a_frame_gap_beyond_the_matcher_limit_is_refused_not_silently_cut() -> None:
    """A frame saying "gap: 10" used to be read as 6 without a word; now it says why."""
    import pytest

    from simulator.reading.lexicon import MAX_GAP, parse_lexicon

    frame: dict[str, object] = {"slots": [["i applied"], ["to your"]], "gap": MAX_GAP + 4}
    signal = {
        "polarity": "negative",
        "criterion": "no_pitch",
        "points": -10,
        "rule": "r",
        "tip": "t",
        "frames": [frame],
    }
    with pytest.raises(ValueError, match=f"gap is {MAX_GAP + 4}; it must be 0-{MAX_GAP}"):
        parse_lexicon({"families": {"pitch": {"made_up": signal}}})
    frame["gap"] = MAX_GAP
    assert "made_up" in parse_lexicon({"families": {"pitch": {"made_up": signal}}}).specs


def test_the_lexicon_reads_the_same_without_libyaml() -> None:
    """``standard_lexicon`` falls back to PyYAML's pure-Python loader where libyaml is
    missing; the file must parse there too, to the same data ("quick call?" in a flow list
    parses with libyaml but not without it unless quoted)."""
    import yaml

    from simulator.reading.lexicon import LEXICON_PATH

    text = LEXICON_PATH.read_text(encoding="utf-8")
    pure = yaml.load(text, Loader=yaml.SafeLoader)
    assert pure == yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
