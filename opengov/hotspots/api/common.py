"""Shared pieces of the hotspots API: the router, the FIRMS notice every answer carries,
bilingual 422 answers, JSON responses and the repeated query parameters."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any, Final

from django.http import HttpResponse
from django.utils import timezone
from ninja import P, QueryEx, Router, Status

from opengov.core.api_errors import (
    FieldErrorOut,
    ValidationErrorOut,
    query_day_parse,
    query_field_error,
)
from opengov.core.thai_dates import ict_day
from opengov.hotspots.firms_notice import (
    FIRMS_ACKNOWLEDGEMENT,
    FIRMS_ACKNOWLEDGEMENT_TH,
    FIRMS_DISCLAIMER,
    FIRMS_DISCLAIMER_TH,
)
from opengov.hotspots.selectors import FilterError

router = Router()

DEFAULT_DAYS: Final = 7
MAX_AGGREGATE_DAYS: Final = 3 * 366

NOTICE: Final = {
    "acknowledgement": FIRMS_ACKNOWLEDGEMENT,
    "acknowledgement_th": FIRMS_ACKNOWLEDGEMENT_TH,
    "disclaimer": FIRMS_DISCLAIMER,
    "disclaimer_th": FIRMS_DISCLAIMER_TH,
}


def invalid(errors: list[FieldErrorOut]) -> Status[Any]:
    return Status(422, ValidationErrorOut(detail=errors))


def filter_error(error: FilterError) -> Status[Any]:
    return invalid([query_field_error(error.field, error.message_en, error.message_th)])


def json_response(payload: dict[str, Any], content_type: str = "application/json") -> HttpResponse:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str)
    return HttpResponse(body.encode("utf-8"), content_type=f"{content_type}; charset=utf-8")


SeriesQuery = QueryEx[
    str, P(description="VIIRS_SNPP (default), VIIRS_NOAA20, VIIRS_NOAA21 or MODIS")
]
CountConfidenceQuery = QueryEx[str, P(description="default or all")]
StartDayQuery = QueryEx[str | None, P(description="First Thai-time day, YYYY-MM-DD")]
EndDayQuery = QueryEx[str | None, P(description="Last Thai-time day (inclusive); default today")]


def day_window(
    start_day: str | None, end_day: str | None
) -> tuple[date, date, list[FieldErrorOut]]:
    last, last_error = query_day_parse("end_day", end_day)
    first, first_error = query_day_parse("start_day", start_day)
    errors = [e for e in (first_error, last_error) if e is not None]
    last = last or ict_day(timezone.now())
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
