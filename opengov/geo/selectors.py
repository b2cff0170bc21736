"""Read side of the geo app: the only surface other apps use to read areas and tag points.

Tag points at ingest with :func:`areas_lookup_many` (vectorised, codes only) or
:func:`area_lookup` (one point, with names). The point index is built once per process from the
``Area`` table and rebuilt when a newer ``LayerLoad`` exists (checked at most once a minute, and
cleared at once after a load in this process).
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import shapely
from django.db.models import Count, Max, Q, QuerySet

from opengov.geo.area_index import LEVELS, AreaIndex, CodeArray, FloatArray, LayerGeometries
from opengov.geo.feature_index import IntArray, ObjectArray, RiskPlaceIndex, ZoneIndex
from opengov.geo.feature_layers import LAND_USE_CLASSES, UNKNOWN_CLASS
from opengov.geo.models import (
    Area,
    AreaLevel,
    FeatureLayer,
    FeatureLayerKind,
    LayerLoad,
    LayerVisibility,
    RiskPlace,
    Zone,
)

INDEX_CHECK_SECONDS: Final = 60.0
SIMPLIFY_DEFAULT: Final = 0.001  # degrees, about 100 m: enough for a province on a phone map
SIMPLIFY_MAX: Final = 0.1


@dataclass
class _CachedIndex:
    index: AreaIndex
    load_id: int | None
    checked_at: float


_cache: _CachedIndex | None = None
_lock = threading.Lock()


def area_index_clear() -> None:
    """Forget the cached point index (the next lookup rebuilds it from the database)."""
    global _cache
    with _lock:
        _cache = None


def _latest_load_id() -> int | None:
    return LayerLoad.objects.order_by("-id").values_list("id", flat=True).first()


def _index_build() -> AreaIndex:
    layers = []
    for level in LEVELS:
        rows = list(Area.objects.filter(level=level).values_list("code", "geometry"))
        codes = [code for code, _ in rows]
        geometries = shapely.from_geojson([geometry for _, geometry in rows]) if rows else []
        layers.append(LayerGeometries(level, codes, list(geometries)))
    return AreaIndex.build(layers)


def area_index() -> AreaIndex:
    """The process-wide point index, rebuilt when a layer has been loaded since it was built."""
    global _cache
    with _lock:
        now = time.monotonic()
        cached = _cache
        if cached is not None and now - cached.checked_at < INDEX_CHECK_SECONDS:
            return cached.index
        load_id = _latest_load_id()
        if cached is not None and cached.load_id == load_id:
            cached.checked_at = now
            return cached.index
        _cache = _CachedIndex(_index_build(), load_id, now)
        return _cache.index


@dataclass(frozen=True)
class AreaSummary:
    level: str
    code: str
    name_th: str
    name_en: str


@dataclass(frozen=True)
class AreaLookup:
    """The areas containing one point; ``None`` where no area of that level contains it."""

    country: AreaSummary | None
    province: AreaSummary | None
    district: AreaSummary | None
    subdistrict: AreaSummary | None


def coordinates_check(lat: float, lon: float) -> None:
    """Raise ``ValueError`` naming the field when a coordinate is not a finite WGS84 value."""
    for name, value, limit in (("lat", lat, 90.0), ("lon", lon, 180.0)):
        if not math.isfinite(value) or not -limit <= value <= limit:
            raise ValueError(f"{name} must be a number between {-limit:g} and {limit:g}")


def area_lookup(lat: float, lon: float) -> AreaLookup:
    """The country, province, district and sub-district containing (lat, lon), with names.

    Border points resolve to the lowest code; points at sea resolve to ``None``."""
    coordinates_check(lat, lon)
    codes = area_index().lookup(lat, lon)
    wanted = Q(pk__in=[])
    for level, code in codes.items():
        if code is not None:
            wanted |= Q(level=level, code=code)
    found = {
        (row["level"], row["code"]): AreaSummary(**row)
        for row in Area.objects.filter(wanted).values("level", "code", "name_th", "name_en")
    }

    def summary(level: str) -> AreaSummary | None:
        code = codes[level]
        return None if code is None else found.get((level, code))

    return AreaLookup(
        country=summary("country"),
        province=summary("province"),
        district=summary("district"),
        subdistrict=summary("subdistrict"),
    )


def areas_lookup_many(
    lats: Sequence[float] | FloatArray, lons: Sequence[float] | FloatArray
) -> dict[str, CodeArray]:
    """Area codes per level for arrays of points (vectorised; the same answers as
    :func:`area_lookup`). Keys are ``country``, ``province``, ``district``, ``subdistrict``; each
    value is an object array with a code or ``None`` per point (NaN or out-of-range points give
    ``None``)."""
    ys = np.asarray(lats, dtype=np.float64)
    xs = np.asarray(lons, dtype=np.float64)
    return area_index().lookup_many(ys, xs)


def area_counts_by_level() -> dict[str, int]:
    """Number of areas loaded per level, e.g. ``{"country": 19, "province": 77, ...}``."""
    rows = Area.objects.order_by().values_list("level").annotate(count=Count("id"))
    return dict(rows)


def areas_list(
    *, level: str | None = None, parent: str | None = None, q: str | None = None
) -> QuerySet[Area]:
    """Areas ordered by level and code, without their (large) geometry column loaded."""
    areas = Area.objects.select_related("parent").defer("geometry", "parent__geometry")
    if level:
        areas = areas.filter(level=level)
    if parent:
        areas = areas.filter(parent__code=parent)
    if q:
        text = q.strip()
        areas = areas.filter(
            Q(name_th__icontains=text) | Q(name_en__icontains=text) | Q(code__istartswith=text)
        )
    return areas.order_by("level", "code")


def area_get(*, level: str, code: str, with_geometry: bool = False) -> Area | None:
    """One area by level and code (geometry column loaded only when asked for)."""
    if level not in AreaLevel.values:
        return None
    areas = Area.objects.select_related("parent").defer("parent__geometry")
    if not with_geometry:
        areas = areas.defer("geometry")
    return areas.filter(level=level, code=code).first()


def area_geometry_simplified(area: Area, *, tolerance: float = SIMPLIFY_DEFAULT) -> dict[str, Any]:
    """The area's boundary as a GeoJSON geometry, simplified (topology preserved) to
    ``tolerance`` degrees, clamped to 0…``SIMPLIFY_MAX``."""
    tolerance = min(max(tolerance, 0.0), SIMPLIFY_MAX)
    geometry = shapely.from_geojson(area.geometry)
    if tolerance > 0:
        geometry = shapely.simplify(geometry, tolerance, preserve_topology=True)
    result: dict[str, Any] = json.loads(shapely.to_geojson(geometry))
    return result


# --- land-use zones and risk places -------------------------------------------------------------


@dataclass
class _CachedFeatureIndexes:
    zones: ZoneIndex
    places: RiskPlaceIndex
    stamp: tuple[int, str]
    checked_at: float


_feature_cache: _CachedFeatureIndexes | None = None


def feature_index_clear() -> None:
    """Forget the cached zone and risk-place indexes (rebuilt on the next lookup)."""
    global _feature_cache
    with _lock:
        _feature_cache = None


def _public_layers() -> QuerySet[FeatureLayer]:
    return FeatureLayer.objects.filter(visibility=LayerVisibility.PUBLIC)


def _feature_stamp() -> tuple[int, str]:
    layers = _public_layers().order_by()
    stamp = layers.aggregate(count=Count("id"), latest=Max("loaded_at"))
    return int(stamp["count"]), str(stamp["latest"])


def _feature_indexes() -> _CachedFeatureIndexes:
    global _feature_cache
    with _lock:
        now = time.monotonic()
        cached = _feature_cache
        if cached is not None and now - cached.checked_at < INDEX_CHECK_SECONDS:
            return cached
        stamp = _feature_stamp()
        if cached is not None and cached.stamp == stamp:
            cached.checked_at = now
            return cached
        zones = list(
            Zone.objects.filter(
                layer__in=_public_layers(), layer__kind=FeatureLayerKind.LAND_USE
            ).values_list("zone_class", "geometry")
        )
        geometries = shapely.from_geojson([g for _, g in zones]) if zones else []
        zone_index = ZoneIndex(
            [c for c, _ in zones], list(geometries), rank=LAND_USE_CLASSES, unknown=UNKNOWN_CLASS
        )
        places = list(
            RiskPlace.objects.filter(layer__in=_public_layers()).values_list("id", "lat", "lon")
        )
        place_index = RiskPlaceIndex(
            [p[0] for p in places], [p[1] for p in places], [p[2] for p in places]
        )
        _feature_cache = _CachedFeatureIndexes(zone_index, place_index, stamp, now)
        return _feature_cache


def land_use_classes_many(
    lats: Sequence[float] | FloatArray, lons: Sequence[float] | FloatArray
) -> ObjectArray:
    """GISTDA land-use class of each point from the public zone layers; ``"unknown"`` where no
    loaded zone holds the point (no layer loaded, outside Thailand, or a gap) — never a guess."""
    ys = np.asarray(lats, dtype=np.float64)
    xs = np.asarray(lons, dtype=np.float64)
    return _feature_indexes().zones.classes_at(ys, xs)


def risk_places_nearest_many(
    lats: Sequence[float] | FloatArray, lons: Sequence[float] | FloatArray, *, radius_km: float
) -> tuple[IntArray, FloatArray]:
    """Id of the nearest public risk place within ``radius_km`` of each point (``-1`` if none)
    and the great-circle distance in km (NaN if none)."""
    ys = np.asarray(lats, dtype=np.float64)
    xs = np.asarray(lons, dtype=np.float64)
    return _feature_indexes().places.nearest_within(ys, xs, radius_km)


def feature_layers_visible(*, organisation_ids: Sequence[int] = ()) -> QuerySet[FeatureLayer]:
    """Public layers plus the private layers of the given organisations (the viewer's own)."""
    mine = Q(
        visibility=LayerVisibility.ORGANISATION, owner_organisation_id__in=list(organisation_ids)
    )
    return FeatureLayer.objects.filter(Q(visibility=LayerVisibility.PUBLIC) | mine)


def risk_places_in_bbox(
    *, west: float, south: float, east: float, north: float, organisation_ids: Sequence[int] = ()
) -> QuerySet[RiskPlace]:
    """Risk places of the visible layers inside a box, for maps."""
    return RiskPlace.objects.filter(
        layer__in=feature_layers_visible(organisation_ids=organisation_ids),
        lon__gte=west,
        lon__lte=east,
        lat__gte=south,
        lat__lte=north,
    ).select_related("layer")


def risk_places_by_id(ids: Sequence[int]) -> dict[int, RiskPlace]:
    """Risk places by id (for labelling tagged records)."""
    return {place.pk: place for place in RiskPlace.objects.filter(pk__in=list(ids))}


def burn_scars_visible(
    *, organisation_ids: Sequence[int] = (), layer_slug: str = ""
) -> list[tuple[int, str, str]]:
    """(year, geometry GeoJSON, layer slug) of the burn scars the viewer may see: public layers
    and the private layers of ``organisation_ids``; one layer when ``layer_slug`` is given."""
    layers = feature_layers_visible(organisation_ids=organisation_ids).filter(
        kind=FeatureLayerKind.BURN_SCARS
    )
    if layer_slug:
        layers = layers.filter(slug=layer_slug)
    rows = Zone.objects.filter(layer__in=layers, year__isnull=False).values_list(
        "year", "geometry", "layer__slug"
    )
    return [(int(year or 0), geometry, slug) for year, geometry, slug in rows]


def feature_layer_features(layer: FeatureLayer) -> list[dict[str, object]]:
    """Every feature of a layer as plain data (class, name, year or kind, geometry GeoJSON text);
    the caller has checked that the viewer may see the layer."""
    if layer.kind == FeatureLayerKind.RISK_PLACES:
        return [
            {
                "class": place.kind,
                "name": place.name,
                "capacity_mw": place.capacity_mw,
                "fuel": place.fuel,
                "geometry": json.dumps({"type": "Point", "coordinates": [place.lon, place.lat]}),
            }
            for place in RiskPlace.objects.filter(layer=layer).order_by("name")
        ]
    return [
        {"class": zone.zone_class, "name": zone.name, "year": zone.year, "geometry": zone.geometry}
        for zone in Zone.objects.filter(layer=layer).order_by("id")
    ]
