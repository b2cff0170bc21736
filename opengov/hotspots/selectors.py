"""Read side of the hotspots app: detections with filters, daily counts, the province table and
the cross-border panel.

Counts never mix sensors: every count is for one *series* (:data:`SERIES`) — one VIIRS
satellite (GISTDA's daily figures are VIIRS S-NPP, the default) or the MODIS product (Terra and
Aqua together). Days are Thai-time (ICT) days. The default confidence filter (VIIRS nominal or
high, MODIS ≥ 30, archive type 0) applies unless ``confidence="all"``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Final

from django.conf import settings
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from opengov.hotspots.models import DailyCount, Detection

DEFAULT_SERIES: Final = "VIIRS_SNPP"
SERIES: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "VIIRS_SNPP": ("VIIRS", ("SNPP",)),
    "VIIRS_NOAA20": ("VIIRS", ("NOAA20",)),
    "VIIRS_NOAA21": ("VIIRS", ("NOAA21",)),
    "MODIS": ("MODIS", ("Terra", "Aqua")),
}
CONFIDENCE_CHOICES: Final = ("default", "all", "l", "n", "h")
CROSS_BORDER_COUNTRIES: Final = ("THA", "MMR", "LAO", "KHM", "VNM")
GROUP_FIELDS: Final[dict[str, str]] = {
    "day": "day",
    "country": "country_code",
    "province": "province_code",
    "land_use_class": "land_use_class",
    "satellite": "satellite",
}


class FilterError(ValueError):
    """A filter value is not allowed; ``field`` names it (rendered bilingually at the edges)."""

    def __init__(self, field_name: str, message_en: str, message_th: str) -> None:
        super().__init__(f"{field_name}: {message_en}")
        self.field = field_name
        self.message_en = message_en
        self.message_th = message_th


def series_check(series: str) -> tuple[str, tuple[str, ...]]:
    if series not in SERIES:
        raise FilterError(
            "series",
            f"unknown series {series!r}; use one of {', '.join(SERIES)}",
            f"ไม่รู้จักชุดข้อมูล {series!r} ใช้ได้: {', '.join(SERIES)}",
        )
    return SERIES[series]


def _confidence_q(confidence: str) -> Q:
    if confidence == "default":
        return Q(confident=True)
    if confidence == "all":
        return Q()
    if confidence in ("l", "n", "h"):
        return Q(confidence_class=confidence)
    raise FilterError(
        "confidence",
        f"unknown confidence {confidence!r}; use default, all, l, n or h",
        f"ไม่รู้จักระดับความเชื่อมั่น {confidence!r} ใช้ได้: default, all, l, n, h",
    )


@dataclass(frozen=True)
class DetectionFilter:
    """Filters of the detection list and exports (all optional)."""

    start: datetime | None = None
    end: datetime | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    country: str = ""
    province: str = ""
    district: str = ""
    land_use_class: str = ""
    confidence: str = "default"
    series: str = ""  # empty: every series (each row says its satellite)


def detections_filter(spec: DetectionFilter) -> QuerySet[Detection]:
    """Detections matching ``spec``, newest first (raises :class:`FilterError`)."""
    rows = Detection.objects.filter(_confidence_q(spec.confidence))
    if spec.series:
        instrument, satellites = series_check(spec.series)
        rows = rows.filter(instrument=instrument, satellite__in=satellites)
    if spec.start is not None:
        rows = rows.filter(acquired_at__gte=spec.start)
    if spec.end is not None:
        rows = rows.filter(acquired_at__lt=spec.end)
    if spec.bbox is not None:
        west, south, east, north = spec.bbox
        rows = rows.filter(lon__gte=west, lon__lte=east, lat__gte=south, lat__lte=north)
    for name in ("country", "province", "district", "land_use_class"):
        value = getattr(spec, name)
        if value:
            column = name if name == "land_use_class" else f"{name}_code"
            rows = rows.filter(**{column: value})
    return rows.order_by("-acquired_at", "id")


def latest_detection_at() -> datetime | None:
    """Acquisition time of the newest stored detection (freshness of the whole layer)."""
    latest: datetime | None = Detection.objects.aggregate(latest=Max("acquired_at"))["latest"]
    return latest


def daily_counts(
    *,
    start_day: date,
    end_day: date,
    group_by: Sequence[str] = ("day",),
    series: str = DEFAULT_SERIES,
    confidence: str = "default",
    country: str = "",
    province: str = "",
) -> list[dict[str, object]]:
    """Count and total FRP per group over Thai-time days ``start_day``…``end_day`` (inclusive).
    ``group_by`` ⊆ day, country, province, land_use_class, satellite, district; with district the
    figures come from the detections (same rules)."""
    instrument, satellites = series_check(series)
    if confidence not in ("default", "all"):
        raise FilterError(
            "confidence",
            "aggregates take default or all",
            "ตัวเลขสรุปใช้ได้เฉพาะ default หรือ all",
        )
    unknown = [g for g in group_by if g not in (*GROUP_FIELDS, "district")]
    if unknown:
        raise FilterError(
            "group_by",
            f"cannot group by {', '.join(unknown)}",
            f"จัดกลุ่มตาม {', '.join(unknown)} ไม่ได้",
        )
    if "district" in group_by:
        return _district_counts(
            start_day, end_day, group_by, instrument, satellites, confidence, country, province
        )
    rows = DailyCount.objects.filter(
        day__gte=start_day, day__lte=end_day, instrument=instrument, satellite__in=satellites
    )
    if confidence == "default":
        rows = rows.filter(confident=True)
    if country:
        rows = rows.filter(country_code=country)
    if province:
        rows = rows.filter(province_code=province)
    columns = [GROUP_FIELDS[g] for g in group_by]
    totals = {"count": Coalesce(Sum("count"), 0), "frp_sum": Coalesce(Sum("frp_sum"), 0.0)}
    if not columns:
        return [_group_row(rows.aggregate(**totals), (), ())]
    grouped = rows.order_by().values(*columns).annotate(**totals).order_by(*columns)
    return [_group_row(row, group_by, columns) for row in grouped]


def _district_counts(
    start_day: date,
    end_day: date,
    group_by: Sequence[str],
    instrument: str,
    satellites: tuple[str, ...],
    confidence: str,
    country: str,
    province: str,
) -> list[dict[str, object]]:
    rows = Detection.objects.filter(
        acquired_day__gte=start_day,
        acquired_day__lte=end_day,
        instrument=instrument,
        satellite__in=satellites,
    ).filter(_confidence_q(confidence))
    if country:
        rows = rows.filter(country_code=country)
    if province:
        rows = rows.filter(province_code=province)
    fields = {**GROUP_FIELDS, "day": "acquired_day", "district": "district_code"}
    columns = [fields[g] for g in group_by]
    totals = {"count": Count("id"), "frp_sum": Coalesce(Sum("frp"), 0.0)}
    if not columns:
        return [_group_row(rows.aggregate(**totals), (), ())]
    grouped = rows.order_by().values(*columns).annotate(**totals).order_by(*columns)
    return [_group_row(row, group_by, columns) for row in grouped]


def _group_row(
    row: dict[str, object], names: Sequence[str], columns: Sequence[str]
) -> dict[str, object]:
    out: dict[str, object] = {
        name: row[column] for name, column in zip(names, columns, strict=True)
    }
    out["count"] = int(str(row["count"]))
    out["frp_sum"] = round(float(str(row["frp_sum"])), 1)
    return out


@dataclass(frozen=True)
class Season:
    """A burning season: ``start``…``end`` inclusive (Thai-time days)."""

    year: int
    start: date
    end: date


def season_for(day: date) -> Season:
    """The season holding ``day``, or the last one that ended before it. Season window from
    ``HOTSPOTS_SEASON`` (default 1 Jan – 31 May, the GISTDA reporting window)."""
    (start_month, start_day), (end_month, end_day) = settings.HOTSPOTS_SEASON
    year = day.year
    if (day.month, day.day) < (start_month, start_day) and (start_month, start_day) <= (
        end_month,
        end_day,
    ):
        year -= 1
    crosses_new_year = (start_month, start_day) > (end_month, end_day)
    if crosses_new_year and (day.month, day.day) >= (start_month, start_day):
        year += 1
    start = date(year - 1 if crosses_new_year else year, start_month, start_day)
    return Season(year, start, date(year, end_month, end_day))


@dataclass
class ProvinceRow:
    province_code: str
    today: int = 0
    last_7_days: int = 0
    season_to_date: int = 0
    last_season_same_period: int = 0
    season_by_class: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ProvinceTable:
    today: date
    season: Season
    season_until: date
    last_season: tuple[date, date]
    series: str
    confidence: str
    rows: list[ProvinceRow]
    totals: ProvinceRow


def _shift_year(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def province_table(
    *, today: date, series: str = DEFAULT_SERIES, confidence: str = "default"
) -> ProvinceTable:
    """Thai provinces: detections today, in the last 7 days, season to date (by land-use class)
    and in the same period of the previous season. Provinces without detections are left out."""
    season = season_for(today)
    until = min(today, season.end)
    last = (_shift_year(season.start, -1), _shift_year(until, -1))
    instrument, satellites = series_check(series)
    base = DailyCount.objects.filter(
        country_code="THA", instrument=instrument, satellite__in=satellites
    ).exclude(province_code="")
    if confidence == "default":
        base = base.filter(confident=True)
    elif confidence != "all":
        _confidence_q(confidence)  # raises for unknown values
        raise FilterError(
            "confidence", "the table takes default or all", "ตารางใช้ได้เฉพาะ default หรือ all"
        )
    earliest = min(today - timedelta(days=6), season.start, last[0])
    window = Q(day__gte=earliest, day__lte=max(today, until))
    rows: dict[str, ProvinceRow] = {}
    grouped = (
        base.filter(window)
        .order_by()
        .values("province_code", "land_use_class")
        .annotate(
            today=Coalesce(Sum("count", filter=Q(day=today)), 0),
            week=Coalesce(
                Sum("count", filter=Q(day__gt=today - timedelta(days=7), day__lte=today)), 0
            ),
            season=Coalesce(Sum("count", filter=Q(day__gte=season.start, day__lte=until)), 0),
            last=Coalesce(Sum("count", filter=Q(day__gte=last[0], day__lte=last[1])), 0),
        )
    )
    totals = ProvinceRow("")
    for group in grouped:
        code = str(group["province_code"])
        row = rows.setdefault(code, ProvinceRow(code))
        for target in (row, totals):
            target.today += int(group["today"])
            target.last_7_days += int(group["week"])
            target.season_to_date += int(group["season"])
            target.last_season_same_period += int(group["last"])
            if group["season"]:
                name = str(group["land_use_class"])
                target.season_by_class[name] = target.season_by_class.get(name, 0) + int(
                    group["season"]
                )
    ordered = sorted(
        (
            r
            for r in rows.values()
            if r.today or r.last_7_days or r.season_to_date or r.last_season_same_period
        ),
        key=lambda r: (-r.season_to_date, -r.last_7_days, r.province_code),
    )
    return ProvinceTable(today, season, until, last, series, confidence, ordered, totals)


@dataclass(frozen=True)
class CrossBorderDay:
    day: date
    counts: dict[str, int]


def cross_border_daily(
    *,
    start_day: date,
    end_day: date,
    series: str = DEFAULT_SERIES,
    confidence: str = "default",
    countries: Sequence[str] = CROSS_BORDER_COUNTRIES,
) -> list[CrossBorderDay]:
    """Detections per day for Thailand and its neighbours (country polygons, not boxes); every
    day of the range is listed, zeros included."""
    found = daily_counts(
        start_day=start_day,
        end_day=end_day,
        group_by=("day", "country"),
        series=series,
        confidence=confidence,
    )
    by_day: dict[date, dict[str, int]] = defaultdict(dict)
    for row in found:
        code = str(row["country"])
        if code in countries:
            by_day[row["day"]][code] = int(str(row["count"]))  # type: ignore[index]
    days = []
    day = start_day
    while day <= end_day:
        counts = {code: by_day.get(day, {}).get(code, 0) for code in countries}
        days.append(CrossBorderDay(day, counts))
        day += timedelta(days=1)
    return days
