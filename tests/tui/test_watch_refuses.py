"""``play --watch`` refuses what ``validate`` refuses: a renamed line group shows an error."""

from __future__ import annotations

from pathlib import Path

from simulator.authoring.load import load_checked
from simulator.content import Library
from simulator.tui.app import build_app
from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.content_errors import ContentErrorsScreen

from .conftest import screen_text


def _library(tmp: Path) -> tuple[Path, Path]:
    source = Library().load("review-season-meeting")
    (tmp / "scenarios").mkdir()
    (tmp / "personas").mkdir()
    scenario = tmp / "scenarios" / "draft.yaml"
    scenario.write_text(
        source.scenario_text.replace("id: review-season-meeting", "id: draft"), "utf-8"
    )
    persona = tmp / "personas" / "hr-manager-review-season.yaml"
    persona.write_text(source.persona_text, "utf-8")
    return scenario, persona


async def test_renaming_a_line_group_on_save_shows_the_cross_file_error(
    home: Path, tmp_path: Path
) -> None:
    scenario, persona = _library(tmp_path)
    app = build_app(load_checked(str(scenario)), watch=str(scenario))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        text = persona.read_text("utf-8")
        persona.write_text(text.replace("  comp_committee_ping:", "  comp_ping:"), "utf-8")
        app._poll_content()
        await pilot.pause()
        assert isinstance(app.screen, ContentErrorsScreen)
        shown = " ".join(screen_text(app).split())
        assert f"{scenario}:" in shown
        assert "no line group 'comp_committee_ping'" in shown
