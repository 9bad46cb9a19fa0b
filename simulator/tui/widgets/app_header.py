"""AppHeader: Textual's one-line header (icon, title, subtitle) drawn by a single widget.

Home's first frame is what start-up is timed by (``benchmarks/bench_startup.py``), and
Textual's ``Header`` is four widgets (the header, its icon, its title and the clock's
space) with their default CSS to parse and style. This widget draws the same line: the
icon in an 8-column cell on the left, the title (and ``" — subtitle"``, dimmed) centred
between it and the 10 columns kept for the clock, cut with an ellipsis when too long.
It behaves the same way: clicking the icon opens the command palette (its tooltip says
so, and it lights up under the mouse), clicking elsewhere toggles a three-line header.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.events import Click, Leave, Mount, MouseMove
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

ICON_CELL = 8
"""Columns of the icon's cell (Textual's ``HeaderIcon``: width 8, padding 0 1)."""
CLOCK_CELL = 10
"""Columns kept on the right for a clock (Textual's ``HeaderClockSpace``)."""
PALETTE_TIP = "Open the command palette"


class AppHeader(Widget):
    """The screen's title line, as Textual's ``Header(show_clock=False)`` draws it."""

    DEFAULT_CSS = """
    AppHeader {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        content-align: left middle;
    }
    AppHeader.-tall { height: 3; }
    """

    icon_hover: reactive[bool] = reactive(False)

    def __init__(self, icon: str = "\u25c6", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.icon = icon

    def _on_mount(self, _: Mount) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._retitle, init=False)
            self.watch(node, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    @property
    def title_content(self) -> Content:
        """The title and subtitle as the app formats them (``App.format_title``)."""
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        return self.app.format_title(title, sub_title)

    def render_line(self, y: int) -> Strip:
        """The middle row: icon cell, centred title, the clock's empty cell.

        The segments are cut where ``Header``'s widgets cut them (icon padding, icon,
        its cell, the title's centring, the title's spans, the clock's space), so a
        screenshot of this line is the same as ``Header``'s, byte for byte.
        """
        width = self.size.width
        base = self.visual_style
        rich = base.rich_style
        if y != (self.size.height - 1) // 2:
            return Strip([Segment(" " * width, rich)], width)
        icon_style = rich
        if self.icon_hover:
            icon_style = rich + RichStyle(bgcolor=self._hover_colour())
        # Textual paints a widget's padding in its background alone (no text colour).
        pad = RichStyle(bgcolor=icon_style.bgcolor)
        clock_pad = RichStyle(bgcolor=rich.bgcolor)
        middle = max(0, width - ICON_CELL - CLOCK_CELL)
        title = self.title_content
        if title.cell_length > middle:
            title = title.truncate(middle, ellipsis=True)
        left = (middle - title.cell_length) // 2
        right = middle - title.cell_length - left
        segments = [
            Segment(" ", pad),
            Segment(self.icon, icon_style),
            Segment(" " * (ICON_CELL - 2 - cell_len(self.icon)), icon_style),
            Segment(" ", pad),
            Segment(" " * left, rich),
            *title.render_segments(base),
            Segment(" " * right, rich),
            Segment(" ", clock_pad),
            Segment("", rich),
            Segment(" " * (CLOCK_CELL - 2), clock_pad),
        ]
        # Header's segments come from four widgets and never merge; these would (a
        # screenshot joins equal styles), so each carries its own place as meta. The
        # clock's right padding is its own segment that a screenshot does join.
        apart = [
            Segment(text, (style or rich) + RichStyle.from_meta({"header-part": place}))
            for place, (text, style, _) in enumerate(segments)
        ]
        apart.append(Segment(" ", apart[-1].style))
        return Strip(apart).crop(0, width)

    def _hover_colour(self) -> str:
        """The icon's background under the mouse: ``$foreground 10%`` over the header."""
        from textual.color import Color

        foreground = Color.parse(self.app.theme_variables["foreground"])
        return (self.styles.background + foreground.with_alpha(0.1)).hex

    def _on_mouse_move(self, event: MouseMove) -> None:
        over = event.x < ICON_CELL and self.app.ENABLE_COMMAND_PALETTE
        self.icon_hover = over
        self.tooltip = PALETTE_TIP if over else None

    def _on_leave(self, _: Leave) -> None:
        self.icon_hover = False

    def watch_icon_hover(self) -> None:
        self.refresh()

    async def _on_click(self, event: Click) -> None:
        if event.x < ICON_CELL and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
            return
        self.toggle_class("-tall")
