"""Scenario and persona content: models, safe YAML loading with positions, the library."""

from simulator.content.errors import ContentError, ContentLoadError
from simulator.content.library import Bundle, Library, bundle_from_texts
from simulator.content.models import CRITERIA, Persona, Scenario, Script

__all__ = [
    "CRITERIA",
    "Bundle",
    "ContentError",
    "ContentLoadError",
    "Library",
    "Persona",
    "Scenario",
    "Script",
    "bundle_from_texts",
]
