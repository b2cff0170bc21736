"""Dates for people: Buddhist era (พ.ศ. = Gregorian + 543) with Thai month names in Thai, plain
Gregorian in English. Pure functions; datetimes are shown in Thai time (ICT, UTC+7)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

ICT = ZoneInfo("Asia/Bangkok")
BUDDHIST_ERA_OFFSET = 543

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def buddhist_year(value: date) -> int:
    return value.year + BUDDHIST_ERA_OFFSET


def _as_local(value: date | datetime) -> tuple[date, str | None]:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime: attach a time zone before formatting")
        local = value.astimezone(ICT)
        return local.date(), f"{local:%H:%M}"
    return value, None


def format_date(value: date | datetime, *, language: str, short: bool = False) -> str:
    """``23 พฤศจิกายน 2569`` (th), ``23 พ.ย. 69`` (th, short), ``23 November 2026`` (en).

    A datetime is converted to Thai time first and gets its time appended
    (``23 พฤศจิกายน 2569 เวลา 14:05 น.`` / ``23 November 2026, 14:05``).
    """
    day, clock = _as_local(value)
    if language.startswith("th"):
        if short:
            text = f"{day.day} {THAI_MONTHS_SHORT[day.month - 1]} {buddhist_year(day) % 100:02d}"
        else:
            text = f"{day.day} {THAI_MONTHS[day.month - 1]} {buddhist_year(day)}"
        return f"{text} เวลา {clock} น." if clock else text
    month = ENGLISH_MONTHS[day.month - 1]
    text = f"{day.day} {month[:3] if short else month} {day.year}"
    return f"{text}, {clock}" if clock else text


def ict_day(moment: datetime) -> date:
    """The Thai-time (ICT, UTC+7) calendar day of an aware datetime."""
    return moment.astimezone(ICT).date()
