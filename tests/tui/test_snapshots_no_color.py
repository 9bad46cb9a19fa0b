"""With NO_COLOR every state still reads: chosen and not chosen, usable and not.

Radio buttons used to draw the same mark for every option, and a key that cannot be used
right now was only a shade darker. Look at each SVG: the chosen option has a dot, the
others a blank; a key that cannot be used is crossed out (✗) and struck through.
"""

from __future__ import annotations

from typing import Any

import pytest

from simulator.conversation import Say

from .test_snapshots import cold_app, ready, snapshot_content, to_meeting

__all__ = ["snapshot_content"]  # the autouse fixture: the snapshot scenario in the user folder


@pytest.fixture(autouse=True)
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


class TestNoColour:
    """Screens whose states were told apart by colour only, at 80x24 without colour."""

    def test_export_formats(self, snap_compare: Any) -> None:
        """The export dialog: Markdown chosen, JSON and HTML not."""

        async def run_before(pilot: Any) -> None:
            await to_meeting(pilot)
            app = pilot.app
            app.send(Say("I want to respect your time, so I'll wrap up there. Thank you."))
            app.route()
            await ready(pilot)
            await pilot.press("f4")  # no thank-you
            await pilot.press("enter")
            await ready(pilot)
            await pilot.press("enter")
            await ready(pilot)
            await pilot.press("e")
            await ready(pilot)
            path = app.screen.query_one("#export-path")
            path.value = "~/exports/snapshot-cold-email-20261201-143502.md"  # not the tmp folder
            await ready(pilot)

        assert snap_compare(cold_app(), run_before=run_before)

    def test_meeting_over_keys(self, snap_compare: Any) -> None:
        """The meeting is over: Wrap up and Leave cannot be used (crossed), Continue can."""

        async def run_before(pilot: Any) -> None:
            await to_meeting(pilot)
            app = pilot.app
            app.screen.say(Say("I want to respect your time, so I'll wrap up there. Thank you."))
            await ready(pilot)

        assert snap_compare(cold_app(), run_before=run_before)
