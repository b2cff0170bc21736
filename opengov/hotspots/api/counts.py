"""Daily counts: ``/aggregates``, ``/provinces`` (the province table) and ``/cross-border``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import P, QueryEx, Status

from opengov.core.api_errors import ValidationErrorOut, query_day_parse
from opengov.core.thai_dates import ict_day
from opengov.hotspots import selectors
from opengov.hotspots.api.common import (
    NOTICE,
    CountConfidenceQuery,
    EndDayQuery,
    SeriesQuery,
    StartDayQuery,
    day_window,
    filter_error,
    invalid,
    json_response,
    router,
)
from opengov.hotspots.selectors import FilterError


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
    first, last, errors = day_window(start_day, end_day)
    if errors:
        return invalid(errors)
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
        return filter_error(error)
    return json_response(
        {
            "start_day": first,
            "end_day": last,
            "series": series,
            "confidence": confidence,
            "items": rows,
            **NOTICE,
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
        return invalid([error])
    try:
        table = selectors.province_table(
            today=day or ict_day(timezone.now()), series=series, confidence=confidence
        )
    except FilterError as failure:
        return filter_error(failure)
    return json_response(
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
            **NOTICE,
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
    first, last, errors = day_window(start_day, end_day)
    if errors:
        return invalid(errors)
    try:
        days = selectors.cross_border_daily(
            start_day=first, end_day=last, series=series, confidence=confidence
        )
    except FilterError as error:
        return filter_error(error)
    return json_response(
        {
            "start_day": first,
            "end_day": last,
            "series": series,
            "confidence": confidence,
            "countries": list(selectors.CROSS_BORDER_COUNTRIES),
            "items": [{"day": d.day, **d.counts} for d in days],
            **NOTICE,
        }
    )
