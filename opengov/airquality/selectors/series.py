"""Time series of one station: hourly values, daily means per ICT day, days over the standard."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, Literal
from zoneinfo import ZoneInfo

from django.db.models import Count, Max, QuerySet, Sum
from django.db.models.functions import TruncDate

from opengov.airquality.models import Reading, Station
from opengov.airquality.sources.records import (
    CO,
    HOUR_1,
    HOURS_8_ROLLING,
    HOURS_24_ROLLING,
    NO2,
    O3,
    PM10,
    PM25,
    SO2,
)

# Asia/Bangkok has been UTC+7 without daylight saving since 1920; a named zone (not a fixed
# offset) because PostgreSQL's AT TIME ZONE needs a name it knows.
ICT_ZONE: Final = ZoneInfo("Asia/Bangkok")
MEAN_QUANTUM: Final = Decimal("0.01")

OFFICIAL_AVERAGING: Final[dict[str, str]] = {
    PM25: HOURS_24_ROLLING,
    PM10: HOURS_24_ROLLING,
    O3: HOURS_8_ROLLING,
    CO: HOURS_8_ROLLING,
    NO2: HOUR_1,
    SO2: HOUR_1,
}
"""Averaging of each pollutant in the Thai AQI tables (spec §2.1)."""

PM25_STANDARD_CHANGE: Final = date(2023, 6, 1)


@dataclass(frozen=True)
class SeriesPoint:
    """One point of a series.

    ``time``: for an hourly series the end of the period in UTC (a ``datetime``); for a daily
    series the ICT calendar day (a ``date``). ``value`` is the reading (hourly) or the mean of the
    day's values rounded half up to 0.01 (daily); ``count`` is the number of readings behind it
    (1 for an hourly point; hours in the day for a daily one; stations for a province series).
    ``averaging`` is the averaging of the readings used (``"1h"``, ``"24h"``…).
    """

    time: datetime | date
    value: Decimal | None
    count: int
    averaging: str = ""


def averaging_preference(parameter: str, averaging: str | None) -> tuple[str, ...]:
    if averaging:
        return (averaging,)
    official = OFFICIAL_AVERAGING.get(parameter, HOUR_1)
    return tuple(dict.fromkeys((HOUR_1, official)))


def averaging_pick(
    by_averaging: dict[str, tuple[Decimal, int]], order: Iterable[str]
) -> str | None:
    for averaging in order:
        if averaging in by_averaging:
            return averaging
    return None


def mean_of(total: Decimal | float | None, count: int) -> Decimal | None:
    if total is None or count == 0:
        return None
    # Sum and count come from the database; the division is exact Decimal arithmetic here, so
    # SQLite (float sums) and PostgreSQL (numeric) give the same rounded mean.
    return (Decimal(str(total)) / count).quantize(MEAN_QUANTUM, rounding=ROUND_HALF_UP)


def ict_day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """UTC instants bounding the ICT days ``start``…``end`` (both included), inclusive ends."""
    low = datetime.combine(start, time(0), ICT_ZONE).astimezone(UTC)
    high = datetime.combine(end + timedelta(days=1), time(0), ICT_ZONE).astimezone(UTC)
    return low, high - timedelta(microseconds=1)


def readings_series(
    *,
    station: Station,
    parameter: str,
    start: datetime,
    end: datetime,
    interval: Literal["hour", "day"] = "hour",
    averaging: str | None = None,
) -> list[SeriesPoint]:
    """Values of ``parameter`` at ``station`` with ``start <= observed_at <= end``, oldest first.

    ``averaging`` picks one series (``"1h"``, ``"24h"``…). Without it, each period uses the
    **1-hour** values when the period has any, else the pollutant's official averaging (PM 24-h,
    O3/CO 8-h): Air4Thai's history gives 1-hour values, its latest-values feed only the 24-h
    rolling means (spec §1.4), and the two are different series — each point says which it is.

    ``interval="day"``: the mean of that averaging's values per ICT calendar day, computed in the
    database (sum and count grouped by ``observed_at`` converted to Asia/Bangkok). A day's mean of
    1-hour values is the Thai 24-hour mean of that day (spec §2.7 vector 5). Days with no value are
    left out; ``count`` says how many hours a mean rests on (judge completeness with it).
    """
    readings = Reading.objects.filter(
        station=station, parameter=parameter, observed_at__gte=start, observed_at__lte=end
    )
    order = averaging_preference(parameter, averaging)
    if averaging:
        readings = readings.filter(averaging=averaging)
    if interval == "hour":
        by_time: dict[datetime, dict[str, tuple[Decimal, int]]] = defaultdict(dict)
        for observed_at, avg, value in readings.order_by("observed_at").values_list(
            "observed_at", "averaging", "value"
        ):
            by_time[observed_at][avg] = (value, 1)
        hourly: list[SeriesPoint] = []
        for observed_at, options in by_time.items():
            picked = averaging_pick(options, order)
            if picked is not None:
                hourly.append(SeriesPoint(observed_at, options[picked][0], 1, picked))
        return hourly
    daily = daily_sums(readings)
    points: list[SeriesPoint] = []
    for key in sorted(daily):
        picked = averaging_pick(daily[key], order)
        if picked is not None:
            total, count = daily[key][picked]
            points.append(SeriesPoint(key[1], mean_of(total, count), count, picked))
    return points


def daily_sums(
    readings: QuerySet[Reading],
) -> dict[tuple[int, date], dict[str, tuple[Decimal, int]]]:
    """Sum and count of ``readings`` per (station id, ICT day, averaging), grouped in the database."""
    grouped = (
        readings.annotate(day=TruncDate("observed_at", tzinfo=ICT_ZONE))
        .values("station_id", "day", "averaging")
        .annotate(total=Sum("value"), n=Count("id"))
        .order_by()
    )
    result: dict[tuple[int, date], dict[str, tuple[Decimal, int]]] = defaultdict(dict)
    for row in grouped:
        result[(row["station_id"], row["day"])][row["averaging"]] = (row["total"], row["n"])
    return result


def daily_standard(parameter: str, day: date) -> Decimal | None:
    """The Thai 24-hour ambient standard in µg/m³ on ``day``, or ``None`` if there is none here.

    PM2.5: 37.5 from 1 June 2023, 50 before; PM10: 120 (spec §2.1: the PM2.5 24-hour standard went
    from 50 to 37.5 µg/m³ on 1 Jun 2023; AQI 100 corresponds to the standard — PM10's AQI 100
    breakpoint is 120 µg/m³)."""
    if parameter == PM25:
        return Decimal("37.5") if day >= PM25_STANDARD_CHANGE else Decimal(50)
    if parameter == PM10:
        return Decimal(120)
    return None


def station_days_over_standard(
    *, station: Station, parameter: str = PM25, start: date, end: date
) -> list[SeriesPoint]:
    """ICT days ``start``…``end`` whose daily mean (as in :func:`readings_series` ``interval="day"``)
    is strictly above the Thai 24-hour standard in force that day (:func:`daily_standard`)."""
    low, high = ict_day_bounds(start, end)
    days = readings_series(
        station=station, parameter=parameter, start=low, end=high, interval="day"
    )
    over: list[SeriesPoint] = []
    for point in days:
        day = point.time.date() if isinstance(point.time, datetime) else point.time
        standard = daily_standard(parameter, day)
        if standard is not None and point.value is not None and point.value > standard:
            over.append(point)
    return over


def readings_newest_hourly_end(
    *, station_ids: Iterable[int], parameter: str = "PM25"
) -> datetime | None:
    """When the newest 1-hour value of ``parameter`` of these stations ends (UTC), or None.

    Charts of stations whose hourly data is old end there instead of at "now".
    """
    newest: datetime | None = Reading.objects.filter(
        station_id__in=list(station_ids), parameter=parameter, averaging=HOUR_1
    ).aggregate(newest=Max("observed_at"))["newest"]
    return newest
