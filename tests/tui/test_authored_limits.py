"""The app follows what the author wrote: the persona's word aim, the library's fields."""

from __future__ import annotations

from pathlib import Path

from simulator.content import Library
from simulator.tui.app import build_app
from simulator.tui.screens.composer import ComposerScreen
from simulator.tui.widgets.length_counter import LengthCounter
from simulator.tui.widgets.library_list import LibraryList

from .conftest import settle


async def test_the_word_counter_aims_at_the_personas_max_words(home: Path) -> None:
    bundle = Library().load("nurse-flu-season")
    assert bundle.persona.temperament.max_words == 120
    app = build_app(bundle)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        counter = app.screen.query_one(LengthCounter)
        assert counter.aim_words == 120
        counter.count("word " * 110)
        assert not counter.over  # 110 words: over the old fixed 100, under this persona's 120
        counter.count("word " * 121)
        assert counter.over


async def test_the_library_filters_by_field(home: Path) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(LibraryList)
        await pilot.press(*"field:healthcare")
        await pilot.pause()
        assert [e.key for e in listing.shown] == ["nurse-flu-season"]
        await pilot.press("escape")
        await pilot.press(*"field:hr")
        await pilot.pause()
        keys = {e.key for e in listing.shown}
        assert "review-season-cold-email" in keys and "nurse-flu-season" not in keys
