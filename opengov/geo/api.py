"""Areas API (mounted at /api/v1/areas): point lookup, list and detail with simplified geometry."""

from __future__ import annotations

import math
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import P, QueryEx, Router, Schema, Status

from opengov.core.api_errors import (
    ErrorOut,
    FieldErrorOut,
    ValidationErrorOut,
    in_both_languages,
    query_field_error,
)
from opengov.geo.models import Area, AreaLevel
from opengov.geo.selectors import (
    SIMPLIFY_DEFAULT,
    SIMPLIFY_MAX,
    AreaSummary,
    area_geometry_simplified,
    area_get,
    area_lookup,
    areas_list,
)

router = Router()

PAGE_DEFAULT = 100
PAGE_MAX = 1000


class AreaOut(Schema):
    level: str
    code: str
    name_th: str
    name_en: str


class AreaListItemOut(AreaOut):
    iso_code: str
    parent: str | None
    bbox: list[float]

    @staticmethod
    def resolve_parent(obj: Area) -> str | None:
        return obj.parent.code if obj.parent is not None else None

    @staticmethod
    def resolve_bbox(obj: Area) -> list[float]:
        return [obj.min_lon, obj.min_lat, obj.max_lon, obj.max_lat]


class AreaDetailOut(AreaListItemOut):
    source: str
    geometry: dict[str, Any] | None = None

    @staticmethod
    def resolve_geometry(obj: Area) -> None:
        return None  # filled in only when asked for, simplified (the raw text can be megabytes)


class AreaPageOut(Schema):
    count: int
    items: list[AreaListItemOut]


class LookupOut(Schema):
    lat: float
    lon: float
    country: AreaOut | None
    province: AreaOut | None
    district: AreaOut | None
    subdistrict: AreaOut | None


_COORDINATE_RULE = _("{field} must be a number between {low} and {high} (WGS84 degrees).")
_NOT_FOUND = _("No {level} with code {code}.")


def _coordinate_parse(field: str, raw: str, limit: float) -> tuple[float | None, FieldErrorOut]:
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    en, th = in_both_languages(
        lambda: str(_COORDINATE_RULE).format(field=field, low=f"{-limit:g}", high=f"{limit:g}")
    )
    error = query_field_error(field, en, th)
    if not math.isfinite(value) or not -limit <= value <= limit:
        return None, error
    return value, error


def _area_out(summary: AreaSummary | None) -> AreaOut | None:
    if summary is None:
        return None
    return AreaOut(
        level=summary.level, code=summary.code, name_th=summary.name_th, name_en=summary.name_en
    )


@router.get(
    "/lookup",
    response={200: LookupOut, 422: ValidationErrorOut},
    summary="Areas containing a point",
)
def lookup(
    request: HttpRequest,
    lat: QueryEx[str, P(description="Latitude in WGS84 degrees, -90 to 90")],
    lon: QueryEx[str, P(description="Longitude in WGS84 degrees, -180 to 180")],
) -> Status[LookupOut | ValidationErrorOut]:
    """Country, province, district and sub-district containing (lat, lon), or null for each.

    A point on a shared border gets the area with the lowest code; a point at sea gets null.
    """
    lat_value, lat_error = _coordinate_parse("lat", lat, 90.0)
    lon_value, lon_error = _coordinate_parse("lon", lon, 180.0)
    errors = [
        error for value, error in ((lat_value, lat_error), (lon_value, lon_error)) if value is None
    ]
    if errors or lat_value is None or lon_value is None:
        return Status(422, ValidationErrorOut(detail=errors))
    found = area_lookup(lat_value, lon_value)
    return Status(
        200,
        LookupOut(
            lat=lat_value,
            lon=lon_value,
            country=_area_out(found.country),
            province=_area_out(found.province),
            district=_area_out(found.district),
            subdistrict=_area_out(found.subdistrict),
        ),
    )


@router.get("/", response=AreaPageOut, summary="List areas")
def area_list(
    request: HttpRequest,
    level: QueryEx[
        str | None,
        P(pattern="^(country|province|district|subdistrict)$", description="Level of the areas"),
    ] = None,
    parent: QueryEx[str | None, P(description="Code of the parent area, e.g. 50")] = None,
    q: QueryEx[
        str | None, P(description="Part of the Thai or English name, or a code prefix")
    ] = None,
    limit: QueryEx[int, P(ge=1, le=PAGE_MAX, description="Page size")] = PAGE_DEFAULT,
    offset: QueryEx[int, P(ge=0, description="Number of areas to skip")] = 0,
) -> dict[str, Any]:
    """Areas ordered by level and code, filtered by level, parent code and name."""
    areas = areas_list(level=level, parent=parent, q=q)
    # Ninja validates the ORM rows against AreaPageOut (resolvers included) on the way out.
    return {"count": areas.count(), "items": list(areas[offset : offset + limit])}


@router.get(
    "/{level}/{code}",
    response={200: AreaDetailOut, 404: ErrorOut},
    summary="One area, optionally with its boundary",
)
def area_detail(
    request: HttpRequest,
    level: str,
    code: str,
    geometry: QueryEx[bool, P(description="Include the boundary as GeoJSON")] = False,
    simplify: QueryEx[
        float,
        P(
            ge=0.0,
            le=SIMPLIFY_MAX,
            description="Simplification tolerance in degrees (topology preserved); 0 for none",
        ),
    ] = SIMPLIFY_DEFAULT,
) -> Status[AreaDetailOut | ErrorOut]:
    """One area by level and code; ``geometry=true`` adds its simplified boundary."""
    area = area_get(level=level, code=code, with_geometry=geometry)
    if area is None:

        def message() -> str:
            label = str(AreaLevel(level).label).lower() if level in AreaLevel.values else level
            return str(_NOT_FOUND).format(level=label, code=code)

        en, th = in_both_languages(message)
        return Status(404, ErrorOut(detail=en, detail_th=th))
    out = AreaDetailOut.from_orm(area)
    if geometry:
        out.geometry = area_geometry_simplified(area, tolerance=simplify)
    return Status(200, out)
