"""Geometry for the server-rendered SVG charts (``templates/_charts.html`` draws them).

Charts never rely on colour alone: each series of a line chart has its own marker shape and a
legend, and bars carry their value as text. Pages put the same numbers in a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Marker shapes, given to series in turn; ``_charts.html`` has one macro per shape.
SHAPES = ("circle", "square", "triangle", "diamond", "cross")


@dataclass(frozen=True)
class Box:
    """The plotting area inside the SVG (pixels)."""

    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Marker:
    """One data point: where it is drawn, its shape and the text read out for it."""

    x: float
    y: float
    shape: str
    label: str


@dataclass(frozen=True)
class LineChart:
    """A line through points in order, markers shaped by series, y ticks and a legend."""

    width: int
    height: int
    box: Box
    line: str
    markers: list[Marker]
    y_ticks: list[tuple[float, str]]
    legend: list[tuple[str, str]]


@dataclass(frozen=True)
class Bar:
    """One horizontal bar with its label and value text."""

    label: str
    value_text: str
    y: float
    length: float


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one per row, with a value label at the end of each."""

    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list[Bar]


def line_chart(
    values: Sequence[tuple[str, float | None, str]],
    y_max: float = 100.0,
    width: int = 360,
    height: int = 200,
) -> LineChart:
    """Plot ``(series name, value, point label)`` in order; ``None`` values are skipped.

    The default size is a phone's: the chart is drawn no wider than it is shown there, so its
    text keeps its size; the axis caption is the page's, outside the drawing.
    """
    box = Box(40, 12, width - 12, height - 12)
    shapes: dict[str, str] = {}
    markers = []
    step = (box.right - box.left) / max(1, len(values) - 1)
    for index, (series, value, label) in enumerate(values):
        shape = shapes.setdefault(series, SHAPES[len(shapes) % len(SHAPES)])
        if value is None:
            continue
        y = box.bottom - (box.bottom - box.top) * min(value, y_max) / y_max
        x = box.left + step * index if len(values) > 1 else (box.left + box.right) / 2
        markers.append(Marker(round(x, 1), round(y, 1), shape, label))
    ticks = [
        (round(box.bottom - (box.bottom - box.top) * f, 1), f"{y_max * f:g}")
        for f in (0, 0.25, 0.5, 0.75, 1)
    ]
    line = " ".join(f"{m.x},{m.y}" for m in markers)
    legend = [(shape, name) for name, shape in shapes.items()]
    return LineChart(width, height, box, line, markers, ticks, legend)


def bar_chart(
    rows: Sequence[tuple[str, float, str]],
    maximum: float | None = None,
    width: int = 360,
    label_width: int = 124,
    bar_height: int = 22,
) -> BarChart:
    """Horizontal bars for ``(label, value, value text)`` rows, scaled to ``maximum``."""
    top = max([maximum or 0.0, *(value for _, value, _ in rows)]) or 1.0
    room = width - label_width - 100  # the value text, "100% (12/12)", follows the bar
    bars = [
        Bar(label, text, 8 + index * (bar_height + 8), round(room * max(value, 0) / top, 1))
        for index, (label, value, text) in enumerate(rows)
    ]
    height = 16 + len(rows) * (bar_height + 8)
    return BarChart(width, height, label_width, bar_height, bars)
