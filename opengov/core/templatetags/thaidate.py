"""``{% load thaidate %}{{ value|thaidate }}``: Buddhist-era dates in Thai, Gregorian in English."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils.translation import get_language

from opengov.core.thai_dates import format_date

register = template.Library()


@register.filter
def thaidate(value: date | datetime | None, style: str = "") -> str:
    if value is None or value == "":
        return ""
    return format_date(value, language=get_language() or "th", short=style == "short")
