"""``/hotspots/``: the detection map (drawn by the browser from the API) over a server-rendered
summary of the same window by country and by Thai province."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from opengov.core.thai_dates import ICT
from opengov.geo.models import LandUseClass
from opengov.hotspots.selectors import (
    DetectionFilter,
    FilterError,
    daily_counts,
    detections_filter,
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
from opengov.hotspots.views.filters import (
    WINDOW_HOURS,
    Window,
    confidence_parse,
    query_with,
    series_parse,
    window_parse,
)

TEMPLATE: Final = "hotspots/map.html"
MAP_LIMIT: Final = 5000
API_URL: Final = "/api/v1/hotspots/detections"
# FRP classes (MW): VIIRS median ≈ 3, MODIS median ≈ 20, p95 up to ≈ 200 (spec §4.6).
FRP_BREAKS: Final = (5, 15, 50, 150)
FRP_COLOURS: Final = ("#fed976", "#fd8d3c", "#e31a1c", "#a50f15", "#4a0008")
LAND_USE_COLOURS: Final[dict[str, str]] = {
    LandUseClass.CONSERVATION_FOREST: "#1b7837",
    LandUseClass.RESERVED_FOREST: "#7fbc41",
    LandUseClass.ALRO: "#8c510a",
    LandUseClass.AGRICULTURE: "#f1b6da",
    LandUseClass.COMMUNITY_OTHER: "#762a83",
    LandUseClass.HIGHWAY_CORRIDOR: "#2166ac",
    LandUseClass.UNKNOWN: "#9aa4ae",
}


@dataclass(frozen=True)
class CountRow:
    area: AreaName
    count: int
    frp_sum: float


def _window_choices() -> list[tuple[str, str]]:
    return [
        ("24h", _("Last 24 hours")),
        ("48h", _("Last 48 hours")),
        ("7d", _("Last 7 days")),
        ("custom", _("Choose dates")),
    ]


def _frp_legend() -> list[dict[str, str]]:
    edges = (0, *FRP_BREAKS)
    items = []
    for index, colour in enumerate(FRP_COLOURS):
        low = edges[index]
        label = (
            _("%(low)s–%(high)s MW") % {"low": low, "high": FRP_BREAKS[index]}
            if index < len(FRP_BREAKS)
            else _("%(low)s MW or more") % {"low": low}
        )
        items.append({"colour": colour, "label": label, "size": str(6 + 2 * index)})
    return items


def _map_labels() -> dict[str, str]:
    return {
        "acquired": _("Acquired (Thai time)"),
        "satellite": _("Satellite"),
        "frp": _("Fire radiative power"),
        "confidence": _("Confidence"),
        "daynight": _("Day or night"),
        "day": _("Day"),
        "night": _("Night"),
        "land_use": _("Land use"),
        "place": _("Area code (country / province / district)"),
        "risk_place": _("Nearest risk place"),
        "loading": _("Loading detections…"),
        "failed": _("The map could not load the detections; the tables below list the counts."),
        "shown": _("%(count)s detections on the map."),
        "truncated": _(
            "The map shows only the newest %(count)s detections of this window; "
            "the tables below count them all."
        ),
        "none": _("No detection in this window."),
    }


def _newest_link(window: Window, base: dict[str, str], newest: datetime | None) -> str:
    if newest is None:
        return ""
    end = (newest + timedelta(minutes=1)).replace(second=0, microsecond=0).astimezone(ICT)
    kind = window.kind if window.kind in WINDOW_HOURS else "7d"
    return query_with(base, window=kind, start="", end=end.isoformat(timespec="minutes"))


def _count_rows(
    rows: list[dict[str, object]], key: str, names: dict[str, AreaName]
) -> list[CountRow]:
    found = [
        CountRow(
            area_name(names, str(row[key])), int(str(row["count"])), float(str(row["frp_sum"]))
        )
        for row in rows
        if row[key]
    ]
    return sorted(found, key=lambda r: (-r.count, r.area.name))


def hotspot_map(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    query = request.GET
    base = {k: query.get(k, "") for k in ("window", "start", "end", "series", "confidence")}
    context: dict[str, Any] = {
        "window_choices": _window_choices(),
        "window_kind": base["window"] or "24h",
        "start_value": base["start"],
        "end_value": base["end"],
        **filter_choices(base["series"] or "VIIRS_SNPP", base["confidence"] or "default"),
    }
    try:
        series, confidence = series_parse(query), confidence_parse(query)
        window = window_parse(query, now)
        context.update(_window_context(window, series, confidence, base, now))
    except FilterError as error:
        return error_page(request, TEMPLATE, error, context)
    return render(request, TEMPLATE, context)


def _window_context(
    window: Window, series: str, confidence: str, base: dict[str, str], now: datetime
) -> dict[str, Any]:
    spec = DetectionFilter(start=window.start, end=window.end, series=series, confidence=confidence)
    in_window = detections_filter(spec).count()

    def counts(group: str, country: str = "") -> list[dict[str, object]]:
        return daily_counts(
            start_day=window.first_day,
            end_day=window.last_day,
            group_by=(group,),
            series=series,
            confidence=confidence,
            country=country,
        )

    by_country = counts("country")
    by_province = counts("province", country="THA")
    by_class = counts("land_use_class")
    info = source_info(series, confidence, now)
    countries = _count_rows(by_country, "country", area_names("country"))
    provinces = _count_rows(by_province, "province", area_names("province"))
    thai_total = sum(r.count for r in countries if r.area.code == "THA")
    classes = {str(r["land_use_class"]) for r in by_class if r["count"]}
    return {
        "window": window,
        "window_kind": window.kind,
        "start_value": window.start_day_value if window.kind == "custom" else "",
        "end_value": window.end_day_value if window.kind == "custom" else base["end"],
        "series": series,
        "confidence": confidence,
        "source": info,
        "in_window": in_window,
        "newest_link": _newest_link(window, base, info.newest_series) if not in_window else "",
        "countries": countries,
        "country_total": sum(r.count for r in countries),
        "outside_countries": sum(int(str(r["count"])) for r in by_country if not r["country"]),
        "provinces": provinces,
        "province_total": sum(r.count for r in provinces),
        "thai_without_province": thai_total - sum(r.count for r in provinces),
        "only_unknown_land_use": classes == {LandUseClass.UNKNOWN.value},
        "frp_legend": _frp_legend(),
        "land_use_legend": [
            {"colour": LAND_USE_COLOURS[key], "label": label}
            for key, label in land_use_labels().items()
        ],
        "is_thai": is_thai(),
        "map_data": {
            "url": API_URL,
            "params": {
                "format": "geojson",
                "start": window.start.astimezone(UTC).isoformat().replace("+00:00", "Z"),
                "end": window.end.astimezone(UTC).isoformat().replace("+00:00", "Z"),
                "series": series,
                "confidence": confidence,
                "limit": str(MAP_LIMIT),
            },
            "language": "th" if is_thai() else "en",
            "labels": _map_labels(),
            "landUse": {
                key: {"label": label, "colour": LAND_USE_COLOURS[key]}
                for key, label in land_use_labels().items()
            },
            "frpBreaks": list(FRP_BREAKS),
            "frpColours": list(FRP_COLOURS),
        },
    }
