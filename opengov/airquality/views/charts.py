"""Server-side SVG charts: pure geometry from series points, drawn by the templates.

A chart is a value object the template turns into inline SVG (with ``<title>``/``<desc>``) and a
data table. No Django import except the language-aware date formatting used for axis labels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Protocol

from opengov.core.chart_scale import Tick, nice_step
from opengov.core.thai_dates import ICT, format_date

WIDTH = 720
HEIGHT = 260
PAD_LEFT = 44
PAD_RIGHT = 12
PAD_TOP = 12
PAD_BOTTOM = 30


class Point(Protocol):
    @property
    def time(self) -> datetime | date: ...

    @property
    def value(self) -> Decimal | float | None: ...


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    over: bool


@dataclass(frozen=True)
class Row:
    """One row of the data table under the chart."""

    time: datetime | date
    value: Decimal | float | None
    over: bool


@dataclass(frozen=True)
class Chart:
    kind: str  # "line" | "bars"
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    bars: tuple[Bar, ...]
    lines: tuple[str, ...]  # SVG polyline "x,y x,y" strings, split at gaps
    standard_y: float | None
    rows: tuple[Row, ...]
    count: int
    maximum: Decimal | float | None

    @property
    def is_empty(self) -> bool:
        return self.count == 0


def _y_scale(values: Sequence[float], standard: float | None) -> tuple[float, tuple[int, ...]]:
    top = max([*values, standard or 0.0, 10.0])
    step = nice_step(top * 1.05)
    ceiling = step * math.ceil(top * 1.05 / step)
    return float(ceiling), tuple(range(0, ceiling + 1, step))


def _label(value: datetime | date, language: str) -> str:
    day = value.astimezone(ICT).date() if isinstance(value, datetime) else value
    return format_date(day, language=language, short=True)


def chart_build(
    points: Sequence[Point],
    *,
    start: datetime | date,
    end: datetime | date,
    kind: str,
    language: str,
    standard: float | None = None,
    x_tick_count: int = 6,
) -> Chart:
    """Lay out ``points`` between ``start`` and ``end`` as a line or bar chart.

    Points with no value leave a gap. ``standard`` draws a dashed reference line and marks the
    values above it (in the bars and the table, never by colour alone: the table says so).
    """
    if kind == "bars":
        # One slot per ICT calendar day, the last day included.
        start = _ict_date(start)
        end = _ict_date(end) + timedelta(days=1)
    plot_left, plot_right = PAD_LEFT, WIDTH - PAD_RIGHT
    plot_top, plot_bottom = PAD_TOP, HEIGHT - PAD_BOTTOM
    span = _seconds(end) - _seconds(start) or 1.0
    values = [float(p.value) for p in points if p.value is not None]
    ceiling, y_values = _y_scale(values, standard)

    def x_of(moment: datetime | date) -> float:
        share = (_seconds(moment) - _seconds(start)) / span
        return round(plot_left + share * (plot_right - plot_left), 1)

    def y_of(value: float) -> float:
        return round(plot_bottom - value / ceiling * (plot_bottom - plot_top), 1)

    rows = tuple(
        Row(p.time, p.value, standard is not None and p.value is not None and p.value > standard)
        for p in points
    )
    bars: list[Bar] = []
    lines: list[str] = []
    if kind == "bars":
        slot = (plot_right - plot_left) / max(1.0, span / 86400)
        width = max(1.0, round(slot * 0.8, 1))
        for row in rows:
            if row.value is None:
                continue
            y = y_of(float(row.value))
            left = round(x_of(_ict_date(row.time)) + slot * 0.1, 1)
            bars.append(Bar(left, y, width, round(plot_bottom - y, 1), row.over))
    else:
        segment: list[str] = []
        previous: float | None = None
        for row in rows:
            moment = _seconds(row.time)
            gap = previous is not None and moment - previous > 3 * 3600
            if row.value is None or gap:
                if len(segment) > 1:
                    lines.append(" ".join(segment))
                segment = []
            if row.value is not None:
                segment.append(f"{x_of(row.time)},{y_of(float(row.value))}")
                previous = moment
        if len(segment) > 1:
            lines.append(" ".join(segment))
        elif len(segment) == 1:
            x_text, y_text = segment[0].split(",")
            lines.append(f"{x_text},{y_text} {float(x_text) + 1},{y_text}")

    x_ticks = []
    for i in range(x_tick_count + 1):
        moment_seconds = _seconds(start) + span * i / x_tick_count
        tick_day = datetime.fromtimestamp(moment_seconds, ICT).date()
        position = round(plot_left + (plot_right - plot_left) * i / x_tick_count, 1)
        x_ticks.append(Tick(position, _label(tick_day, language)))
    y_ticks = tuple(Tick(y_of(v), str(v)) for v in y_values)
    maximum = max((p.value for p in points if p.value is not None), default=None)
    return Chart(
        kind=kind,
        width=WIDTH,
        height=HEIGHT,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        x_ticks=tuple(x_ticks),
        y_ticks=y_ticks,
        bars=tuple(bars),
        lines=tuple(lines),
        standard_y=y_of(standard) if standard is not None else None,
        rows=rows,
        count=len(values),
        maximum=maximum,
    )


def _seconds(value: datetime | date) -> float:
    if isinstance(value, datetime):
        return value.timestamp()
    return datetime(value.year, value.month, value.day, tzinfo=UTC).timestamp()


def _ict_date(value: datetime | date) -> date:
    return value.astimezone(ICT).date() if isinstance(value, datetime) else value
