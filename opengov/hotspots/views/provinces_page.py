"""``/hotspots/provinces/``: detections per Thai province today, over 7 days, season to date
(split by land-use class) and in the same period of the last season; also as CSV."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opengov.core.thai_dates import ict_day
from opengov.geo.models import LandUseClass
from opengov.hotspots import firms_notice
from opengov.hotspots.selectors import (
    FilterError,
    ProvinceRow,
    ProvinceTable,
    province_table,
)
from opengov.hotspots.views.common import (
    AreaName,
    area_name,
    area_names,
    error_page,
    filter_choices,
    is_thai,
    land_use_labels,
    source_info,
)
from opengov.hotspots.views.filters import confidence_parse, day_parse, query_with, series_parse

TEMPLATE: Final = "hotspots/provinces.html"
SORT_KEYS: Final[dict[str, str]] = {
    "name": "",
    "today": "today",
    "week": "last_7_days",
    "season": "season_to_date",
    "last": "last_season_same_period",
}


@dataclass(frozen=True)
class TableRow:
    area: AreaName
    counts: ProvinceRow
    by_class: list[tuple[str, int]]  # (land-use label, season-to-date count)

    @property
    def change(self) -> int:
        return self.counts.season_to_date - self.counts.last_season_same_period


def _sort_labels() -> dict[str, str]:
    return {
        "name": _("Province"),
        "today": _("Today"),
        "week": _("Last 7 days"),
        "season": _("Season to date"),
        "last": _("Same period last season"),
    }


def _classes(table: ProvinceTable) -> list[tuple[str, str]]:
    labels = land_use_labels()
    return [
        (key, labels[key]) for key in LandUseClass.values if key in table.totals.season_by_class
    ]


def _sorted(rows: list[TableRow], order: str) -> list[TableRow]:
    if order == "name":
        return sorted(rows, key=lambda r: r.area.name)
    if order == "season":
        return rows  # the selector's order: season to date, then the last 7 days
    attribute = SORT_KEYS[order]
    return sorted(rows, key=lambda r: (-int(getattr(r.counts, attribute)), r.area.name))


def _parse(request: HttpRequest) -> tuple[str, str, date, bool, str]:
    query = request.GET
    series, confidence = series_parse(query), confidence_parse(query)
    asked = day_parse(query, "today")
    order = query.get("sort", "").strip() or "season"
    if order not in SORT_KEYS:
        raise FilterError(
            "sort",
            f"unknown sort {order!r}; use {', '.join(SORT_KEYS)}",
            f"ไม่รู้จักการเรียงลำดับ {order!r} ใช้ได้: {', '.join(SORT_KEYS)}",
        )
    return series, confidence, asked or ict_day(timezone.now()), asked is not None, order


def _table(series: str, confidence: str, today: date) -> tuple[ProvinceTable, list[TableRow]]:
    table = province_table(today=today, series=series, confidence=confidence)
    names = area_names("province")
    classes = _classes(table)
    rows = [
        TableRow(
            area_name(names, row.province_code),
            row,
            [(label, row.season_by_class.get(key, 0)) for key, label in classes],
        )
        for row in table.rows
    ]
    return table, rows


def province_list(request: HttpRequest) -> HttpResponse:
    query = request.GET
    base = {k: query.get(k, "") for k in ("today", "series", "confidence", "sort")}
    context: dict[str, Any] = {
        "today_value": base["today"],
        **filter_choices(base["series"] or "VIIRS_SNPP", base["confidence"] or "default"),
    }
    try:
        series, confidence, today, asked, order = _parse(request)
        table, rows = _table(series, confidence, today)
    except FilterError as error:
        return error_page(request, TEMPLATE, error, context)
    info = source_info(series, confidence, timezone.now())
    newest_day = ict_day(info.newest_series) if info.newest_series else None
    context.update(
        {
            "table": table,
            "rows": _sorted(rows, order),
            "classes": _classes(table),
            "totals_by_class": [
                (label, table.totals.season_by_class[key]) for key, label in _classes(table)
            ],
            "only_unknown_land_use": set(table.totals.season_by_class) == {"unknown"},
            "today": today,
            "today_value": today.isoformat(),
            "today_asked": asked,
            "order": order,
            "sort_headers": [
                (key, label, query_with(base, sort=key)) for key, label in _sort_labels().items()
            ],
            "csv_link": reverse("hotspots:provinces_csv") + query_with(base, sort=""),
            "newest_day": newest_day,
            "newest_link": (
                query_with(base, today=newest_day.isoformat())
                if newest_day and newest_day != today
                else ""
            ),
            "series": series,
            "confidence": confidence,
            "source": info,
            "is_thai": is_thai(),
        }
    )
    return render(request, TEMPLATE, context)


def province_list_csv(request: HttpRequest) -> HttpResponse:
    try:
        series, confidence, today, _asked, _order = _parse(request)
        table, rows = _table(series, confidence, today)
    except FilterError as error:
        return HttpResponse(
            f"{error.field}: {error.message_th} / {error.message_en}\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="hotspots-provinces-{series}-{confidence}-{today}.csv"'
    )
    writer = csv.writer(response)
    class_keys = [key for key, _label in _classes(table)]
    writer.writerow(
        [
            "province_code",
            "name_th" if is_thai() else "name_en",
            "today",
            "last_7_days",
            "season_to_date",
            "last_season_same_period",
            *(f"season_{key}" for key in class_keys),
        ]
    )
    for row in rows:
        counts = row.counts
        writer.writerow(
            [
                counts.province_code,
                row.area.name,
                counts.today,
                counts.last_7_days,
                counts.season_to_date,
                counts.last_season_same_period,
                *(value for _label, value in row.by_class),
            ]
        )
    writer.writerow(
        [
            "",
            _("Total"),
            table.totals.today,
            table.totals.last_7_days,
            table.totals.season_to_date,
            table.totals.last_season_same_period,
            *(table.totals.season_by_class[key] for key in class_keys),
        ]
    )
    writer.writerow(
        [f"# {_('Day (Thai time)')}: {today}; series {series}; confidence {confidence}"]
    )
    writer.writerow([f"# {firms_notice.FIRMS_ACKNOWLEDGEMENT}"])
    writer.writerow([f"# {firms_notice.FIRMS_DISCLAIMER}"])
    return response
