"""``/detections``: fire detections as JSON, GeoJSON or CSV, newest first."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any, Final

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import P, QueryEx, Status

from opengov.core.api_errors import (
    FieldErrorOut,
    ValidationErrorOut,
    query_field_error,
    query_moment_parse,
)
from opengov.hotspots import selectors
from opengov.hotspots.api.common import NOTICE, filter_error, invalid, json_response, router
from opengov.hotspots.selectors import DetectionFilter, FilterError

LIMIT_DEFAULT: Final = 5000
LIMIT_MAX: Final = 50000
DETECTION_FIELDS: Final = (
    "id",
    "acquired_at",
    "instrument",
    "satellite",
    "lat",
    "lon",
    "frp",
    "confidence_class",
    "confidence_pct",
    "daynight",
    "fire_type",
    "version",
    "country_code",
    "province_code",
    "district_code",
    "land_use_class",
    "risk_place__name",
    "risk_place_km",
)
CSV_HEADER: Final = (
    "id",
    "acquired_at_utc",
    "instrument",
    "satellite",
    "latitude",
    "longitude",
    "frp_mw",
    "confidence_class",
    "confidence_pct",
    "daynight",
    "type",
    "version",
    "country_code",
    "province_code",
    "district_code",
    "land_use_class",
    "risk_place_name",
    "risk_place_km",
)


def _bbox_parse(
    raw: str | None,
) -> tuple[tuple[float, float, float, float] | None, list[FieldErrorOut]]:
    if not raw:
        return None, []
    try:
        west, south, east, north = (float(part) for part in raw.split(","))
    except ValueError:
        west = south = east = north = float("nan")
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        return None, [
            query_field_error(
                "bbox",
                "bbox must be west,south,east,north in degrees (west < east, south < north),"
                " e.g. 97.3,5.5,105.7,20.5.",
                "bbox ต้องเป็น ตะวันตก,ใต้,ตะวันออก,เหนือ เป็นองศา เช่น 97.3,5.5,105.7,20.5",
            )
        ]
    return (west, south, east, north), []


def _row_out(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "acquired_at": row["acquired_at"].isoformat().replace("+00:00", "Z"),
        "instrument": row["instrument"],
        "satellite": row["satellite"],
        "lat": float(row["lat"]),
        "lon": float(row["lon"]),
        "frp": row["frp"],
        "confidence_class": row["confidence_class"],
        "confidence_pct": row["confidence_pct"],
        "daynight": row["daynight"],
        "type": row["fire_type"],
        "version": row["version"],
        "country_code": row["country_code"],
        "province_code": row["province_code"],
        "district_code": row["district_code"],
        "land_use_class": row["land_use_class"],
        "risk_place_name": row["risk_place__name"],
        "risk_place_km": row["risk_place_km"],
    }


_FORMAT_DOC = "json (default), geojson (application/geo+json) or csv (UTF-8 with BOM)"


@router.get(
    "/detections",
    response={200: dict[str, Any], 422: ValidationErrorOut},
    summary="Fire detections (JSON, GeoJSON or CSV)",
)
def detections(
    request: HttpRequest,
    start: QueryEx[
        str | None,
        P(description="From (inclusive), ISO 8601 with offset; default: 24 h before end"),
    ] = None,
    end: QueryEx[
        str | None, P(description="Until (exclusive), ISO 8601 with offset; default: now")
    ] = None,
    bbox: QueryEx[str | None, P(description="west,south,east,north in degrees")] = None,
    country: QueryEx[str | None, P(description="ISO 3166-1 alpha-3, e.g. THA, MMR")] = None,
    province: QueryEx[str | None, P(description="Thai province code, e.g. 50")] = None,
    district: QueryEx[str | None, P(description="Thai district code, e.g. 5001")] = None,
    land_use_class: QueryEx[
        str | None, P(description="GISTDA class, e.g. conservation_forest")
    ] = None,
    confidence: QueryEx[str, P(description="default, all, l, n or h")] = "default",
    series: QueryEx[
        str | None, P(description="VIIRS_SNPP, VIIRS_NOAA20, VIIRS_NOAA21 or MODIS; default: all")
    ] = None,
    format: QueryEx[str, P(description=_FORMAT_DOC)] = "json",
    limit: QueryEx[
        int, P(ge=1, le=LIMIT_MAX, description="At most this many, newest first")
    ] = LIMIT_DEFAULT,
    offset: QueryEx[int, P(ge=0)] = 0,
) -> HttpResponse | Status[Any]:
    """Detections in a time window (default the last 24 hours), newest first, tagged with
    country, province, district, land-use class and the nearest risk place. ``truncated`` says
    whether more matched than ``limit``."""
    end_at, end_error = query_moment_parse("end", end)
    start_at, start_error = query_moment_parse("start", start)
    box, box_errors = _bbox_parse(bbox)
    errors = [e for e in (end_error, start_error) if e is not None] + box_errors
    if format not in ("json", "geojson", "csv"):
        errors.append(
            query_field_error(
                "format",
                "format must be json, geojson or csv.",
                "format ต้องเป็น json, geojson หรือ csv",
            )
        )
    if errors:
        return invalid(errors)
    end_at = end_at or timezone.now()
    start_at = start_at or end_at - timedelta(hours=24)
    spec = DetectionFilter(
        start=start_at,
        end=end_at,
        bbox=box,
        country=(country or "").upper(),
        province=province or "",
        district=district or "",
        land_use_class=land_use_class or "",
        confidence=confidence,
        series=series or "",
    )
    try:
        rows = list(
            selectors.detections_filter(spec).values(*DETECTION_FIELDS)[offset : offset + limit + 1]
        )
    except FilterError as error:
        return filter_error(error)
    truncated = len(rows) > limit
    items = [_row_out(row) for row in rows[:limit]]
    if format == "csv":
        return _csv_response(items, start_at.date(), end_at.date())
    window = {
        "start": start_at.isoformat(),
        "end": end_at.isoformat(),
        "confidence": confidence,
        "series": series or "all",
        "truncated": truncated,
        **NOTICE,
    }
    if format == "geojson":
        features = [
            {
                "type": "Feature",
                "id": item["id"],
                "geometry": {"type": "Point", "coordinates": [item["lon"], item["lat"]]},
                "properties": {k: v for k, v in item.items() if k not in ("lat", "lon")},
            }
            for item in items
        ]
        return json_response(
            {"type": "FeatureCollection", **window, "features": features},
            "application/geo+json",
        )
    return json_response({**window, "count": len(items), "items": items})


def _csv_response(items: list[dict[str, Any]], first: date, last: date) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for item in items:
        writer.writerow(["" if value is None else value for value in item.values()])
    response = HttpResponse(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="hotspots_{first}_{last}.csv"'
    return response
