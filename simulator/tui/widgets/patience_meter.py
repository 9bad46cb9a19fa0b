"""PatienceMeter: how much more the persona will put up with (0 ends the meeting)."""

from __future__ import annotations

from simulator.tui.widgets.meter_bar import MeterBar


class PatienceMeter(MeterBar):
    """The persona's patience, 0-100."""

    LABEL = "Patience"
