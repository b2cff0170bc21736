"""Query-string parsing of the hotspot pages: time window, series, confidence, day.

Bad values raise :class:`~opengov.hotspots.selectors.FilterError` (a bilingual message naming the
field); the pages show it with status 400 instead of failing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Final
from urllib.parse import urlencode

from django.http import QueryDict

from opengov.core.thai_dates import ICT
from opengov.hotspots.selectors import DEFAULT_SERIES, SERIES, FilterError

WINDOW_HOURS: Final[dict[str, int]] = {"24h": 24, "48h": 48, "7d": 168}
WINDOW_CHOICES: Final = (*WINDOW_HOURS, "custom")
CONFIDENCE_PAGE_CHOICES: Final = ("default", "all")
CUSTOM_MAX_DAYS: Final = 31
CROSS_BORDER_DAYS: Final = (7, 14, 30)


def series_parse(query: QueryDict) -> str:
    value = query.get("series", "").strip() or DEFAULT_SERIES
    if value not in SERIES:
        raise FilterError(
            "series",
            f"unknown series {value!r}; use one of {', '.join(SERIES)}",
            f"ไม่รู้จักชุดข้อมูล {value!r} ใช้ได้: {', '.join(SERIES)}",
        )
    return value


def confidence_parse(query: QueryDict) -> str:
    value = query.get("confidence", "").strip() or "default"
    if value not in CONFIDENCE_PAGE_CHOICES:
        raise FilterError(
            "confidence",
            f"unknown confidence filter {value!r}; use default or all",
            f"ไม่รู้จักตัวกรองความเชื่อมั่น {value!r} ใช้ได้: default หรือ all",
        )
    return value


def day_parse(query: QueryDict, name: str) -> date | None:
    """A ``YYYY-MM-DD`` day from the query (``None`` when absent)."""
    raw = query.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise FilterError(
            name,
            f"{raw!r} is not a date; use YYYY-MM-DD (Gregorian), e.g. 2019-04-06",
            f"{raw!r} ไม่ใช่วันที่ ใช้รูปแบบ ปปปป-ดด-วว (ปี ค.ศ.) เช่น 2019-04-06",
        ) from None


def moment_parse(query: QueryDict, name: str) -> datetime | None:
    """A date-time (ISO 8601; without offset it is Thai time) or a day (the end of that Thai day)."""
    raw = query.get(name, "").strip().replace(" ", "+")
    if not raw:
        return None
    if len(raw) == 10:
        day = day_parse(query, name)
        return None if day is None else day_end(day)
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise FilterError(
            name,
            f"{raw!r} is not a date and time; use e.g. 2019-04-06T12:00+07:00 or 2019-04-06",
            f"{raw!r} ไม่ใช่วันเวลา ใช้รูปแบบ เช่น 2019-04-06T12:00+07:00 หรือ 2019-04-06",
        ) from None
    return moment.replace(tzinfo=ICT) if moment.tzinfo is None else moment


def day_start(day: date) -> datetime:
    """00:00 Thai time of ``day``, in UTC."""
    return datetime.combine(day, time(), ICT).astimezone(UTC)


def day_end(day: date) -> datetime:
    """The end (exclusive) of Thai day ``day``, in UTC."""
    return day_start(day + timedelta(days=1))


@dataclass(frozen=True)
class Window:
    """The half-open time window ``start``…``end`` (UTC) the map shows."""

    kind: str  # 24h | 48h | 7d | custom
    start: datetime
    end: datetime
    end_asked: bool  # the user chose the end (a view of the past), else it is "now"

    @property
    def first_day(self) -> date:
        return (self.start.astimezone(ICT)).date()

    @property
    def last_day(self) -> date:
        return (self.end - timedelta(microseconds=1)).astimezone(ICT).date()

    @property
    def start_day_value(self) -> str:
        return self.first_day.isoformat()

    @property
    def end_day_value(self) -> str:
        return self.last_day.isoformat()


def window_parse(query: QueryDict, now: datetime) -> Window:
    kind = query.get("window", "").strip() or "24h"
    if kind not in WINDOW_CHOICES:
        raise FilterError(
            "window",
            f"unknown window {kind!r}; use {', '.join(WINDOW_CHOICES)}",
            f"ไม่รู้จักช่วงเวลา {kind!r} ใช้ได้: {', '.join(WINDOW_CHOICES)}",
        )
    if kind == "custom":
        return _custom_window(query)
    end = moment_parse(query, "end")
    start = (end or now) - timedelta(hours=WINDOW_HOURS[kind])
    return Window(kind, start.astimezone(UTC), (end or now).astimezone(UTC), end is not None)


def _custom_window(query: QueryDict) -> Window:
    first, last = day_parse(query, "start"), _end_day(query)
    if first is None or last is None:
        raise FilterError(
            "start",
            "a custom window needs both a start and an end date",
            "ช่วงเวลาที่กำหนดเองต้องมีทั้งวันเริ่มต้นและวันสิ้นสุด",
        )
    if last < first:
        raise FilterError(
            "end",
            "the end date is before the start date",
            "วันสิ้นสุดอยู่ก่อนวันเริ่มต้น",
        )
    if (last - first).days + 1 > CUSTOM_MAX_DAYS:
        raise FilterError(
            "end",
            f"a custom window covers at most {CUSTOM_MAX_DAYS} days",
            f"ช่วงเวลาที่กำหนดเองยาวได้ไม่เกิน {CUSTOM_MAX_DAYS} วัน",
        )
    return Window("custom", day_start(first), day_end(last), True)


def _end_day(query: QueryDict) -> date | None:
    """The end day of a custom window; a date-time (kept from a preset window) gives its day."""
    if len(query.get("end", "").strip()) <= 10:
        return day_parse(query, "end")
    moment = moment_parse(query, "end")
    return None if moment is None else (moment - timedelta(microseconds=1)).astimezone(ICT).date()


def days_parse(query: QueryDict) -> int:
    raw = query.get("days", "").strip() or "14"
    if raw not in {str(d) for d in CROSS_BORDER_DAYS}:
        choices = ", ".join(str(d) for d in CROSS_BORDER_DAYS)
        raise FilterError(
            "days",
            f"unknown number of days {raw!r}; use {choices}",
            f"จำนวนวัน {raw!r} ไม่ถูกต้อง ใช้ได้: {choices}",
        )
    return int(raw)


def query_with(base: dict[str, str], **changes: str) -> str:
    """``?a=b&…`` from ``base`` updated with ``changes`` (empty values left out)."""
    merged = {**base, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v})
