"""Home's status line below the library: what is loading, and which files failed."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from simulator.listing_cache import listing
from simulator.tui.app import build_app
from simulator.tui.screens.home import HomeScreen


async def _settled(pilot) -> HomeScreen:
    for _ in range(50):
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if isinstance(screen, HomeScreen) and screen.scenario_entries():
            return screen
    raise AssertionError("the library never showed")


def _status(screen: HomeScreen) -> list[str]:
    return [str(s.render()) for s in screen.query("#home-status").results(Static) if s.display]


async def test_a_file_that_fails_is_named_below_the_library(home: Path) -> None:
    folder = home / "scenarios"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settled(pilot)
        shown = _status(screen)
        assert len(shown) == 1 and "1 file(s) could not be loaded" in shown[0]
        assert "broken.yaml" in shown[0]


async def test_with_the_library_cached_there_is_no_status_line(home: Path) -> None:
    listing()  # as a first start leaves it
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settled(pilot)
        assert _status(screen) == []
        assert len(screen.scenario_entries()) > 1


async def test_while_the_library_loads_it_says_so_then_goes(home: Path) -> None:
    app = build_app()  # nothing cached: the files are validated after the first frame
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        if not screen.scenario_entries():  # (a fast machine may already be done)
            assert any("Loading the library" in text for text in _status(screen))
        screen = await _settled(pilot)
        assert _status(screen) == []
