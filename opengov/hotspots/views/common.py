"""Shared pieces of the hotspot pages: labels, area names, source and freshness, error pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from opengov.geo.geojson_layers import COUNTRY_NAMES_TH
from opengov.geo.models import LandUseClass
from opengov.geo.selectors import areas_list
from opengov.hotspots import firms_notice
from opengov.hotspots.selectors import (
    SERIES,
    DetectionFilter,
    FilterError,
    detections_filter,
    latest_detection_at,
)


def is_thai() -> bool:
    return (get_language() or "th").startswith("th")


def series_labels() -> dict[str, str]:
    return {
        "VIIRS_SNPP": _("VIIRS Suomi NPP (375 m)"),
        "VIIRS_NOAA20": _("VIIRS NOAA-20 (375 m)"),
        "VIIRS_NOAA21": _("VIIRS NOAA-21 (375 m)"),
        "MODIS": _("MODIS Terra and Aqua (1 km)"),
    }


def confidence_labels() -> dict[str, str]:
    return {
        "default": _("Default filter: VIIRS nominal or high, MODIS 30 or more, archive type 0"),
        "all": _("All detections (low confidence included)"),
    }


def land_use_labels() -> dict[str, str]:
    return {str(value): str(label) for value, label in LandUseClass.choices}


@dataclass(frozen=True)
class AreaName:
    code: str
    name: str  # in the page language
    other: str  # in the other language (may be empty)


def area_names(level: str) -> dict[str, AreaName]:
    """Names of every loaded area of ``level`` by code, page language first."""
    thai = is_thai()
    names: dict[str, AreaName] = {}
    for area in areas_list(level=level):
        name_th = area.name_th or COUNTRY_NAMES_TH.get(area.code, "")
        name_en = area.name_en or area.code
        first, second = (name_th, name_en) if thai else (name_en, name_th)
        names[area.code] = AreaName(area.code, first or second or area.code, second)
    return names


def area_name(names: dict[str, AreaName], code: str) -> AreaName:
    if code in names:
        return names[code]
    fallback = COUNTRY_NAMES_TH.get(code, code) if is_thai() else code
    return AreaName(code, fallback or _("Outside every country"), "")


def newest_in_series(series: str, confidence: str) -> datetime | None:
    """Acquisition time of the newest detection of one series under one confidence filter."""
    newest = (
        detections_filter(DetectionFilter(series=series, confidence=confidence))
        .values_list("acquired_at", flat=True)
        .first()
    )
    return newest


@dataclass(frozen=True)
class SourceInfo:
    """What every hotspot page says about its numbers: source, method, time and freshness."""

    series: str
    series_label: str
    confidence: str
    confidence_label: str
    now: datetime
    newest_any: datetime | None
    newest_series: datetime | None

    @property
    def age_days(self) -> int | None:
        if self.newest_series is None:
            return None
        return max(0, (self.now - self.newest_series).days)


def source_info(series: str, confidence: str, now: datetime) -> SourceInfo:
    return SourceInfo(
        series=series,
        series_label=series_labels()[series],
        confidence=confidence,
        confidence_label=confidence_labels()[confidence],
        now=now,
        newest_any=latest_detection_at(),
        newest_series=newest_in_series(series, confidence),
    )


def firms_notice_context() -> dict[str, str]:
    """The FIRMS acknowledgement and disclaimer, the same words as the API and the exports."""
    thai = is_thai()
    return {
        "firms_ack_en": firms_notice.FIRMS_ACKNOWLEDGEMENT,
        "firms_ack_th": firms_notice.FIRMS_ACKNOWLEDGEMENT_TH if thai else "",
        "firms_disclaimer": (
            firms_notice.FIRMS_DISCLAIMER_TH if thai else firms_notice.FIRMS_DISCLAIMER
        ),
    }


def filter_choices(series: str, confidence: str) -> dict[str, Any]:
    return {
        **firms_notice_context(),
        "series_choices": [(key, series_labels()[key]) for key in SERIES],
        "confidence_choices": list(confidence_labels().items()),
        "series": series,
        "confidence": confidence,
    }


def error_page(
    request: HttpRequest, template: str, error: FilterError, context: dict[str, Any]
) -> HttpResponse:
    """The page with its form and the bilingual message, status 400 (never a server error)."""
    context = {**context, "filter_error": error, "is_thai": is_thai()}
    return render(request, template, context, status=400)
