"""Read side of the air-quality app: stations, "now" per station, series, daily means, provinces.

Pages, the API and other apps read air-quality data only through these functions.

Conventions used throughout:

* ``Reading.observed_at`` is the **end** of the averaging period in UTC (Air4Thai labels hours by
  their end in Thai time). A series point of an hourly series carries that instant.
* An ICT calendar day ``D`` holds the hours labelled ``00:00``…``23:00`` ICT of ``D``, i.e.
  ``observed_at`` in ``[D 00:00 ICT, D+1 00:00 ICT)`` — the same grouping as the spec's test
  vector 5 (35t, 2025-01-08, 24-h mean 36.33).
* "Official" averaging per pollutant is the one of the Thai AQI tables (spec §2.1): PM2.5 and
  PM10 24-hour, O3 and CO 8-hour, NO2 and SO2 1-hour.
"""

from __future__ import annotations

from opengov.airquality.selectors.provinces import (
    ProvinceSummary,
    province_daily_series,
    province_summary,
)
from opengov.airquality.selectors.series import (
    OFFICIAL_AVERAGING,
    SeriesPoint,
    daily_standard,
    readings_newest_hourly_end,
    readings_series,
    station_days_over_standard,
)
from opengov.airquality.selectors.stations import (
    STALE_AFTER_HOURS,
    StationNow,
    station_get,
    stations_list,
    stations_now,
)
from opengov.airquality.selectors.wind import StationWind, winds_at

__all__ = [
    "OFFICIAL_AVERAGING",
    "STALE_AFTER_HOURS",
    "ProvinceSummary",
    "SeriesPoint",
    "StationNow",
    "StationWind",
    "daily_standard",
    "province_daily_series",
    "province_summary",
    "readings_newest_hourly_end",
    "readings_series",
    "station_days_over_standard",
    "station_get",
    "stations_list",
    "stations_now",
    "winds_at",
]
