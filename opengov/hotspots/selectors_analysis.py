"""Derived reads of the hotspots app: the upwind transport-risk index for a station and hour,
and repeated-burn cells. Both are proxies computed on request by the pure modules
:mod:`opengov.hotspots.attribution` and :mod:`opengov.hotspots.recurrence`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Final

import numpy as np
import numpy.typing as npt
import shapely
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max

from opengov.airquality.selectors import station_get, winds_at
from opengov.geo.feature_index import FloatArray, polygon_cell_centres
from opengov.geo.selectors import areas_lookup_many, burn_scars_visible
from opengov.hotspots.attribution import (
    HotspotRecord,
    Receptor,
    UpwindParameters,
    UpwindResult,
    Wind,
    WindCandidate,
    upwind_transport_risk,
    wind_choose,
)
from opengov.hotspots.models import Detection
from opengov.hotspots.recurrence import (
    BURN_SCARS,
    BurnPoints,
    BurnRecurrence,
    Season,
    burn_recurrence,
)
from opengov.hotspots.selectors import series_check

LOOKBACK: Final = timedelta(hours=96)  # 500 km at 2 m/s ≈ 69 h, plus the 6-h window end
KM_PER_DEGREE: Final = 111.195
NEAREST_WIND_MAX_KM: Final = 150.0
CACHE_SECONDS: Final = 600


class StationNotFound(LookupError):
    pass


def _wind_for(receptor: Receptor, source: str, source_id: str, hour_end: datetime) -> Wind:
    winds = winds_at(hour_end=hour_end)
    own = next((w for w in winds if (w.source, w.source_id) == (source, source_id)), None)
    station_wind = (
        Wind(own.from_deg, own.speed_ms, f"{source}:{source_id} WS/WD") if own is not None else None
    )
    candidates = [
        WindCandidate(f"{w.source}:{w.source_id} WS/WD", w.lat, w.lon, w.from_deg, w.speed_ms)
        for w in winds
        if w.lat is not None
        and w.lon is not None
        and (w.source, w.source_id) != (source, source_id)
    ]
    choice = wind_choose(receptor, station_wind, candidates, max_distance_km=NEAREST_WIND_MAX_KM)
    return choice.wind if choice is not None else Wind(None, None, "none")


def _hotspots_near(
    receptor: Receptor, hour: datetime, instrument: str, satellites: Sequence[str], radius_km: float
) -> list[HotspotRecord]:
    dlat = radius_km / KM_PER_DEGREE
    dlon = dlat / max(np.cos(np.radians(abs(receptor.lat) + dlat)), 0.05)
    rows = Detection.objects.filter(
        instrument=instrument,
        satellite__in=satellites,
        acquired_at__gt=hour - LOOKBACK,
        acquired_at__lte=hour,
        lat__gte=receptor.lat - dlat,
        lat__lte=receptor.lat + dlat,
        lon__gte=receptor.lon - dlon,
        lon__lte=receptor.lon + dlon,
    ).values_list(
        "id",
        "lat",
        "lon",
        "frp",
        "acquired_at",
        "satellite",
        "confidence_class",
        "confidence_pct",
        "fire_type",
        "country_code",
        "land_use_class",
    )
    return [
        HotspotRecord(
            hotspot_id=pk,
            lat=float(lat),
            lon=float(lon),
            frp_mw=frp,
            acquired_at=acquired_at,
            instrument=instrument,
            satellite=satellite,
            confidence_class=confidence_class,
            confidence_pct=confidence_pct,
            fire_type=fire_type,
            country_code=country_code,
            land_use=land_use_class,
        )
        for (
            pk,
            lat,
            lon,
            frp,
            acquired_at,
            satellite,
            confidence_class,
            confidence_pct,
            fire_type,
            country_code,
            land_use_class,
        ) in rows
    ]


def station_upwind_risk(
    *, source: str, source_id: str, hour_end: datetime, series: str, confidence_filter: bool = True
) -> UpwindResult:
    """The upwind transport-risk index at an air-quality station for the hour ending at
    ``hour_end``: wind from the station's own WS/WD, else the nearest station reporting wind
    within 150 km (the source used is in the result); hotspots of one series from the 96 hours
    before. Raises :class:`StationNotFound` for an unknown station or one without coordinates."""
    station = station_get(source=source, source_id=source_id)
    if station is None or station.lat is None or station.lon is None:
        raise StationNotFound(f"{source}:{source_id}")
    instrument, satellites = series_check(series)
    receptor = Receptor(station.lat, station.lon, f"{source}:{source_id}")
    wind = _wind_for(receptor, source, source_id, hour_end)
    parameters = UpwindParameters(instrument=instrument, confidence_filter=confidence_filter)
    hotspots = _hotspots_near(receptor, hour_end, instrument, satellites, max(parameters.rings_km))
    return upwind_transport_risk(receptor, hour_end, wind, hotspots, parameters)


def season_from_settings() -> Season:
    """The burning-season window of ``HOTSPOTS_SEASON`` (Thai time)."""
    (start_month, start_day), (end_month, end_day) = settings.HOTSPOTS_SEASON
    return Season(
        start_month=start_month, start_day=start_day, end_month=end_month, end_day=end_day
    )


def repeated_burns(
    *,
    last_season: int,
    k: int = 3,
    n: int = 5,
    cell_deg: float = 0.01,
    series: str = "VIIRS_SNPP",
    season: Season | None = None,
    province: str = "",
) -> BurnRecurrence:
    """FIRMS-derived repeated-burn cells and districts: detections of one series passing the
    default confidence filter, seasons ``last_season − n + 1`` … ``last_season``. Cached until a
    detection is added or replaced (keyed on the newest id and the number of detections)."""
    instrument, satellites = series_check(series)
    window = season or season_from_settings()
    first_day = date(last_season - n, 1, 1)  # a season may start in the year before it ends
    last_day = date(last_season, 12, 31)
    rows = Detection.objects.filter(
        instrument=instrument,
        satellite__in=satellites,
        confident=True,
        acquired_day__gte=first_day,
        acquired_day__lte=last_day,
    )
    if province:
        rows = rows.filter(province_code=province)
    stamp = rows.aggregate(count=Count("id"), newest=Max("id"))
    key = (
        "hotspots:repeated-burns:"
        + hashlib.sha256(
            repr((last_season, k, n, cell_deg, series, window, province, stamp)).encode()
        ).hexdigest()
    )
    cached = cache.get(key)
    if isinstance(cached, BurnRecurrence):
        return cached
    values = list(rows.values_list("lat", "lon", "acquired_at", "district_code"))
    points = BurnPoints.from_arrays(
        np.array([float(v[0]) for v in values], dtype=np.float64),
        np.array([float(v[1]) for v in values], dtype=np.float64),
        [v[2] for v in values],
        district_code=[v[3] for v in values],
    )
    result = burn_recurrence(
        points, cell_deg=cell_deg, k=k, n=n, last_season=last_season, season=window
    )
    cache.set(key, result, timeout=CACHE_SECONDS)
    return result


def repeated_burns_from_scars(
    *,
    last_season: int,
    k: int = 3,
    n: int = 5,
    cell_deg: float = 0.01,
    organisation_ids: Sequence[int] = (),
    layer_slug: str = "",
    province: str = "",
) -> BurnRecurrence:
    """Repeated-burn cells and districts from mapped burn scars (the visible burn-scar layers):
    a cell burned in a season when its centre lies in a scar of that year."""
    lats: list[FloatArray] = []
    lons: list[FloatArray] = []
    years: list[int] = []
    for year, geometry, _slug in burn_scars_visible(
        organisation_ids=organisation_ids, layer_slug=layer_slug
    ):
        cell_lats, cell_lons = polygon_cell_centres(shapely.from_geojson(geometry), cell_deg)
        lats.append(cell_lats)
        lons.append(cell_lons)
        years += [year] * len(cell_lats)
    all_lats = np.concatenate(lats) if lats else np.zeros(0)
    all_lons = np.concatenate(lons) if lons else np.zeros(0)
    areas = areas_lookup_many(all_lats, all_lons)
    districts = [str(code or "") for code in areas["district"]]
    keep = np.array([not province or d.startswith(province) for d in districts], dtype=bool)
    # A season is named by the year it ends in: noon ICT on 1 March stands for "burned in year".
    moments = [datetime(year, 3, 1, 5, tzinfo=UTC) for year in years]
    points = BurnPoints.from_arrays(
        all_lats[keep],
        all_lons[keep],
        [m for m, kept in zip(moments, keep, strict=True) if kept],
        district_code=[d for d, kept in zip(districts, keep, strict=True) if kept],
    )
    return burn_recurrence(
        points,
        cell_deg=cell_deg,
        k=k,
        n=n,
        last_season=last_season,
        season=season_from_settings(),
        data_source=BURN_SCARS,
    )


@dataclass(frozen=True)
class LayerClassCount:
    zone_class: str
    count: int
    frp_sum: float


def layer_hotspot_counts(
    *,
    zones: Sequence[tuple[str, str]],
    start_day: date,
    end_day: date,
    series: str,
    confidence: str = "default",
) -> list[LayerClassCount]:
    """Detections of one series inside the zones of a layer (``(class, GeoJSON)`` pairs) per
    class over Thai-time days ``start_day``…``end_day``; a detection inside two zones of the same
    class counts once, inside zones of two classes once for each class."""
    if not zones:
        return []
    geometries = shapely.from_geojson([geometry for _, geometry in zones])
    west, south, east, north = shapely.total_bounds(geometries)
    instrument, satellites = series_check(series)
    rows = Detection.objects.filter(
        instrument=instrument,
        satellite__in=satellites,
        acquired_day__gte=start_day,
        acquired_day__lte=end_day,
        lat__gte=south,
        lat__lte=north,
        lon__gte=west,
        lon__lte=east,
    )
    if confidence == "default":
        rows = rows.filter(confident=True)
    found = list(rows.values_list("lat", "lon", "frp"))
    lats = np.array([float(r[0]) for r in found], dtype=np.float64)
    lons = np.array([float(r[1]) for r in found], dtype=np.float64)
    frps = np.array([r[2] or 0.0 for r in found], dtype=np.float64)
    inside: dict[str, npt.NDArray[np.bool_]] = {}
    for (zone_class, _), geometry in zip(zones, geometries, strict=True):
        hit = shapely.contains_xy(geometry, lons, lats) if len(found) else np.zeros(0, dtype=bool)
        inside[zone_class] = inside.get(zone_class, np.zeros(len(found), dtype=bool)) | hit
    return [
        LayerClassCount(name, int(mask.sum()), round(float(frps[mask].sum()), 1))
        for name, mask in sorted(inside.items())
    ]
