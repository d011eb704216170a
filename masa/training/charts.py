"""The chart of a training needs analysis: staff needing training on each topic, a bar per level
(docs/domain.md, "21.1 The training needs analysis").

Pure Python, drawn as SVG on the server like masa.indicators.charts: role="img" with a <title>
and a <desc> that says every figure, and the page puts a table of the same figures beside it.
Bars run across, so long topic names fit on the left; each bar carries its number, so the
colours (each at least 3:1 on white, WCAG 1.4.11) are never the only way to tell them apart:
the levels are always in the same order, named in the legend.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

COLOURS = ("#1d70b8", "#0b0c0c", "#00703c")  # GOV.UK blue 5.2:1, black 19:1, green 5.8:1
TEXT = "#0b0c0c"
AXIS = "#505a5f"

WIDTH = 420
LABEL_WIDTH = 150  # topic names, on the left
RIGHT = 36  # room for the number at the end of the longest bar
LEGEND_HEIGHT = 28
BAR = 12
BAR_GAP = 2
GROUP_GAP = 14
LABEL_CHARS = 24


@dataclass(frozen=True)
class Group:
    """A topic and its numbers, one per series (level), in the order of the series."""

    label: str
    values: Sequence[int]


def _wrap(label: str, width: int = LABEL_CHARS, most: int = 3) -> list[str]:
    """A label broken at spaces into at most `most` lines of about `width` characters."""
    lines = [""]
    for word in label.split():
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width:
            if len(lines) == most:
                lines[-1] = lines[-1][: width - 1] + "…"
                break
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _top(values: Sequence[int]) -> int:
    """A round number at or above the largest value (the end of the scale)."""
    high = max([1, *values])
    step = 1
    while step * 10 < high:
        step *= 10
    for multiple in (1, 2, 5, 10):
        if high <= step * multiple:
            return step * multiple
    return step * 10


def describe(groups: Sequence[Group], series: Sequence[str], unit: str) -> str:
    if not groups:
        return "No figures yet."
    parts = [
        f"{group.label}: "
        + ", ".join(f"{name} {value:,}" for name, value in zip(series, group.values, strict=True))
        for group in groups
    ]
    return f"{unit}. " + "; ".join(parts) + "."


def grouped_bar_chart(
    groups: Sequence[Group], series: Sequence[str], *, title: str, unit: str, chart_id: str
) -> str:
    """Across-running bars: for each group (topic) a bar per series (level), with a legend."""
    per_group = len(series) * (BAR + BAR_GAP) - BAR_GAP
    height = LEGEND_HEIGHT + len(groups) * (per_group + GROUP_GAP) + 8
    plot_width = WIDTH - LABEL_WIDTH - RIGHT
    top = _top([v for g in groups for v in g.values])
    ident = escape(chart_id)
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'class="masa-chart masa-chart--bar" focusable="false" aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(describe(groups, series, unit))}</desc>',
    ]
    x = 8
    for index, name in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        lines.append(f'<rect x="{x}" y="6" width="10" height="10" fill="{colour}"/>')
        lines.append(f'<text x="{x + 14}" y="15" font-size="11" fill="{TEXT}">{escape(name)}</text>')
        x += 14 + 7 * len(name) + 12
    y = LEGEND_HEIGHT
    for group in groups:
        label_lines = _wrap(group.label)
        first = y + per_group / 2 - (len(label_lines) - 1) * 6.5 + 4
        spans = "".join(
            f'<tspan x="{LABEL_WIDTH - 8}" dy="{0 if n == 0 else 13}">{escape(line)}</tspan>'
            for n, line in enumerate(label_lines)
        )
        lines.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{first:.1f}" text-anchor="end" font-size="11" '
            f'fill="{TEXT}">{spans}</text>'
        )
        for index, value in enumerate(group.values):
            colour = COLOURS[index % len(COLOURS)]
            bar_y = y + index * (BAR + BAR_GAP)
            length = plot_width * value / top
            lines.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{length:.1f}" height="{BAR}" fill="{colour}"/>'
            )
            lines.append(
                f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{bar_y + BAR - 2}" font-size="10" '
                f'fill="{TEXT}">{value:,}</text>'
            )
        y += per_group + GROUP_GAP
    lines.append(
        f'<line x1="{LABEL_WIDTH}" y1="{LEGEND_HEIGHT - 4}" x2="{LABEL_WIDTH}" y2="{y - GROUP_GAP + 4}" '
        f'stroke="{AXIS}" stroke-width="1"/>'
    )
    lines.append("</svg>")
    return "\n".join(lines)
