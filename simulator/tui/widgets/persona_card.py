"""PersonaCard: who the learner will write to, what their season is like, what annoys them."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from simulator.content import Persona
from simulator.tui.literal import clean


def card_text(persona: Persona, values: dict[str, Any]) -> Text:
    """The card as literal text (author strings are never markup)."""
    out = Text()
    out.append(str(values.get("persona_name", persona.name or "?")), style="bold")
    out.append(f"\n{persona.role}, {values.get('company', persona.company or '?')}")
    out.append(f"\n{persona.archetype}", style="italic")
    if persona.season:
        out.append("\n\nSeason  ", style="bold")
        out.append(persona.season)
    if persona.on_their_plate:
        out.append("\n\nOn their plate", style="bold")
        for item in persona.on_their_plate:
            out.append(f"\n \u2022 {item}")
    if persona.pet_peeves:
        out.append("\n\nPet peeves", style="bold red")
        for item in persona.pet_peeves:
            out.append(f"\n \u2022 {item}")
    return clean(out)


class PersonaCard(Static):
    """The persona card on the briefing."""

    DEFAULT_CSS = """
    PersonaCard { height: auto; }
    """

    def __init__(self, persona: Persona, values: dict[str, Any], *, id: str | None = None):
        super().__init__(card_text(persona, values), id=id)
