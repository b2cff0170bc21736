"""``/hotspots/cross-border/``: Thailand against Myanmar, Laos, Cambodia and Vietnam per day."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Final

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from opengov.core.thai_dates import format_date, ict_day
from opengov.hotspots.selectors import (
    CROSS_BORDER_COUNTRIES,
    CrossBorderDay,
    FilterError,
    cross_border_daily,
)
from opengov.hotspots.views.chart import grouped_bars
from opengov.hotspots.views.common import (
    area_name,
    area_names,
    error_page,
    filter_choices,
    is_thai,
    source_info,
)
from opengov.hotspots.views.filters import (
    CROSS_BORDER_DAYS,
    confidence_parse,
    day_parse,
    days_parse,
    query_with,
    series_parse,
)

TEMPLATE: Final = "hotspots/cross_border.html"


def _end_day(asked: date | None, today: date, newest: date | None, days: int) -> tuple[date, bool]:
    """The last day shown: the asked day, today when there is data in the window ending today,
    else the newest day with data (``True`` = ended early)."""
    if asked is not None:
        return asked, False
    if newest is None or newest > today - timedelta(days=days):
        return today, False
    return newest, True


def cross_border(request: HttpRequest) -> HttpResponse:
    query = request.GET
    base = {k: query.get(k, "") for k in ("end", "days", "series", "confidence")}
    context: dict[str, Any] = {
        "end_value": base["end"],
        "days": base["days"] or "14",
        "day_choices": [str(d) for d in CROSS_BORDER_DAYS],
        **filter_choices(base["series"] or "VIIRS_SNPP", base["confidence"] or "default"),
    }
    try:
        series, confidence = series_parse(query), confidence_parse(query)
        days, asked = days_parse(query), day_parse(query, "end")
        now = timezone.now()
        info = source_info(series, confidence, now)
        newest = ict_day(info.newest_series) if info.newest_series else None
        end, ended_early = _end_day(asked, ict_day(now), newest, days)
        start = end - timedelta(days=days - 1)
        rows = cross_border_daily(
            start_day=start, end_day=end, series=series, confidence=confidence
        )
    except FilterError as error:
        return error_page(request, TEMPLATE, error, context)
    context.update(_panel_context(rows, start, end))
    context.update(
        {
            "series": series,
            "confidence": confidence,
            "source": info,
            "days": str(days),
            "end_value": end.isoformat() if asked else "",
            "end_asked": asked is not None,
            "ended_early": ended_early,
            "newest_day": newest,
            "newest_link": (
                query_with(base, end=newest.isoformat())
                if newest and not (start <= newest <= end)
                else ""
            ),
            "is_thai": is_thai(),
        }
    )
    return render(request, TEMPLATE, context)


def _panel_context(rows: list[CrossBorderDay], start: date, end: date) -> dict[str, Any]:
    names = area_names("country")
    countries = [area_name(names, code) for code in CROSS_BORDER_COUNTRIES]
    language = get_language() or "th"
    labels = {row.day: format_date(row.day, language=language, short=True) for row in rows}
    chart = grouped_bars(
        [(row.day, row.counts) for row in rows],
        CROSS_BORDER_COUNTRIES,
        day_label=labels,
        series_label={c.code: c.name for c in countries},
    )
    totals = {code: sum(row.counts[code] for row in rows) for code in CROSS_BORDER_COUNTRIES}
    return {
        "start": start,
        "end": end,
        "countries": [{"area": c, "total": totals[c.code]} for c in countries],
        "rows": [
            {"day": row.day, "counts": [row.counts[code] for code in CROSS_BORDER_COUNTRIES]}
            for row in rows
        ],
        "totals": [totals[code] for code in CROSS_BORDER_COUNTRIES],
        "chart": chart,
    }
