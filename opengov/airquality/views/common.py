"""Shared helpers of the air-quality pages: the "as of" time, station rows, band lookup."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from opengov.airquality.aqi import Band, aqi_display, band
from opengov.airquality.models import Station
from opengov.airquality.selectors import StationNow
from opengov.core.thai_dates import ICT, format_date
from opengov.geo.selectors import area_get

PM25 = "PM25"
HOURLY = "1h"
STANDARD_PM25_24H = 37.5
"""Thai 24-hour PM2.5 standard (µg/m³), in force since 1 June 2023."""
BAND_NUMBERS = (1, 2, 3, 4, 5)


def is_thai() -> bool:
    return (get_language() or "th").startswith("th")


def date_text(value: datetime | None) -> str:
    return format_date(value, language=get_language() or "th") if value else ""


@dataclass(frozen=True)
class AsOf:
    """The moment a page shows: now, or the ``?at=`` time asked for (a view of the past)."""

    moment: datetime
    asked: bool
    invalid: str

    @property
    def query(self) -> str:
        return f"at={self.moment.isoformat()}" if self.asked else ""


def as_of_parse(request: HttpRequest) -> AsOf:
    raw = request.GET.get("at", "").strip()
    if not raw:
        return AsOf(timezone.now(), False, "")
    try:
        moment = datetime.fromisoformat(raw.replace(" ", "+"))
    except ValueError:
        return AsOf(timezone.now(), False, raw)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=ICT)
    return AsOf(moment, True, "")


def band_of(row: StationNow | None) -> Band | None:
    if row is None or row.is_stale or not row.band_number or row.aqi is None:
        return None
    return band(int(row.aqi))


def band_name(value: Band | None) -> str:
    if value is None:
        return ""
    return value.name_th if is_thai() else value.name_en


def station_name(station: Station) -> str:
    if is_thai():
        return station.name_th_display or station.name_en_display or station.source_id
    return station.name_en_display or station.name_th_display or station.source_id


def station_area(station: Station) -> str:
    if is_thai():
        return station.area_th_display or station.area_en_display
    return station.area_en_display or station.area_th_display


def province_names(codes: Iterable[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for code in sorted(set(codes)):
        if not code:
            continue
        area = area_get(level="province", code=code)
        if area is not None:
            names[code] = (area.name_th if is_thai() else area.name_en) or area.name_th
    return names


def station_url(station: Station) -> str:
    return reverse(
        "airquality:station",
        kwargs={"source": station.source, "source_id": station.source_id},
    )


def number(value: Decimal | float | None) -> str:
    if value is None:
        return ""
    return f"{float(value):.1f}" if float(value) % 1 else f"{float(value):.0f}"


@dataclass(frozen=True)
class StationRow:
    """One station as the map, the tables and the popups show it."""

    now: StationNow
    band: Band | None
    name: str
    area: str
    province_code: str
    province_name: str
    url: str

    @property
    def station(self) -> Station:
        return self.now.station

    @property
    def current(self) -> bool:
        return self.band is not None

    @property
    def band_number(self) -> int:
        return self.band.number if self.band else 0

    @property
    def band_name(self) -> str:
        return band_name(self.band)

    @property
    def aqi_text(self) -> str:
        if self.band is None or self.now.aqi is None:
            return "–"
        return aqi_display(int(self.now.aqi))

    @property
    def age_hours(self) -> int | None:
        age = self.now.age_hours
        return None if age is None else int(age)

    @property
    def age_days(self) -> int | None:
        """Whole days since the last reading when it is two days old or more (else ``None``)."""
        hours = self.age_hours
        return hours // 24 if hours is not None and hours >= 48 else None

    def marker(self, labels: dict[str, str]) -> dict[str, Any]:
        """The JSON the map script draws (texts already translated; no HTML)."""
        station = self.station
        return {
            "lat": station.lat,
            "lon": station.lon,
            "name": self.name,
            "area": self.area,
            "url": self.url,
            "band": self.band_number,
            "bandName": self.band_name or labels["no_data"],
            "aqi": self.aqi_text,
            "pm25_1h": number(self.now.pm25_1h) if self.current else "",
            "pm25_24h": number(self.now.pm25_24h) if self.current else "",
            "observed": date_text(self.now.observed_at),
            "stale": not self.current,
            "age": self.age_hours,
            "ageDays": self.age_days,
        }


def station_rows(now_rows: Sequence[StationNow]) -> list[StationRow]:
    names = province_names(r.station.province_code for r in now_rows)
    return [
        StationRow(
            now=row,
            band=band_of(row),
            name=station_name(row.station),
            area=station_area(row.station),
            province_code=row.station.province_code,
            province_name=names.get(row.station.province_code, ""),
            url=station_url(row.station),
        )
        for row in now_rows
    ]


def rows_sorted(rows: list[StationRow], order: str) -> list[StationRow]:
    if order == "worst":
        return sorted(
            rows,
            key=lambda r: (not r.current, -(r.now.aqi or 0), r.name),
        )
    if order == "name":
        return sorted(rows, key=lambda r: r.name)
    return sorted(rows, key=lambda r: (r.province_name or "~", r.name))


def rows_grouped(rows: list[StationRow]) -> list[tuple[str, list[StationRow]]]:
    groups: dict[str, list[StationRow]] = {}
    for row in rows_sorted(rows, "province"):
        groups.setdefault(row.province_code, []).append(row)
    return [(group[0].province_name, group) for group in groups.values()]


def newest_observed(rows: Sequence[StationRow]) -> datetime | None:
    return max((r.now.observed_at for r in rows if r.now.observed_at), default=None)


def band_legend() -> list[Band]:
    thresholds = (0, 26, 51, 101, 201)
    return [band(value) for value in thresholds]
