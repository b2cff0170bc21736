"""Fire-hotspot API (mounted at /api/v1/hotspots): detections (JSON, GeoJSON, CSV), daily
aggregates, the province table, the cross-border panel, repeated-burn cells and the upwind
transport-risk index for a station and hour.

Every answer carries the FIRMS acknowledgement and disclaimer (spec air-quality §4.7). Times are
ISO 8601 UTC (``acquired_at``, as FIRMS gives them); days are Thai-time calendar days. Counts are
per *series* (one VIIRS satellite, or MODIS) and by default with the default confidence filter
(VIIRS nominal/high, MODIS ≥ 30, archive type 0); ``confidence=all`` switches it off.

Errors: bad query parameters → 422 ``{"detail": [{"loc", "msg", "msg_th"}]}`` naming the
parameter in English and Thai; unknown station → 404 ``{"detail", "detail_th"}``.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, timedelta
from typing import Any, Final

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import P, QueryEx, Router, Status

from opengov.accounts.selectors import user_organisations
from opengov.core.api_errors import (
    ErrorOut,
    FieldErrorOut,
    ValidationErrorOut,
    query_day_parse,
    query_field_error,
    query_moment_parse,
)
from opengov.hotspots import selectors, selectors_analysis
from opengov.hotspots.firms_notice import (
    FIRMS_ACKNOWLEDGEMENT,
    FIRMS_ACKNOWLEDGEMENT_TH,
    FIRMS_DISCLAIMER,
    FIRMS_DISCLAIMER_TH,
)
from opengov.hotspots.selectors import DetectionFilter, FilterError

router = Router()

LIMIT_DEFAULT: Final = 5000
LIMIT_MAX: Final = 50000
DEFAULT_DAYS: Final = 7
MAX_AGGREGATE_DAYS: Final = 3 * 366
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
_NOTICE: Final = {
    "acknowledgement": FIRMS_ACKNOWLEDGEMENT,
    "acknowledgement_th": FIRMS_ACKNOWLEDGEMENT_TH,
    "disclaimer": FIRMS_DISCLAIMER,
    "disclaimer_th": FIRMS_DISCLAIMER_TH,
}


def _invalid(errors: list[FieldErrorOut]) -> Status[Any]:
    return Status(422, ValidationErrorOut(detail=errors))


def _filter_error(error: FilterError) -> Status[Any]:
    return _invalid([query_field_error(error.field, error.message_en, error.message_th)])


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


def _json(payload: dict[str, Any], content_type: str = "application/json") -> HttpResponse:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str)
    return HttpResponse(body.encode("utf-8"), content_type=f"{content_type}; charset=utf-8")


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


SeriesQuery = QueryEx[
    str, P(description="VIIRS_SNPP (default), VIIRS_NOAA20, VIIRS_NOAA21 or MODIS")
]
CountConfidenceQuery = QueryEx[str, P(description="default or all")]
StartDayQuery = QueryEx[str | None, P(description="First Thai-time day, YYYY-MM-DD")]
EndDayQuery = QueryEx[str | None, P(description="Last Thai-time day (inclusive); default today")]
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
        return _invalid(errors)
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
        return _filter_error(error)
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
        **_NOTICE,
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
        return _json(
            {"type": "FeatureCollection", **window, "features": features},
            "application/geo+json",
        )
    return _json({**window, "count": len(items), "items": items})


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


def _day_window(
    start_day: str | None, end_day: str | None
) -> tuple[date, date, list[FieldErrorOut]]:
    last, last_error = query_day_parse("end_day", end_day)
    first, first_error = query_day_parse("start_day", start_day)
    errors = [e for e in (first_error, last_error) if e is not None]
    last = last or selectors.ict_day(timezone.now())
    first = first or last - timedelta(days=DEFAULT_DAYS - 1)
    if not errors and not 0 <= (last - first).days <= MAX_AGGREGATE_DAYS:
        errors.append(
            query_field_error(
                "start_day",
                f"start_day must be on or before end_day, at most {MAX_AGGREGATE_DAYS} days apart.",
                f"start_day ต้องไม่หลัง end_day และห่างกันไม่เกิน {MAX_AGGREGATE_DAYS} วัน",
            )
        )
    return first, last, errors


@router.get(
    "/aggregates",
    response={200: dict[str, Any], 422: ValidationErrorOut},
    summary="Count and total FRP per day and area",
)
def aggregates(
    request: HttpRequest,
    start_day: StartDayQuery = None,
    end_day: EndDayQuery = None,
    group_by: QueryEx[
        str,
        P(description="Comma list of day, country, province, district, land_use_class, satellite"),
    ] = "day",
    series: SeriesQuery = selectors.DEFAULT_SERIES,
    confidence: CountConfidenceQuery = "default",
    country: QueryEx[str | None, P(description="ISO alpha-3")] = None,
    province: QueryEx[str | None, P(description="Thai province code")] = None,
) -> HttpResponse | Status[Any]:
    """Detections and ΣFRP (MW) per group over Thai-time days, one series at a time."""
    first, last, errors = _day_window(start_day, end_day)
    if errors:
        return _invalid(errors)
    try:
        rows = selectors.daily_counts(
            start_day=first,
            end_day=last,
            group_by=[g.strip() for g in group_by.split(",") if g.strip()],
            series=series,
            confidence=confidence,
            country=(country or "").upper(),
            province=province or "",
        )
    except FilterError as error:
        return _filter_error(error)
    return _json(
        {
            "start_day": first,
            "end_day": last,
            "series": series,
            "confidence": confidence,
            "items": rows,
            **_NOTICE,
        }
    )


@router.get(
    "/provinces",
    response={200: dict[str, Any], 422: ValidationErrorOut},
    summary="Province table: today, 7 days, season to date, last season",
)
def provinces(
    request: HttpRequest,
    today: QueryEx[str | None, P(description="Thai-time day, YYYY-MM-DD; default today")] = None,
    series: SeriesQuery = selectors.DEFAULT_SERIES,
    confidence: CountConfidenceQuery = "default",
) -> HttpResponse | Status[Any]:
    """Thai provinces with detections: today, the last 7 days, season to date (split by land-use
    class) and the same period of the previous season."""
    day, error = query_day_parse("today", today)
    if error is not None:
        return _invalid([error])
    try:
        table = selectors.province_table(
            today=day or selectors.ict_day(timezone.now()), series=series, confidence=confidence
        )
    except FilterError as failure:
        return _filter_error(failure)
    return _json(
        {
            "today": table.today,
            "season": {
                "year": table.season.year,
                "start": table.season.start,
                "end": table.season.end,
            },
            "season_until": table.season_until,
            "last_season": {"start": table.last_season[0], "end": table.last_season[1]},
            "series": table.series,
            "confidence": table.confidence,
            "items": [vars(row) for row in table.rows],
            "totals": vars(table.totals),
            **_NOTICE,
        }
    )


@router.get(
    "/cross-border",
    response={200: dict[str, Any], 422: ValidationErrorOut},
    summary="Thailand and its neighbours per day",
)
def cross_border(
    request: HttpRequest,
    start_day: StartDayQuery = None,
    end_day: EndDayQuery = None,
    series: SeriesQuery = selectors.DEFAULT_SERIES,
    confidence: CountConfidenceQuery = "default",
) -> HttpResponse | Status[Any]:
    """Detections per day in Thailand, Myanmar, Laos, Cambodia and Vietnam (by country polygon)."""
    first, last, errors = _day_window(start_day, end_day)
    if errors:
        return _invalid(errors)
    try:
        days = selectors.cross_border_daily(
            start_day=first, end_day=last, series=series, confidence=confidence
        )
    except FilterError as error:
        return _filter_error(error)
    return _json(
        {
            "start_day": first,
            "end_day": last,
            "series": series,
            "confidence": confidence,
            "countries": list(selectors.CROSS_BORDER_COUNTRIES),
            "items": [{"day": d.day, **d.counts} for d in days],
            **_NOTICE,
        }
    )


@router.get(
    "/repeated-burns",
    response={200: dict[str, Any], 422: ValidationErrorOut},
    summary="Repeated-burn cells and districts (FIRMS-derived proxy)",
)
def repeated_burns(
    request: HttpRequest,
    last_season: QueryEx[
        int | None,
        P(ge=2000, le=2100, description="Last season (year it ends); default the latest"),
    ] = None,
    k: QueryEx[int, P(ge=1, le=30, description="Burned in at least k seasons")] = 3,
    n: QueryEx[int, P(ge=1, le=30, description="…of the last n seasons")] = 5,
    cell_deg: QueryEx[float, P(ge=0.001, le=1.0, description="Grid cell size, degrees")] = 0.01,
    series: SeriesQuery = selectors.DEFAULT_SERIES,
    province: QueryEx[str | None, P(description="Thai province code")] = None,
    only_repeated: QueryEx[bool, P(description="List only repeated cells")] = True,
    source: QueryEx[
        str, P(description="firms (hotspot proxy, default) or burn_scars (mapped burn scars)")
    ] = "firms",
    layer: QueryEx[str | None, P(description="With source=burn_scars: one layer's slug")] = None,
) -> HttpResponse | Status[Any]:
    """Grid cells (and districts) burned in at least ``k`` of the last ``n`` burning seasons:
    from satellite hotspots (a proxy, ``source=firms``) or from burn-scar polygons loaded by an
    agency (``source=burn_scars``; private layers only for members of their organisation)."""
    if k > n:
        return _invalid([query_field_error("k", "k must not exceed n.", "k ต้องไม่มากกว่า n")])
    if source not in ("firms", "burn_scars"):
        return _invalid(
            [
                query_field_error(
                    "source",
                    "source must be firms or burn_scars.",
                    "source ต้องเป็น firms หรือ burn_scars",
                )
            ]
        )
    season = last_season or selectors.season_for(selectors.ict_day(timezone.now())).year
    try:
        if source == "burn_scars":
            result = selectors_analysis.repeated_burns_from_scars(
                last_season=season,
                k=k,
                n=n,
                cell_deg=cell_deg,
                organisation_ids=list(
                    user_organisations(request.user).values_list("id", flat=True)
                ),
                layer_slug=layer or "",
                province=province or "",
            )
        else:
            result = selectors_analysis.repeated_burns(
                last_season=season,
                k=k,
                n=n,
                cell_deg=cell_deg,
                series=series,
                province=province or "",
            )
    except FilterError as error:
        return _filter_error(error)
    data = result.as_dict()
    if only_repeated:
        data["cells"] = [cell for cell in data["cells"] if cell["repeated"]]
    return _json({**data, "series": series, **_NOTICE})


@router.get(
    "/attribution",
    response={200: dict[str, Any], 404: ErrorOut, 422: ValidationErrorOut},
    summary="Upwind transport-risk index at a station (not a source apportionment)",
)
def attribution(
    request: HttpRequest,
    station: QueryEx[str, P(description="source:id of an air-quality station, e.g. air4thai:35t")],
    at: QueryEx[
        str | None,
        P(description="End of the hour, ISO 8601 with offset; default the last full hour"),
    ] = None,
    series: SeriesQuery = selectors.DEFAULT_SERIES,
    confidence: CountConfidenceQuery = "default",
) -> HttpResponse | Status[Any]:
    """Hotspots upwind of the station in rings of 50/100/250/500 km, weighted by FRP, distance
    and travel time, split by country and land-use class, with the contributing detections. A
    smoke-transport risk indicator, never a source apportionment (see ``label_en``)."""
    moment, error = query_moment_parse("at", at)
    errors = [error] if error is not None else []
    source, _, source_id = station.partition(":")
    if not source or not source_id:
        errors.append(
            query_field_error(
                "station",
                "station must be source:id, e.g. air4thai:35t.",
                "station ต้องเป็น แหล่งข้อมูล:รหัส เช่น air4thai:35t",
            )
        )
    if confidence not in ("default", "all"):
        errors.append(
            query_field_error(
                "confidence",
                "confidence must be default or all.",
                "confidence ต้องเป็น default หรือ all",
            )
        )
    if errors:
        return _invalid(errors)
    hour_end = (moment or timezone.now()).astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    try:
        result = selectors_analysis.station_upwind_risk(
            source=source,
            source_id=source_id,
            hour_end=hour_end,
            series=series,
            confidence_filter=confidence == "default",
        )
    except FilterError as failure:
        return _filter_error(failure)
    except selectors_analysis.StationNotFound:
        return Status(
            404,
            ErrorOut(
                detail=f"No station {source_id} of source {source} with coordinates.",
                detail_th=f"ไม่พบสถานี {source_id} ของแหล่งข้อมูล {source} ที่มีพิกัด",
            ),
        )
    return _json({**result.as_dict(), "series": series, **_NOTICE})
