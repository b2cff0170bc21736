"""Validation of the upwind transport-risk index against PM2.5 at one station over a season.

Run: ``DJANGO_DEBUG=1 .venv/bin/python bench/attribution_validate.py --station air4thai:35t
--start 2024-01-01 --end 2024-04-30 [--series VIIRS_SNPP] [--ring 250]`` on a database holding
that station's hourly PM2.5 and wind and the FIRMS detections of the period (``DATABASE_URL``).

For every Thai-time day: the mean of the hourly index S (ring ≤ ``--ring`` km) and the daily mean
PM2.5; then Pearson's r over the days that have both, with the day count. The method is not tuned
to any series here — the parameters are the defaults stored in every result (``method_version``).
Spec §5.1 reports r ≈ 0.74 for ΣFRP ≤ 100 km and r ≈ 0.40 for ≤ 250 km in a 2019 Chiang Mai course
dataset — a plausibility check, not a target. It is a transport-risk proxy, not an apportionment.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402

from opengov.airquality.selectors import readings_series, station_get  # noqa: E402
from opengov.hotspots.selectors_analysis import station_upwind_risk  # noqa: E402

ICT = timedelta(hours=7)


def _daily_index(source: str, source_id: str, day: date, series: str, ring: float) -> float:
    start = datetime(day.year, day.month, day.day, tzinfo=UTC) - ICT
    scores = []
    for hour in range(1, 25):
        result = station_upwind_risk(
            source=source,
            source_id=source_id,
            hour_end=start + timedelta(hours=hour),
            series=series,
        )
        if result.direction_missing:
            continue
        scores += [r.score for r in result.rings if math.isclose(r.ring_km, ring)]
    return float(np.mean(scores)) if scores else math.nan


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--station", default="air4thai:35t")
    parser.add_argument("--start", type=date.fromisoformat, required=True)
    parser.add_argument("--end", type=date.fromisoformat, required=True)
    parser.add_argument("--series", default="VIIRS_SNPP")
    parser.add_argument("--ring", type=float, default=250.0)
    args = parser.parse_args()
    source, _, source_id = args.station.partition(":")
    station = station_get(source=source, source_id=source_id)
    if station is None:
        print(f"no station {args.station} in this database")
        return 1
    first = datetime(args.start.year, args.start.month, args.start.day, tzinfo=UTC) - ICT
    last = (
        datetime(args.end.year, args.end.month, args.end.day, tzinfo=UTC) - ICT + timedelta(days=1)
    )
    pm = {
        point.time: float(point.value)
        for point in readings_series(
            station=station, parameter="PM25", start=first, end=last, interval="day", averaging="1h"
        )
        if point.value is not None and isinstance(point.time, date)
    }
    pairs = []
    day = args.start
    while day <= args.end:
        index = _daily_index(source, source_id, day, args.series, args.ring)
        if day in pm and not math.isnan(index):
            pairs.append((index, pm[day]))
        day += timedelta(days=1)
    print(
        f"station {args.station}, {args.start} … {args.end}, series {args.series}, ring ≤ {args.ring:g} km"
    )
    print(f"days with PM2.5: {len(pm)}; days with both PM2.5 and a usable wind: {len(pairs)}")
    if len(pairs) < 3 or len({p[0] for p in pairs}) < 2:
        print("not enough overlapping days (or a constant index) to compute a correlation")
        return 0
    r = float(np.corrcoef([p[0] for p in pairs], [p[1] for p in pairs])[0, 1])
    print(f"Pearson r(daily mean index, daily mean PM2.5) = {r:.3f} over {len(pairs)} days")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
