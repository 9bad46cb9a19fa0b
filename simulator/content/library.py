"""The library of scenarios and personas, without a UI: built-in files plus the user's own.

Built-in content lives at the repository's top level (``scenarios/``, ``personas/``);
an installed wheel carries a copy under ``simulator/_library/``. User content lives in
``<user data>/scenarios`` and ``<user data>/personas`` and may add new ids (it never
silently replaces a built-in one: the built-in wins and the clash is reported).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from simulator.content.errors import ContentError, ContentLoadError
from simulator.content.models import Persona, Scenario
from simulator.paths import builtin_dir, content_files, library_folders


@dataclass(frozen=True)
class Bundle:
    """A scenario with its persona and the exact texts they were loaded from."""

    scenario: Scenario
    persona: Persona
    scenario_text: str
    persona_text: str
    scenario_source: str = ""
    persona_source: str = ""

    @property
    def hashes(self) -> dict[str, str]:
        """sha256 of each file's text, recorded in transcripts and assignments."""
        from simulator.content.loader import content_hash

        return {
            "scenario": content_hash(self.scenario_text),
            "persona": content_hash(self.persona_text),
        }


def with_pass_mark(bundle: Bundle, pass_mark: int | None) -> Bundle:
    """The bundle with its scenario's pass mark replaced (an assignment's own mark).

    The texts and so the hashes are unchanged; every report graded from the result
    carries this pass mark. ``None`` keeps the scenario's.
    """
    scenario = bundle.scenario
    if pass_mark is None or scenario.rubric.pass_mark == pass_mark:
        return bundle
    rubric = scenario.rubric.model_copy(update={"pass_mark": pass_mark})
    return replace(bundle, scenario=scenario.model_copy(update={"rubric": rubric}))


def bundle_from_texts(
    scenario_text: str,
    persona_text: str,
    scenario_source: str = "<scenario>",
    persona_source: str = "<persona>",
) -> Bundle:
    """Validate a scenario and persona given as text (e.g. embedded in an assignment)."""
    from simulator.content.loader import parse_model

    scenario = parse_model(Scenario, scenario_text, scenario_source)
    persona = parse_model(Persona, persona_text, persona_source)
    if scenario.persona != persona.id:
        raise ContentLoadError(
            [
                ContentError(
                    scenario_source,
                    1,
                    1,
                    f"scenario wants persona '{scenario.persona}', got '{persona.id}'",
                )
            ]
        )
    return Bundle(scenario, persona, scenario_text, persona_text, scenario_source, persona_source)


class Library:
    """Finds scenarios and personas by id or path."""

    def __init__(self, folders: dict[str, list[Path]] | None = None) -> None:
        self.folders = folders or {
            kind: library_folders(kind) for kind in ("scenarios", "personas")
        }

    def files(self, kind: str) -> dict[str, Path]:
        """Every ``<id>.yaml`` (or ``.yml``) of a kind, first folder winning on a clash."""
        return content_files(self.folders[kind])

    def is_builtin(self, path: Path) -> bool:
        return path.parent.resolve() == builtin_dir(path.parent.name).resolve()

    def scenario_path(self, ref: str) -> Path:
        """Resolve a scenario id or a path to a file."""
        candidate = Path(ref)
        if candidate.suffix in (".yaml", ".yml") or candidate.exists():
            return candidate
        files = self.files("scenarios")
        if ref in files:
            return files[ref]
        import difflib

        close = difflib.get_close_matches(ref, list(files), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise ContentLoadError([ContentError(ref, 1, 1, f"no scenario with id '{ref}'{hint}")])

    def persona_path(self, persona_id: str, near: Path | None = None) -> Path:
        """Find a persona file: beside the scenario first, then the library."""
        if near is not None:
            for folder in (near.parent.parent / "personas", near.parent):
                for suffix in (".yaml", ".yml"):
                    path = folder / f"{persona_id}{suffix}"
                    if path.is_file():
                        return path
        files = self.files("personas")
        if persona_id in files:
            return files[persona_id]
        raise FileNotFoundError(persona_id)

    def load_persona(self, persona_id: str, near: Path | None = None) -> tuple[Persona, str, Path]:
        from simulator.content.loader import parse_model, read_text

        path = self.persona_path(persona_id, near)
        text = read_text(path)
        return parse_model(Persona, text, str(path)), text, path

    def load(self, ref: str) -> Bundle:
        """Load a scenario (id or path) and its persona, validated."""
        from simulator.content.loader import parse_model, read_text

        path = self.scenario_path(ref)
        text = read_text(path)
        scenario = parse_model(Scenario, text, str(path))
        try:
            persona, persona_text, persona_path = self.load_persona(scenario.persona, path)
        except FileNotFoundError:
            import difflib

            from simulator.content.safe_yaml import load_located

            located = load_located(text, str(path))
            close = difflib.get_close_matches(scenario.persona, list(self.files("personas")), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise ContentLoadError(
                [
                    located.error(
                        ("persona",), f"no persona '{scenario.persona}'{hint}", at_value=True
                    )
                ]
            ) from None
        return Bundle(scenario, persona, text, persona_text, str(path), str(persona_path))
