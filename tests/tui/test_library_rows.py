"""The library's rows are measured without wrapping when they fit, and wrapped when not."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from simulator.tui.widgets.library_list import Entry, LibraryList, _Row, entry_prompt

LONG = Entry(
    "scenario",
    "long",
    "A scenario with a rather long title",
    detail="Ask a busy head of people for fifteen minutes, then keep to them and thank them.",
    difficulty="hard",
    stages="write\u2192meet\u2192thank",
    minutes="20 min",
    persona="Head of People",
    field="healthcare",
)


def test_a_rows_height_is_what_wrapping_finds_at_every_width() -> None:
    for entry in (LONG, Entry("help", "help", "Help", "keys, screens and how grading works")):
        prompt = entry_prompt(entry)
        content = Content.from_rich_text(prompt)
        row = _Row(content, prompt.plain)
        for width in range(8, 120):
            assert row.get_height({}, width) == content.get_height({}, width), width


class _Narrow(App[None]):
    def compose(self) -> ComposeResult:
        yield LibraryList(id="list")


async def test_a_long_row_wraps_in_a_narrow_list() -> None:
    app = _Narrow()
    async with app.run_test(size=(40, 20)) as pilot:
        listing = app.query_one(LibraryList)
        listing.set_entries([LONG, Entry("help", "help", "Help")])
        await pilot.pause()
        heights = listing._heights
        assert heights[0] > 3  # the summary is longer than the list is wide
        assert heights[1] == 1
