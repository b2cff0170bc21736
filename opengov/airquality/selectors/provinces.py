"""A province's stations now, its worst station, and its daily series."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from django.utils import timezone

from opengov.airquality.models import Reading
from opengov.airquality.selectors.series import (
    ICT_ZONE,
    MEAN_QUANTUM,
    SeriesPoint,
    averaging_pick,
    averaging_preference,
    daily_sums,
    ict_day_bounds,
    mean_of,
)
from opengov.airquality.selectors.stations import StationNow, stations_now
from opengov.airquality.sources.records import PM25

SUMMARY_DAYS: Final = 30


@dataclass(frozen=True)
class ProvinceSummary:
    """``stations``: every station of the province now (stale ones included, flagged);
    ``worst``: the current (non-stale) station with the highest Thai AQI, or ``None``;
    ``pm25_daily``: :func:`province_daily_series` of PM2.5 for the ``SUMMARY_DAYS`` ICT days
    ending on ``now``'s ICT day (``start``…``end``)."""

    province_code: str
    stations: list[StationNow]
    worst: StationNow | None
    pm25_daily: list[SeriesPoint]
    start: date
    end: date


def province_daily_series(
    *, province_code: str, parameter: str, start: date, end: date
) -> list[SeriesPoint]:
    """Daily means of ``parameter`` over the province's stations for ICT days ``start``…``end``.

    Each station's day is its mean as in ``readings_series(interval="day")`` (1-hour values when
    the day has any, else the official averaging); the province's value is the plain mean of those
    station means (every station weighs the same, however many hours it reported), rounded half up
    to 0.01. ``count`` is the number of stations behind the value; ``averaging`` lists the
    averagings used (``"1h"``, ``"24h"`` or ``"1h+24h"``). One grouped query.
    """
    low, high = ict_day_bounds(start, end)
    readings = Reading.objects.filter(
        station__province_code=province_code,
        parameter=parameter,
        observed_at__gte=low,
        observed_at__lte=high,
    )
    order = averaging_preference(parameter, None)
    per_day: dict[date, list[tuple[Decimal, str]]] = defaultdict(list)
    for (_station_id, day), options in daily_sums(readings).items():
        picked = averaging_pick(options, order)
        if picked is None:
            continue
        total, count = options[picked]
        station_mean = mean_of(total, count)
        if station_mean is not None:
            per_day[day].append((station_mean, picked))
    points: list[SeriesPoint] = []
    for day in sorted(per_day):
        means = per_day[day]
        value = (sum((m for m, _a in means), Decimal(0)) / len(means)).quantize(
            MEAN_QUANTUM, rounding=ROUND_HALF_UP
        )
        averagings = "+".join(sorted({a for _m, a in means}))
        points.append(SeriesPoint(day, value, len(means), averagings))
    return points


def province_summary(*, province_code: str, now: datetime | None = None) -> ProvinceSummary:
    """The province's stations now, its worst current station and its last 30 days of PM2.5."""
    at = now or timezone.now()
    stations = stations_now(province_code=province_code, now=at)
    current = [s for s in stations if not s.is_stale and s.aqi is not None]
    worst = max(current, key=lambda s: s.aqi or 0, default=None)
    end = at.astimezone(ICT_ZONE).date()
    start = end - timedelta(days=SUMMARY_DAYS - 1)
    series = province_daily_series(
        province_code=province_code, parameter=PM25, start=start, end=end
    )
    return ProvinceSummary(
        province_code=province_code,
        stations=stations,
        worst=worst,
        pm25_daily=series,
        start=start,
        end=end,
    )
