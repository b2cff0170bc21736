"""The public air-quality pages: station map, station page, province page."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from opengov.airquality import selectors
from opengov.airquality.views.charts import chart_build
from opengov.airquality.views.common import (
    HOURLY,
    PM25,
    STANDARD_PM25_24H,
    AsOf,
    StationRow,
    as_of_parse,
    band_legend,
    is_thai,
    newest_observed,
    province_names,
    rows_grouped,
    rows_sorted,
    station_name,
    station_rows,
)
from opengov.core.thai_dates import ICT
from opengov.geo.selectors import area_get

SORTS = ("province", "worst", "name")
WINDOWS = (7, 30)
TREND_DAYS = 30
COUNTRY_OUTLINE = ["country", "THA"]


def _marker_labels() -> dict[str, str]:
    return {
        "no_data": _("No current data"),
        "this_hour": _("PM2.5 this hour (1-hour value)"),
        "official": _("PM2.5 official 24-hour average"),
        "unit": "µg/m³",
        "observed": _("Measured"),
        "aqi": _("AQI"),
        "age": _("Last reading %(hours)s hours ago"),
        "age_days": _("Last reading %(days)s days ago"),
        "details": _("Station details"),
    }


def _map_context(rows: list[StationRow], as_of: AsOf, outline_codes: list[str]) -> dict[str, Any]:
    labels = _marker_labels()
    newest = newest_observed(rows)
    current = sum(1 for r in rows if r.current)
    return {
        "as_of": as_of,
        "legend": band_legend(),
        "is_thai": is_thai(),
        "current_count": current,
        "stale_count": len(rows) - current,
        "newest": newest,
        "all_stale": bool(rows) and current == 0,
        "map_data": {
            "labels": labels,
            "markers": [r.marker(labels) for r in rows if r.station.lat is not None],
            "outlines": [COUNTRY_OUTLINE, *(["province", code] for code in outline_codes)],
        },
    }


def station_map(request: HttpRequest) -> HttpResponse:
    as_of = as_of_parse(request)
    province = request.GET.get("province", "").strip() or None
    rows = station_rows(selectors.stations_now(province_code=province, now=as_of.moment))
    order = request.GET.get("sort", "province")
    if order not in SORTS:
        order = "province"
    codes = sorted({r.province_code for r in rows if r.province_code})
    context = _map_context(rows, as_of, codes)
    context.update(
        {
            "rows": rows_sorted(rows, order),
            "groups": rows_grouped(rows) if order == "province" else None,
            "order": order,
            "sorts": [
                ("province", _("by province")),
                ("worst", _("worst first")),
                ("name", _("by name")),
            ],
            "province": province,
            "province_name": province_names([province]).get(province, "") if province else "",
        }
    )
    return render(request, "airquality/map.html", context)


def _window_end(as_of: AsOf, now_row: Any, station_ids: list[int]) -> tuple[datetime, bool]:
    """Where the charts end: the asked time, now when data is current, else the newest hour."""
    if as_of.asked:
        return as_of.moment, False
    if now_row is not None and not now_row.is_stale:
        return as_of.moment, False
    newest = selectors.readings_newest_hourly_end(station_ids=station_ids)
    if newest is None:
        return as_of.moment, False
    return newest, True


def station_detail(request: HttpRequest, source: str, source_id: str) -> HttpResponse:
    station = selectors.station_get(source=source, source_id=source_id)
    if station is None:
        raise Http404(_("No such station."))
    as_of = as_of_parse(request)
    now_rows = selectors.stations_now(province_code=station.province_code or None, now=as_of.moment)
    matching = [r for r in now_rows if r.station.pk == station.pk]
    row = station_rows(matching)[0] if matching else None
    days = 30 if request.GET.get("days") == "30" else 7
    end, ended_early = _window_end(as_of, row.now if row else None, [station.pk])
    hourly_start = end - timedelta(days=days)
    trend_start = end - timedelta(days=TREND_DAYS)
    hourly = selectors.readings_series(
        station=station,
        parameter=PM25,
        start=hourly_start,
        end=end,
        interval="hour",
        averaging=HOURLY,
    )
    daily = selectors.readings_series(
        station=station, parameter=PM25, start=trend_start, end=end, interval="day"
    )
    over = selectors.station_days_over_standard(
        station=station,
        parameter=PM25,
        start=trend_start.astimezone(ICT).date(),
        end=end.astimezone(ICT).date(),
    )
    language = "th" if is_thai() else "en"
    context = {
        "station": station,
        "name": station_name(station),
        "row": row,
        "as_of": as_of,
        "legend": band_legend(),
        "is_thai": is_thai(),
        "days": days,
        "windows": WINDOWS,
        "end": end,
        "ended_early": ended_early,
        "hourly_start": hourly_start,
        "trend_start": trend_start,
        "hourly_chart": chart_build(
            hourly,
            start=hourly_start,
            end=end,
            kind="line",
            language=language,
            standard=STANDARD_PM25_24H,
        ),
        "daily_chart": chart_build(
            daily,
            start=trend_start,
            end=end,
            kind="bars",
            language=language,
            standard=STANDARD_PM25_24H,
        ),
        "over_days": over,
        "standard": STANDARD_PM25_24H,
        "csv_url": (
            f"/api/v1/airquality/stations/{station.source}/{station.source_id}/readings.csv?"
            + urlencode(
                {
                    "param": PM25,
                    "from": hourly_start.isoformat(),
                    "to": end.isoformat(),
                    "interval": "hour",
                    "averaging": HOURLY,
                }
            )
        ),
        "map_data": {
            "labels": _marker_labels(),
            "markers": [row.marker(_marker_labels())] if row and station.lat is not None else [],
            "outlines": [COUNTRY_OUTLINE]
            + ([["province", station.province_code]] if station.province_code else []),
        },
        "province_name": province_names([station.province_code]).get(station.province_code, ""),
    }
    return render(request, "airquality/station.html", context)


def province_detail(request: HttpRequest, code: str) -> HttpResponse:
    area = area_get(level="province", code=code)
    if area is None:
        raise Http404(_("No such province."))
    as_of = as_of_parse(request)
    summary = selectors.province_summary(province_code=code, now=as_of.moment)
    rows = rows_sorted(station_rows(summary.stations), "worst")
    current = [r for r in rows if r.current]
    worst = current[0] if current else None
    station_ids = [r.station.pk for r in rows]
    end, ended_early = _window_end(as_of, worst.now if worst else None, station_ids)
    start = end - timedelta(days=TREND_DAYS)
    daily = selectors.province_daily_series(
        province_code=code,
        parameter=PM25,
        start=start.astimezone(ICT).date(),
        end=end.astimezone(ICT).date(),
    )
    language = "th" if is_thai() else "en"
    context = _map_context(rows, as_of, [code])
    context.update(
        {
            "area": area,
            "area_name": (area.name_th if is_thai() else area.name_en) or area.name_th,
            "rows": rows,
            "worst": worst,
            "end": end,
            "start": start,
            "ended_early": ended_early,
            "standard": STANDARD_PM25_24H,
            "daily_chart": chart_build(
                daily,
                start=start,
                end=end,
                kind="bars",
                language=language,
                standard=STANDARD_PM25_24H,
            ),
        }
    )
    return render(request, "airquality/province.html", context)
