"""MeetingClock: simulated minutes used against the minutes the persona granted."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class MeetingClock(Widget):
    """``Clock  7.5 / 15 min  ▰▰▰▰▱▱▱▱`` (simulated minutes, never the wall clock)."""

    DEFAULT_CSS = """
    MeetingClock { height: 1; width: 1fr; }
    """

    used: reactive[float] = reactive(0.0)
    granted: reactive[int] = reactive(0)
    warn_at: reactive[int] = reactive(5)

    def show(self, used: float, granted: int, warn_at: int) -> None:
        self.granted = granted
        self.warn_at = warn_at
        self.used = used
        self.set_class(granted > 0 and granted - used <= warn_at, "-late")

    def render(self) -> Text:
        out = Text.assemble(("Clock    ", "bold"))
        if not self.granted:
            out.append("not started", style="dim")
            return out
        left = max(0.0, self.granted - self.used)
        out.append(f"{self.used:4.1f} / {self.granted} min")
        width = max(4, min(20, self.size.width - 30))
        filled = min(width, round(width * self.used / self.granted))
        late = left <= self.warn_at
        out.append("  ")
        out.append("\u25b0" * filled, style="red" if late else "cyan")
        out.append("\u25b1" * (width - filled), style="dim")
        out.append(f"  {left:.0f} left", style="bold red" if late else "")
        return out
