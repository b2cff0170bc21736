"""Tag detections with their areas, land-use class and nearest risk place (one vectorised pass
per batch through the geo selectors)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings

from opengov.geo.selectors import (
    areas_lookup_many,
    land_use_classes_many,
    risk_places_nearest_many,
)


@dataclass(frozen=True)
class PointTags:
    country_code: str
    province_code: str
    district_code: str
    land_use_class: str
    risk_place_id: int | None
    risk_place_km: float | None


def points_tag(lats: Sequence[float], lons: Sequence[float]) -> list[PointTags]:
    """Country (ISO alpha-3), Thai province and district codes, GISTDA land-use class
    (``unknown`` without a zone layer) and the nearest public risk place within
    ``HOTSPOTS_RISK_PLACE_RADIUS_KM`` for each point."""
    if not lats:
        return []
    areas = areas_lookup_many(lats, lons)
    classes = land_use_classes_many(lats, lons)
    radius = float(settings.HOTSPOTS_RISK_PLACE_RADIUS_KM)
    places, distances = risk_places_nearest_many(lats, lons, radius_km=radius)
    tags = []
    for i in range(len(lats)):
        place = int(places[i])
        km = float(distances[i])
        tags.append(
            PointTags(
                country_code=str(areas["country"][i] or ""),
                province_code=str(areas["province"][i] or ""),
                district_code=str(areas["district"][i] or ""),
                land_use_class=str(classes[i]),
                risk_place_id=place if place >= 0 else None,
                risk_place_km=round(km, 3) if not math.isnan(km) else None,
            )
        )
    return tags
