"""Stations and their latest hour ("now"), with staleness and the Thai AQI of that hour."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Final

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from opengov.airquality.aqi import band, overall_index, scheme_for, sub_index
from opengov.airquality.models import Reading, Station
from opengov.airquality.selectors.series import OFFICIAL_AVERAGING
from opengov.airquality.sources.records import HOUR_1, HOURS_24_ROLLING, PM25, POLLUTANTS

STALE_AFTER_HOURS: Final = 3
"""Default age (hours since the end of the latest period) beyond which a station is stale.

The spec (§1.4) recommends 2 h 15 min for Air4Thai's hourly cycle; the default here allows one
more late hour because Air4Thai publishes each hour 10–25 minutes late and the latest-values
feed is fetched at hh:30. Callers (alerts) may pass a stricter value."""

_POLLUTANT_ORDER: Final = ("PM25", "PM10", "O3", "CO", "NO2", "SO2")


@dataclass(frozen=True)
class StationNow:
    """One station at its latest hour at or before ``now``.

    ``aqi``/``aqi_pollutant`` are the Thai AQI of that hour from the **official** averagings only
    (PM 24-h, O3/CO 8-h, NO2/SO2 1-h; spec §2.1, §8: never band a 1-hour PM value on the 24-hour
    scale), under the scheme in force at that hour. ``band_number`` is 0 when the station has no
    current data (stale, flagged stale by the source, or no AQI): stale values may be shown, greyed,
    with their time, but never as current (spec §1.4). ``values`` holds one value per parameter of
    that hour, the official averaging first, else the 1-hour value.
    """

    station: Station
    observed_at: datetime | None
    is_stale: bool
    age_hours: float | None
    pm25_1h: Decimal | None
    pm25_24h: Decimal | None
    aqi: int | None
    aqi_pollutant: str | None
    band_number: int | None
    values: dict[str, Decimal] = field(default_factory=dict)
    averagings: dict[str, str] = field(default_factory=dict)
    """Averaging of each entry of ``values`` (``"24h"``, ``"8h"``, ``"1h"``)."""


def stations_list(
    *,
    province_code: str | None = None,
    kind: str | None = None,
    source: str | None = None,
) -> QuerySet[Station]:
    """Stations ordered by source and source id, optionally filtered (exact matches)."""
    stations = Station.objects.all()
    if province_code:
        stations = stations.filter(province_code=province_code)
    if kind:
        stations = stations.filter(kind=kind)
    if source:
        stations = stations.filter(source=source)
    return stations.order_by("source", "source_id")


def station_get(*, source: str, source_id: str) -> Station | None:
    """The station with this source and source id, or ``None``."""
    return Station.objects.filter(source=source, source_id=source_id).first()


def _latest_pollutant_subquery(parameter: str, now: datetime) -> Subquery:
    # One index seek on (station, parameter, observed_at) per station and pollutant.
    return Subquery(
        Reading.objects.filter(station_id=OuterRef("pk"), parameter=parameter, observed_at__lte=now)
        .order_by("-observed_at")
        .values("observed_at")[:1]
    )


def _pick_value(parameter: str, by_averaging: dict[str, Decimal]) -> tuple[str, Decimal] | None:
    preferred = [OFFICIAL_AVERAGING.get(parameter, HOUR_1), HOUR_1, *sorted(by_averaging)]
    for averaging in preferred:
        if averaging in by_averaging:
            return averaging, by_averaging[averaging]
    return None


def stations_now(
    *,
    province_code: str | None = None,
    now: datetime | None = None,
    stale_after_hours: int = STALE_AFTER_HOURS,
) -> list[StationNow]:
    """Every station (of a province) at its latest pollutant hour at or before ``now``.

    The latest hour is the latest ``observed_at`` of any pollutant reading (met-only hours do not
    count). A station is stale when that hour ended more than ``stale_after_hours`` before ``now``,
    when the source flags it (Air4Thai ``color_id < 0``), or when it has no reading at all.
    Two queries whatever the number of stations.
    """
    at = now or timezone.now()
    pollutants = sorted(POLLUTANTS)
    stations = list(
        stations_list(province_code=province_code).annotate(
            **{f"latest_{p.lower()}": _latest_pollutant_subquery(p, at) for p in pollutants}
        )
    )
    latest: dict[int, datetime] = {}
    for station in stations:
        times = [getattr(station, f"latest_{p.lower()}") for p in pollutants]
        present = [t for t in times if t is not None]
        if present:
            latest[station.pk] = max(present)

    rows: dict[int, dict[str, dict[str, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    if latest:
        readings = Reading.objects.filter(
            station_id__in=list(latest), observed_at__in=sorted(set(latest.values()))
        ).values_list("station_id", "observed_at", "parameter", "averaging", "value")
        for station_id, reading_at, parameter, averaging, value in readings:
            if latest.get(station_id) == reading_at:
                rows[station_id][parameter][averaging] = value

    result: list[StationNow] = []
    for station in stations:
        observed_at = latest.get(station.pk)
        params = rows.get(station.pk, {})
        values: dict[str, Decimal] = {}
        averagings: dict[str, str] = {}
        for parameter in sorted(params, key=_parameter_order):
            picked = _pick_value(parameter, params[parameter])
            if picked is not None:
                averagings[parameter], values[parameter] = picked
        age_hours = round((at - observed_at).total_seconds() / 3600, 2) if observed_at else None
        is_stale = (
            observed_at is None
            or station.flagged_stale
            or (age_hours is not None and age_hours > stale_after_hours)
        )
        aqi: int | None = None
        aqi_pollutant: str | None = None
        band_number = 0
        if observed_at is not None:
            scheme = scheme_for(observed_at)
            subs = {
                p: sub_index(p, params[p][OFFICIAL_AVERAGING[p]], scheme)
                for p in _POLLUTANT_ORDER
                if OFFICIAL_AVERAGING[p] in params.get(p, {})
            }
            overall = overall_index(subs)
            if overall is not None:
                aqi, aqi_pollutant = overall
                if not is_stale:
                    band_number = band(aqi, scheme).number
        pm25 = params.get(PM25, {})
        result.append(
            StationNow(
                station=station,
                observed_at=observed_at,
                is_stale=is_stale,
                age_hours=age_hours,
                pm25_1h=pm25.get(HOUR_1),
                pm25_24h=pm25.get(HOURS_24_ROLLING),
                aqi=aqi,
                aqi_pollutant=aqi_pollutant,
                band_number=band_number,
                values=values,
                averagings=averagings,
            )
        )
    return result


def _parameter_order(parameter: str) -> tuple[int, str]:
    if parameter in _POLLUTANT_ORDER:
        return (_POLLUTANT_ORDER.index(parameter), parameter)
    return (len(_POLLUTANT_ORDER), parameter)
