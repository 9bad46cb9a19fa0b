"""Previewing a draft outside a session: the app's draft check and ``simulator analyze``.

Both call ``preview`` (which calls the engine's ``judge``), and a session reads its own
turns through the same ``judge``, so the three always agree on a text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: the package (and AppOptions) stays light
    from simulator.content import Bundle
    from simulator.content.models import Persona, Scenario
    from simulator.conversation.judgement import Judgement
    from simulator.reading import Lexicon, Reading

STAGES = ("outreach", "follow_up", "meeting", "thank_you")
"""What a draft can be."""


def preview(
    text: str,
    stage: str,
    persona: Persona,
    scenario: Scenario | None = None,
    *,
    attachments: tuple[str, ...] = (),
    resume_requested: bool = False,
    after_days: int | None = None,
    subject: str = "",
) -> Judgement:
    """How ``persona`` (in ``scenario``, if given) reads a draft and what they would do."""
    from simulator.conversation.judgement import judge

    return judge(
        text,
        stage,
        persona,
        scenario,
        attachments=attachments,
        resume_requested=resume_requested,
        after_days=after_days,
        subject=subject,
    )


def preview_bundle(text: str, stage: str, bundle: Bundle, subject: str = "") -> Judgement:
    """``preview`` with a loaded scenario's persona and scenario."""
    return preview(text, stage, bundle.persona, bundle.scenario, subject=subject)


def scenario_lexicon(bundle: Bundle | None) -> Lexicon:
    """The lexicon a scenario reads with (the standard one without a scenario)."""
    from simulator.reading import scenario_lexicon as for_scenario
    from simulator.reading import standard_lexicon

    return for_scenario(bundle.scenario) if bundle is not None else standard_lexicon()


def read_only(text: str, stage: str) -> Reading:
    """The reading alone, with no persona to decide (when no scenario can be loaded)."""
    from simulator.reading import read, standard_lexicon

    return read(text, stage, None, standard_lexicon())
