"""Charts drawn on the server as inline SVG (no script, no CDN): monthly bars with an optional target line."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Optional

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 16, 34
GRID_LINES = 4


def _nice_top(value: float) -> float:
    """A round axis maximum at or above value: 1, 2 or 5 times a power of ten."""
    magnitude = 10 ** math.floor(math.log10(value))
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= value)


def month_bars(title: str, months: Sequence[str], values: Sequence[int], target: Optional[Sequence[int]] = None,
               target_label: str = "") -> Markup:
    """An SVG bar chart of one value per month, with the target per month as a dashed line when given."""
    top = _nice_top(max([1, *values, *(target or [])]))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(months))
    y = lambda v: TOP + plot_h * (1 - v / top)  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="chart" '
             f'aria-label="{escape(title)}"><title>{escape(title)}</title>']
    for k in range(GRID_LINES + 1):
        value = top * k / GRID_LINES
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" class="grid"/>'
                     f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" class="axis">{value:g}</text>')
    for k, (month, value) in enumerate(zip(months, values)):
        x = LEFT + k * slot + slot * 0.15
        parts.append(f'<rect x="{x:.1f}" y="{y(value):.1f}" width="{slot * 0.7:.1f}" height="{plot_h * value / top:.1f}" '
                     f'class="bar"><title>{escape(month)}: {value}</title></rect>'
                     f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle" class="axis">'
                     f'{escape(month[5:])}</text>')
    if target:
        points = " ".join(f"{LEFT + (k + 0.5) * slot:.1f},{y(v):.1f}" for k, v in enumerate(target))
        parts.append(f'<polyline points="{points}" class="target"/>'
                     f'<text x="{WIDTH - RIGHT}" y="{TOP - 4}" text-anchor="end" class="legend">- - {escape(target_label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
