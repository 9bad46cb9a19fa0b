"""Inline SVG charts for the class report, without a UI: no scripts, no external assets.

Each function returns one ``<svg>`` element with a ``<title>`` and an ``aria-label`` so
the chart is described to screen readers; every label is HTML-escaped.
"""

from __future__ import annotations

from html import escape

BAR_COLOUR = "#3a6ea5"
PASS_COLOUR = "#0a6b2d"
FAIL_COLOUR = "#a4161a"
GRID = "#d0d0d0"


def bar_chart(rows: list[tuple[str, float | None, str]], *, label: str, width: int = 640) -> str:
    """Horizontal bars on a 0-100 scale: (name, value or None, note shown after the bar)."""
    row_h, left, right = 30, 210, 120
    plot = width - left - right
    height = row_h * len(rows) + 30
    parts = [
        f"<svg class='chart' xmlns='http://www.w3.org/2000/svg' width='{width}' "
        f"height='{height}' viewBox='0 0 {width} {height}' role='img' "
        f"aria-label='{escape(label)}'><title>{escape(label)}</title>"
    ]
    for tick in (0, 25, 50, 75, 100):
        x = left + plot * tick / 100
        parts.append(
            f"<line x1='{x:.1f}' y1='4' x2='{x:.1f}' y2='{height - 22}' stroke='{GRID}'/>"
            f"<text x='{x:.1f}' y='{height - 6}' font-size='11' text-anchor='middle'>{tick}</text>"
        )
    for index, (name, value, note) in enumerate(rows):
        y = 6 + index * row_h
        parts.append(
            f"<text x='{left - 8}' y='{y + 15}' font-size='13' text-anchor='end'>"
            f"{escape(name)}</text>"
        )
        if value is not None:
            w = plot * max(0.0, min(100.0, value)) / 100
            parts.append(
                f"<rect class='bar' x='{left}' y='{y}' width='{w:.1f}' height='20' "
                f"fill='{BAR_COLOUR}'><title>{escape(name)}: {value:.0f}</title></rect>"
            )
        parts.append(
            f"<text x='{left + plot + 8}' y='{y + 15}' font-size='12'>{escape(note)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def histogram(scores: list[int], pass_mark: int | None, *, label: str, width: int = 640) -> str:
    """Counts of scores in ten 10-point bins, with the pass mark drawn as a line."""
    bins = [0] * 10
    for score in scores:
        bins[min(9, max(0, score) // 10)] += 1
    top = max(bins) or 1
    height, bottom, left = 200, 24, 30
    plot_h = height - bottom - 10
    step = (width - left - 20) / 10
    parts = [
        f"<svg class='chart' xmlns='http://www.w3.org/2000/svg' width='{width}' "
        f"height='{height}' viewBox='0 0 {width} {height}' role='img' "
        f"aria-label='{escape(label)}'><title>{escape(label)}</title>"
        f"<line x1='{left}' y1='{height - bottom}' x2='{width - 10}' y2='{height - bottom}' "
        f"stroke='{GRID}'/>"
    ]
    for index, count in enumerate(bins):
        h = plot_h * count / top
        x = left + index * step
        low = index * 10
        colour = PASS_COLOUR if pass_mark is not None and low >= pass_mark else BAR_COLOUR
        parts.append(
            f"<rect class='bar' x='{x + 2:.1f}' y='{height - bottom - h:.1f}' "
            f"width='{step - 4:.1f}' height='{h:.1f}' fill='{colour}'>"
            f"<title>{low}-{low + 9 if index < 9 else 100}: {count}</title></rect>"
            f"<text x='{x:.1f}' y='{height - 8}' font-size='11' "
            f"text-anchor='middle'>{low}</text>"
        )
        if count:
            parts.append(
                f"<text x='{x + step / 2:.1f}' y='{height - bottom - h - 3:.1f}' "
                f"font-size='11' text-anchor='middle'>{count}</text>"
            )
    parts.append(
        f"<text x='{left + 10 * step:.1f}' y='{height - 8}' font-size='11' "
        "text-anchor='middle'>100</text>"
    )
    if pass_mark is not None:
        x = left + step * pass_mark / 10
        parts.append(
            f"<line x1='{x:.1f}' y1='4' x2='{x:.1f}' y2='{height - bottom}' "
            f"stroke='{FAIL_COLOUR}' stroke-dasharray='4 3'/>"
            f"<text x='{x + 4:.1f}' y='14' font-size='11'>pass mark {pass_mark}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
