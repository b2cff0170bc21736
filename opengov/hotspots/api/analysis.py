"""Derived proxies: ``/repeated-burns`` (FIRMS history or burn scars) and ``/attribution``
(the upwind transport-risk index — never a source apportionment)."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import P, QueryEx, Status

from opengov.accounts.selectors import user_organisation_ids
from opengov.core.api_errors import (
    ErrorOut,
    ValidationErrorOut,
    query_field_error,
    query_moment_parse,
)
from opengov.core.thai_dates import ict_day
from opengov.hotspots import selectors, selectors_analysis
from opengov.hotspots.api.common import (
    NOTICE,
    CountConfidenceQuery,
    SeriesQuery,
    filter_error,
    invalid,
    json_response,
    router,
)
from opengov.hotspots.selectors import FilterError


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
        return invalid([query_field_error("k", "k must not exceed n.", "k ต้องไม่มากกว่า n")])
    if source not in ("firms", "burn_scars"):
        return invalid(
            [
                query_field_error(
                    "source",
                    "source must be firms or burn_scars.",
                    "source ต้องเป็น firms หรือ burn_scars",
                )
            ]
        )
    season = last_season or selectors.season_for(ict_day(timezone.now())).year
    try:
        if source == "burn_scars":
            result = selectors_analysis.repeated_burns_from_scars(
                last_season=season,
                k=k,
                n=n,
                cell_deg=cell_deg,
                organisation_ids=user_organisation_ids(request.user),
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
        return filter_error(error)
    data = result.as_dict()
    if only_repeated:
        data["cells"] = [cell for cell in data["cells"] if cell["repeated"]]
    return json_response({**data, "series": series, **NOTICE})


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
        return invalid(errors)
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
        return filter_error(failure)
    except selectors_analysis.StationNotFound:
        return Status(
            404,
            ErrorOut(
                detail=f"No station {source_id} of source {source} with coordinates.",
                detail_th=f"ไม่พบสถานี {source_id} ของแหล่งข้อมูล {source} ที่มีพิกัด",
            ),
        )
    return json_response({**result.as_dict(), "series": series, **NOTICE})
