"""``{% load thaidate %}{{ value|thaidate }}``: Buddhist-era dates in Thai, Gregorian in English.

Styles: ``""`` (long; datetimes with time), ``"short"``, ``"date"`` (datetime shown as its Thai-time
date only) and ``"short date"``.
"""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils.translation import get_language

from opengov.core.thai_dates import ICT, format_date

register = template.Library()


@register.filter
def thaidate(value: date | datetime | None, style: str = "") -> str:
    if value is None or value == "":
        return ""
    options = set(style.split())
    if "date" in options and isinstance(value, datetime):
        value = value.astimezone(ICT).date()
    return format_date(value, language=get_language() or "th", short="short" in options)
