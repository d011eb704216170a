"""Charts as SVG drawn on the server, so they need no JavaScript and are the same for everyone.

Pure Python (no Django). Every chart has role="img", a <title> and a <desc> naming what it shows;
the page puts a data table with the same figures right after it. Colours have at least 3:1
contrast on white (WCAG 1.4.11); no inline style attributes (the Content Security Policy forbids
them): SVG presentation attributes and classes from masa.css only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

# GOV.UK colours: blue 5.2:1, black 19:1, dark grey 7:1, red 5.0:1 on white.
LINE = "#1d70b8"
TEXT = "#0b0c0c"
AXIS = "#505a5f"
TARGET = "#d4351c"
HIGHLIGHT = "#0b0c0c"

WIDTH = 420
HEIGHT = 220
LEFT = 56
RIGHT = 12
TOP = 16
BOTTOM = 52


@dataclass(frozen=True)
class Point:
    label: str
    value: Decimal | None


def _fmt(value: Decimal | float) -> str:
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.quantize(Decimal('0.1')):,}"


def _scale(values: Sequence[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    """A y range from zero (or the lowest value, if negative) to a round number above the top,
    and the round step between gridlines (so counts never get ticks like 37.5)."""
    low = min([Decimal(0), *values])
    high = max([Decimal(0), *values])
    if high == low:
        high = low + 1
    span = high - low
    step = _nice_step(span / 4)
    top = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    bottom = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    return bottom, top, step


def _nice_step(raw: Decimal) -> Decimal:
    if raw <= 0:
        return Decimal(1)
    exponent = raw.adjusted()
    base = Decimal(10) ** exponent
    for m in (1, 2, 5, 10):
        if raw <= base * m:
            return base * m
    return base * 10


def _open(title: str, desc: str, css: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'class="masa-chart {css}" focusable="false" aria-labelledby="{{id}}-title {{id}}-desc">',
        f'<title id="{{id}}-title">{escape(title)}</title>',
        f'<desc id="{{id}}-desc">{escape(desc)}</desc>',
    ]


def _y_axis(lines: list[str], bottom: Decimal, top: Decimal, step: Decimal, y_label: str, y) -> None:
    plot_bottom = HEIGHT - BOTTOM
    lines.append(
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{plot_bottom}" stroke="{AXIS}" stroke-width="1"/>'
    )
    lines.append(
        f'<line x1="{LEFT}" y1="{plot_bottom}" x2="{WIDTH - RIGHT}" y2="{plot_bottom}" '
        f'stroke="{AXIS}" stroke-width="1"/>'
    )
    ticks = int((top - bottom) / step)
    for i in range(ticks + 1):
        value = bottom + step * i
        ypos = y(value)
        lines.append(
            f'<text x="{LEFT - 6}" y="{ypos + 4:.1f}" text-anchor="end" font-size="11" fill="{TEXT}">'
            f"{_fmt(value)}</text>"
        )
        if i:
            lines.append(
                f'<line x1="{LEFT}" y1="{ypos:.1f}" x2="{WIDTH - RIGHT}" y2="{ypos:.1f}" '
                f'stroke="{AXIS}" stroke-width="0.5" stroke-dasharray="2 4"/>'
            )
    lines.append(
        f'<text x="12" y="{(TOP + plot_bottom) / 2:.1f}" text-anchor="middle" font-size="11" fill="{TEXT}" '
        f'transform="rotate(-90 12 {(TOP + plot_bottom) / 2:.1f})">{escape(y_label)}</text>'
    )


def _target(lines: list[str], target: Decimal | None, y) -> None:
    if target is None:
        return
    ypos = y(target)
    lines.append(
        f'<line x1="{LEFT}" y1="{ypos:.1f}" x2="{WIDTH - RIGHT}" y2="{ypos:.1f}" stroke="{TARGET}" '
        f'stroke-width="2" stroke-dasharray="6 4"/>'
    )
    lines.append(
        f'<text x="{WIDTH - RIGHT}" y="{ypos - 4:.1f}" text-anchor="end" font-size="11" fill="{TARGET}">'
        f"Target {_fmt(target)}</text>"
    )


def labelled_indices(count: int, most: int = 5) -> set[int]:
    """Which x-axis labels a line chart draws so they never overlap: at most `most`, evenly
    spaced, counted back from the latest period (always labelled)."""
    if count <= 0:
        return set()
    every = max(1, -(-count // most))  # ceiling division
    return set(range(count - 1, -1, -every))


def _text_lines(label: str, width: int) -> list[str]:
    """A label broken at spaces into lines of about `width` characters (at most two)."""
    words, lines = label.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width and len(lines) < 2:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _x_label(x: float, y: float, label: str, width: int) -> str:
    """An x-axis label centred under `x`, on two lines when longer than `width` characters."""
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if n == 0 else 13}">{escape(line)}</tspan>'
        for n, line in enumerate(_text_lines(label, width))
    )
    return f'<text x="{x:.1f}" y="{y}" text-anchor="middle" font-size="11" fill="{TEXT}">{spans}</text>'


def _describe(points: Sequence[Point], unit_label: str) -> str:
    known = [p for p in points if p.value is not None]
    if not known:
        return "No figures yet."
    parts = [
        f"{p.label}: {_fmt(p.value)}" if p.value is not None else f"{p.label}: no figure" for p in points
    ]
    return f"{unit_label}. " + "; ".join(parts) + "."


def line_chart(
    points: Sequence[Point],
    *,
    title: str,
    y_label: str,
    x_label: str = "Period",
    target: Decimal | None = None,
    chart_id: str = "chart",
) -> str:
    """A trend line over periods (oldest first), with an optional dashed target line."""
    known = [p.value for p in points if p.value is not None]
    desc = _describe(points, y_label) + (f" Target {_fmt(target)}." if target is not None else "")
    lines = _open(title, desc, "masa-chart--line")
    bottom, top, step = _scale([*known, *([target] if target is not None else [])])
    plot_bottom = HEIGHT - BOTTOM
    plot_width = WIDTH - LEFT - RIGHT

    def y(value: Decimal) -> float:
        return float(plot_bottom - (value - bottom) / (top - bottom) * (plot_bottom - TOP))

    def x(index: int) -> float:
        if len(points) == 1:
            return LEFT + plot_width / 2
        return LEFT + 10 + index * (plot_width - 20) / (len(points) - 1)

    _y_axis(lines, bottom, top, step, y_label, y)
    _target(lines, target, y)
    labelled = labelled_indices(len(points))
    # A gap in the data is a gap in the line, not a line drawn through it.
    segment: list[str] = []
    segments: list[list[str]] = []
    for index, point in enumerate(points):
        if point.value is None:
            if segment:
                segments.append(segment)
            segment = []
            continue
        segment.append(f"{x(index):.1f},{y(point.value):.1f}")
    if segment:
        segments.append(segment)
    for seg in segments:
        if len(seg) > 1:
            lines.append(f'<polyline points="{" ".join(seg)}" fill="none" stroke="{LINE}" stroke-width="3"/>')
    for index, point in enumerate(points):
        if point.value is not None:
            lines.append(
                f'<circle cx="{x(index):.1f}" cy="{y(point.value):.1f}" r="4" fill="{LINE}" '
                f'stroke="#ffffff" stroke-width="1"/>'
            )
        if index in labelled:
            lines.append(_x_label(x(index), plot_bottom + 16, point.label, width=12))
    lines.append(
        f'<text x="{LEFT + plot_width / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="11" '
        f'fill="{TEXT}">{escape(x_label)}</text>'
    )
    lines.append("</svg>")
    return "\n".join(lines).replace("{id}", escape(chart_id))


def bar_chart(
    points: Sequence[Point],
    *,
    title: str,
    y_label: str,
    x_label: str = "",
    target: Decimal | None = None,
    chart_id: str = "chart",
    highlight: int | None = 0,
) -> str:
    """Vertical bars (the partnership against its comparators, say); bar `highlight` in black."""
    known = [p.value for p in points if p.value is not None]
    desc = _describe(points, y_label) + (f" Target {_fmt(target)}." if target is not None else "")
    lines = _open(title, desc, "masa-chart--bar")
    bottom, top, step = _scale([*known, *([target] if target is not None else [])])
    plot_bottom = HEIGHT - BOTTOM
    plot_width = WIDTH - LEFT - RIGHT

    def y(value: Decimal) -> float:
        return float(plot_bottom - (value - bottom) / (top - bottom) * (plot_bottom - TOP))

    _y_axis(lines, bottom, top, step, y_label, y)
    slot = plot_width / max(1, len(points))
    bar = slot * 0.6
    zero = y(Decimal(0))
    for index, point in enumerate(points):
        centre = LEFT + slot * index + slot / 2
        if point.value is not None:
            ypos = y(point.value)
            fill = HIGHLIGHT if index == highlight else LINE
            lines.append(
                f'<rect x="{centre - bar / 2:.1f}" y="{min(ypos, zero):.1f}" width="{bar:.1f}" '
                f'height="{abs(zero - ypos):.1f}" fill="{fill}"/>'
            )
            lines.append(
                f'<text x="{centre:.1f}" y="{min(ypos, zero) - 4:.1f}" text-anchor="middle" font-size="11" '
                f'fill="{TEXT}">{_fmt(point.value)}</text>'
            )
        # About 6 pixels a character at this size: wrap what would run into the next bar's label.
        lines.append(_x_label(centre, plot_bottom + 16, point.label, width=max(6, int(slot // 6))))
    _target(lines, target, y)
    if x_label:
        lines.append(
            f'<text x="{LEFT + plot_width / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="11" '
            f'fill="{TEXT}">{escape(x_label)}</text>'
        )
    lines.append("</svg>")
    return "\n".join(lines).replace("{id}", escape(chart_id))
