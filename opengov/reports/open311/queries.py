"""``GET requests``: the standard's filters and defaults (specs/reporting.md §1.3).

``service_request_id`` (comma list) overrides every other filter. Otherwise ``service_code`` and
``status`` (comma lists) and ``start_date``/``end_date`` on ``requested_datetime``: without dates,
the most recent 90 days; with one date, 90 days from/to it; a range may not span more than 90 days.
At most the first 1,000 requests, newest first. Paging (``page``/``page_size``, the extension most
servers implement) applies only when the client sends one of them: then 50 a page by default, at
most 500."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from django.db.models import Prefetch, QuerySet

from opengov.reports import lifecycle
from opengov.reports.models import Report, ReportPhoto
from opengov.reports.open311 import errors
from opengov.reports.open311.catalogue import service_codes
from opengov.reports.open311.errors import Open311Error, Problem, problem
from opengov.reports.open311.wire import w3c_datetime_parse
from opengov.reports.selectors import reports_public

DEFAULT_SPAN: Final = timedelta(days=90)
MAX_ROWS: Final = 1000
PAGE_SIZE_DEFAULT: Final = 50
PAGE_SIZE_MAX: Final = 500


@dataclass(frozen=True)
class RequestQuery:
    ids: tuple[int, ...] | None
    codes: tuple[str, ...]
    statuses: frozenset[str]
    start: datetime
    end: datetime
    offset: int
    limit: int
    extensions: bool


def is_request_id(text: str) -> bool:
    """ASCII digits that fit a database integer (Thai digits and huge numbers are not ids)."""
    return re.fullmatch(r"[0-9]{1,18}", text) is not None


def _comma_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _date(params: Mapping[str, str], name: str, found: list[Problem]) -> datetime | None:
    text = params.get(name, "").strip()
    if not text:
        return None
    try:
        return w3c_datetime_parse(text)
    except ValueError:
        found.append(problem(errors.DATE_INVALID, value=name))
        return None


def _window(
    params: Mapping[str, str], now: datetime, found: list[Problem]
) -> tuple[datetime, datetime]:
    start, end = _date(params, "start_date", found), _date(params, "end_date", found)
    if start is None:
        return (end - DEFAULT_SPAN, end) if end is not None else (now - DEFAULT_SPAN, now)
    if end is None:
        return start, start + DEFAULT_SPAN
    if start > end:
        found.append(problem(errors.DATE_ORDER))
    elif end - start > DEFAULT_SPAN:
        found.append(problem(errors.DATE_SPAN))
    return start, end


def _whole(text: str, low: int, high: int | None) -> int | None:
    try:
        number = int(text)
    except ValueError:
        return None
    return number if number >= low and (high is None or number <= high) else None


def _paging(params: Mapping[str, str], found: list[Problem]) -> tuple[int, int]:
    page_text, size_text = params.get("page", "").strip(), params.get("page_size", "").strip()
    if not page_text and not size_text:
        return 0, MAX_ROWS
    page = _whole(page_text, 1, None) if page_text else 1
    size = _whole(size_text, 1, PAGE_SIZE_MAX) if size_text else PAGE_SIZE_DEFAULT
    if page is None:
        found.append(problem(errors.PAGE_INVALID))
    if size is None:
        found.append(problem(errors.PAGE_SIZE_INVALID))
    if page is None or size is None:
        return 0, 0
    return (page - 1) * size, size


def request_query_parse(params: Mapping[str, str], *, now: datetime) -> RequestQuery:
    """The filters of a ``GET requests`` query string; raises ``Open311Error`` (404 for an
    unknown ``service_code``, 400 for any other bad value, every problem listed)."""
    extensions = params.get("extensions", "").strip().lower() == "true"
    ids_text = params.get("service_request_id", "").strip()
    if ids_text:
        ids = tuple(int(part) for part in _comma_list(ids_text) if is_request_id(part))[:MAX_ROWS]
        return RequestQuery(ids, (), frozenset(), now, now, 0, MAX_ROWS, extensions)
    codes = tuple(_comma_list(params.get("service_code", "")))
    unknown = [code for code in codes if code not in service_codes()]
    if unknown:
        raise Open311Error(404, [problem(errors.SERVICE_CODE_UNKNOWN, value=c) for c in unknown])
    found: list[Problem] = []
    statuses = frozenset(s.lower() for s in _comma_list(params.get("status", "")))
    if not statuses <= {"open", "closed"}:
        found.append(problem(errors.STATUS_INVALID))
    start, end = _window(params, now, found)
    offset, limit = _paging(params, found)
    if found:
        raise Open311Error(400, found)
    return RequestQuery(None, codes, statuses, start, end, offset, limit, extensions)


def reports_for_query(query: RequestQuery) -> list[Report]:
    """The visible reports the query selects (hidden ones never), newest first."""
    rows: QuerySet[Report] = reports_public().prefetch_related(
        Prefetch("photos", queryset=ReportPhoto.objects.order_by("created_at", "id"))
    )
    if query.ids is not None:
        return list(rows.filter(pk__in=query.ids)[: query.limit])
    if query.codes:
        rows = rows.filter(category__in=query.codes)
    if query.statuses == {"open"}:
        rows = rows.filter(status__in=lifecycle.OPEN_STATES)
    elif query.statuses == {"closed"}:
        rows = rows.filter(status__in=lifecycle.CLOSED_STATES)
    rows = rows.filter(submitted_at__gte=query.start, submitted_at__lte=query.end)
    return list(rows[query.offset : query.offset + query.limit])
