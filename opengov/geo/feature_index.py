"""Point tagging with land-use zones and nearest risk places (pure: shapely + numpy, no Django).

:class:`ZoneIndex` answers "which land-use class holds this point" for arrays of points; where
zones overlap, the class ranked first wins. :class:`RiskPlaceIndex` answers "which risk place is
nearest, within r km" with great-circle distances (candidates from an STRtree query in degrees
wide enough for the latitude, then exact haversine)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt
import shapely

EARTH_RADIUS_KM: Final = 6371.0
KM_PER_DEGREE_LAT: Final = 111.195  # 2πR / 360 with R = 6371 km

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
ObjectArray = npt.NDArray[np.object_]


def haversine_km(
    lat1: FloatArray | float,
    lon1: FloatArray | float,
    lat2: FloatArray | float,
    lon2: FloatArray | float,
) -> FloatArray:
    """Great-circle distance in km (R = 6371.0 km), element-wise."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat = p2 - p1
    dlon = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))))


class ZoneIndex:
    """Polygons with a class each; ``rank`` orders the classes (lower wins an overlap)."""

    def __init__(
        self,
        classes: Sequence[str],
        geometries: Sequence[shapely.Geometry],
        *,
        rank: Sequence[str],
        unknown: str,
    ) -> None:
        self.unknown = unknown
        order = {name: position for position, name in enumerate(rank)}
        self._classes = np.array([*classes, unknown], dtype=object)
        self._rank = np.array([order.get(c, len(order)) for c in classes], dtype=np.int64)
        self._tree = shapely.STRtree(list(geometries))
        for geometry in geometries:
            shapely.prepare(geometry)

    def __len__(self) -> int:
        return len(self._rank)

    def classes_at(self, lats: FloatArray, lons: FloatArray) -> ObjectArray:
        """The class of each point, ``unknown`` outside every zone or for NaN points."""
        count = len(lats)
        best = np.full(count, len(self._rank), dtype=np.int64)  # index of the "unknown" slot
        if count == 0 or len(self._rank) == 0:
            return np.asarray(self._classes[best])
        points = shapely.points(lons, lats)
        point_idx, zone_idx = self._tree.query(points, predicate="intersects")
        if len(point_idx):
            # Sort candidates so the best-ranked zone comes last per point, then assign in order.
            order = _last_per_group(np.lexsort((-self._rank[zone_idx], point_idx)), point_idx)
            best[point_idx[order]] = zone_idx[order]
        return np.asarray(self._classes[best])


class RiskPlaceIndex:
    """Points with integer ids; nearest within a radius by great-circle distance."""

    def __init__(self, ids: Sequence[int], lats: Sequence[float], lons: Sequence[float]) -> None:
        self._ids = np.asarray(ids, dtype=np.int64)
        self._lats = np.asarray(lats, dtype=np.float64)
        self._lons = np.asarray(lons, dtype=np.float64)
        self._tree = shapely.STRtree(shapely.points(self._lons, self._lats))

    def __len__(self) -> int:
        return len(self._ids)

    def nearest_within(
        self, lats: FloatArray, lons: FloatArray, radius_km: float
    ) -> tuple[IntArray, FloatArray]:
        """For each point the id of the nearest place within ``radius_km`` (``-1`` if none) and
        its distance in km (NaN if none). Equal distances resolve to the lower id."""
        count = len(lats)
        found = np.full(count, -1, dtype=np.int64)
        distance = np.full(count, np.nan)
        if count == 0 or len(self._ids) == 0 or radius_km <= 0:
            return found, distance
        max_lat = float(np.nanmax(np.abs(lats))) if count else 0.0
        # A degree of longitude shrinks with latitude: widen the degree window to stay safe.
        cos_lat = max(math.cos(math.radians(min(max_lat + 1.0, 89.0))), 1e-6)
        window_deg = radius_km / (KM_PER_DEGREE_LAT * cos_lat)
        points = shapely.points(lons, lats)
        point_idx, place_idx = self._tree.query(points, predicate="dwithin", distance=window_deg)
        if not len(point_idx):
            return found, distance
        km = haversine_km(
            lats[point_idx], lons[point_idx], self._lats[place_idx], self._lons[place_idx]
        )
        keep = km <= radius_km
        point_idx, place_idx, km = point_idx[keep], place_idx[keep], km[keep]
        # Nearest last per point (ties: lower id last), then assign in order.
        order = _last_per_group(np.lexsort((-self._ids[place_idx], -km, point_idx)), point_idx)
        found[point_idx[order]] = self._ids[place_idx[order]]
        distance[point_idx[order]] = km[order]
        return found, distance


def _last_per_group(order: IntArray, groups: IntArray) -> IntArray:
    """Of ``order`` (sorted by ``groups`` first), keep the last position of every group."""
    sorted_groups = groups[order]
    last = np.ones(len(order), dtype=bool)
    last[:-1] = sorted_groups[1:] != sorted_groups[:-1]
    return order[last]


def polygon_cell_centres(
    geometry: shapely.Geometry, cell_deg: float
) -> tuple[FloatArray, FloatArray]:
    """Centres (lats, lons) of the grid cells of size ``cell_deg`` whose centre lies inside a
    polygon — how a mapped burn scar becomes the same cells as the hotspot recurrence grid."""
    west, south, east, north = shapely.bounds(geometry)
    rows = np.arange(math.floor(south / cell_deg), math.floor(north / cell_deg) + 1)
    cols = np.arange(math.floor(west / cell_deg), math.floor(east / cell_deg) + 1)
    grid_rows, grid_cols = np.meshgrid(rows, cols, indexing="ij")
    lats = (grid_rows.ravel() + 0.5) * cell_deg
    lons = (grid_cols.ravel() + 0.5) * cell_deg
    inside = shapely.contains_xy(geometry, lons, lats)
    return np.asarray(lats[inside], dtype=np.float64), np.asarray(lons[inside], dtype=np.float64)
