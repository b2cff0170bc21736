"""Grouped daily bar chart of the cross-border panel: pure geometry the template draws as SVG.

One group of bars per Thai-time day, one bar per country in a fixed order (the order and the
legend, not colour alone, tell the countries apart; the data table repeats every number)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from opengov.core.chart_scale import Tick, nice_step

WIDTH: Final = 720
HEIGHT: Final = 280
PAD_LEFT: Final = 52
PAD_RIGHT: Final = 12
PAD_TOP: Final = 12
PAD_BOTTOM: Final = 30


@dataclass(frozen=True)
class Bar:
    series: str
    x: float
    y: float
    width: float
    height: float
    value: int
    title: str


@dataclass(frozen=True)
class GroupedBars:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    bars: tuple[Bar, ...]
    total: int

    @property
    def is_empty(self) -> bool:
        return self.total == 0


def grouped_bars(
    days: Sequence[tuple[date, Mapping[str, int]]],
    series: Sequence[str],
    *,
    day_label: Mapping[date, str],
    series_label: Mapping[str, str],
    max_x_ticks: int = 8,
) -> GroupedBars:
    """Lay out ``days`` (each with a count per key of ``series``) as grouped bars."""
    plot_left, plot_right = PAD_LEFT, WIDTH - PAD_RIGHT
    plot_top, plot_bottom = PAD_TOP, HEIGHT - PAD_BOTTOM
    values = [counts.get(key, 0) for _day, counts in days for key in series]
    top = max([*values, 5])
    step = nice_step(top * 1.05)
    ceiling = step * math.ceil(top * 1.05 / step)
    slot = (plot_right - plot_left) / max(1, len(days))
    bar_width = slot * 0.84 / max(1, len(series))

    def y_of(value: float) -> float:
        return round(plot_bottom - value / ceiling * (plot_bottom - plot_top), 1)

    bars = []
    for index, (day, counts) in enumerate(days):
        left = plot_left + index * slot + slot * 0.08
        for offset, key in enumerate(series):
            value = counts.get(key, 0)
            y = y_of(value)
            bars.append(
                Bar(
                    series=key,
                    x=round(left + offset * bar_width, 1),
                    y=y,
                    width=round(max(bar_width - 0.6, 0.8), 1),
                    height=round(plot_bottom - y, 1),
                    value=value,
                    title=f"{day_label[day]} · {series_label[key]}: {value}",
                )
            )
    every = max(1, math.ceil(len(days) / max_x_ticks))
    x_ticks = tuple(
        Tick(round(plot_left + (index + 0.5) * slot, 1), day_label[day])
        for index, (day, _counts) in enumerate(days)
        if index % every == 0
    )
    y_ticks = tuple(Tick(y_of(v), f"{v:,}") for v in range(0, ceiling + 1, step))
    return GroupedBars(
        width=WIDTH,
        height=HEIGHT,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        bars=tuple(bars),
        total=sum(values),
    )
