"""RapportMeter: how warm the persona feels towards the learner."""

from __future__ import annotations

from simulator.tui.widgets.meter_bar import MeterBar


class RapportMeter(MeterBar):
    """The persona's rapport with the learner, 0-100."""

    LABEL = "Rapport "
