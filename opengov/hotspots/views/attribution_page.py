"""``/hotspots/upwind/``: the upwind smoke-transport risk index at an air-quality station for
one hour — rings, split by country and land-use class, and the contributing detections. A
transport-risk indicator, never a source apportionment (the page says so first)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Final

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from opengov.airquality.selectors import stations_list
from opengov.core.thai_dates import ICT
from opengov.hotspots.attribution import LABEL_EN, LABEL_TH, RingTotals
from opengov.hotspots.selectors import FilterError
from opengov.hotspots.selectors_analysis import StationNotFound, station_upwind_risk
from opengov.hotspots.views.common import (
    error_page,
    filter_choices,
    is_thai,
    land_use_labels,
    source_info,
)
from opengov.hotspots.views.filters import confidence_parse, moment_parse, series_parse

TEMPLATE: Final = "hotspots/upwind.html"
DEFAULT_STATION: Final = "air4thai:35t"
CONTRIBUTIONS_SHOWN: Final = 50


def _station_choices() -> list[tuple[str, str]]:
    thai = is_thai()
    return [
        (
            f"{s.source}:{s.source_id}",
            f"{s.source_id} — {(s.name_th if thai else s.name_en) or s.name_th or s.source_id}",
        )
        for s in stations_list().exclude(lat=None)
    ]


def _split_rows(split: dict[str, tuple[RingTotals, ...]], labels: dict[str, str]) -> list[Any]:
    return sorted(
        ((labels.get(key, key), rings) for key, rings in split.items()),
        key=lambda row: -row[1][-1].score,
    )


def upwind_risk(request: HttpRequest) -> HttpResponse:
    query = request.GET
    station = query.get("station", "").strip() or DEFAULT_STATION
    context: dict[str, Any] = {
        "station": station,
        "at_value": query.get("at", ""),
        "station_choices": _station_choices(),
        "label_th": LABEL_TH,
        "label_en": LABEL_EN,
        **filter_choices(query.get("series") or "VIIRS_SNPP", query.get("confidence") or "default"),
    }
    try:
        series, confidence = series_parse(query), confidence_parse(query)
        if confidence not in ("default", "all"):
            raise FilterError("confidence", "use default or all", "ใช้ได้เฉพาะ default หรือ all")
        moment = moment_parse(query, "at") or timezone.now()
        hour_end = moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
        source, _, source_id = station.partition(":")
        result = station_upwind_risk(
            source=source,
            source_id=source_id,
            hour_end=hour_end,
            series=series,
            confidence_filter=confidence == "default",
        )
    except StationNotFound:
        error = FilterError(
            "station",
            f"no station {station} with coordinates",
            f"ไม่พบสถานี {station} ที่มีพิกัด",
        )
        return error_page(request, TEMPLATE, error, context)
    except FilterError as error:
        return error_page(request, TEMPLATE, error, context)
    countries = {code: code for code in result.by_country}
    context.update(
        {
            "result": result,
            "hour_end": hour_end,
            "hour_end_local": hour_end.astimezone(ICT),
            "at_value": hour_end.astimezone(ICT).strftime("%Y-%m-%dT%H:%M"),
            "by_country": _split_rows(dict(result.by_country), countries),
            "by_land_use": _split_rows(dict(result.by_land_use), land_use_labels()),
            "contributions": sorted(result.contributions, key=lambda c: -c.contribution)[
                :CONTRIBUTIONS_SHOWN
            ],
            "more_contributions": max(len(result.contributions) - CONTRIBUTIONS_SHOWN, 0),
            "source": source_info(series, confidence, timezone.now()),
            "now": datetime.now(UTC),
        }
    )
    return render(request, TEMPLATE, context)
