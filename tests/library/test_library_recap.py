"""A thank-you-only scenario opens with its recap, with the session's names filled in."""

from __future__ import annotations

from simulator.content import Library
from simulator.conversation.session import Session


def test_recap_names_the_same_people_the_persona_will_mention(library: Library) -> None:
    bundle = library.load("hiring-manager-thank-you")
    assert "{colleague}" in bundle.scenario.stages.thank_you.recap  # type: ignore[union-attr]
    for seed in (1, 2):
        session = Session(bundle, seed)
        recap = session.transcript.turns[0]
        assert recap.kind == "recap"
        assert "{" not in recap.text
        assert session.identities["colleague"] in recap.text
        assert session.identities["persona_name"] in recap.text


def test_recap_is_replayed_from_recorded_identities(library: Library) -> None:
    bundle = library.load("hiring-manager-thank-you")
    first = Session(bundle, 3)
    again = Session(bundle, 99, identities=first.transcript.identities)
    assert again.transcript.turns[0].text == first.transcript.turns[0].text
