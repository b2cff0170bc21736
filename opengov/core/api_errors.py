"""Error bodies shared by every platform API router: always Thai and English side by side."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from django.utils import translation
from ninja import Schema


class ErrorOut(Schema):
    detail: str
    detail_th: str


class FieldErrorOut(Schema):
    loc: list[str]
    msg: str
    msg_th: str


class ValidationErrorOut(Schema):
    detail: list[FieldErrorOut]


def query_field_error(field: str, en: str, th: str) -> FieldErrorOut:
    """A 422 entry naming the query parameter ``field``."""
    return FieldErrorOut(loc=["query", field], msg=en, msg_th=th)


def in_both_languages(render: Callable[[], str]) -> tuple[str, str]:
    """Render a gettext message in English and in Thai: ``(en, th)``."""
    rendered: dict[str, str] = {}
    for language in ("en", "th"):
        with translation.override(language):
            rendered[language] = render()
    return rendered["en"], rendered["th"]


def query_moment_parse(field: str, raw: str | None) -> tuple[datetime | None, FieldErrorOut | None]:
    """An ISO 8601 date-time with offset from a query parameter (``Z`` accepted; a ``+`` that a
    URL turned into a space is restored), or the bilingual error naming ``field``."""
    if raw is None or raw == "":
        return None, None
    try:
        moment = datetime.fromisoformat(raw.strip().replace(" ", "+").replace("Z", "+00:00"))
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        return None, query_field_error(
            field,
            f"{field} must be an ISO 8601 date-time with a UTC offset,"
            " e.g. 2025-01-08T00:00:00+07:00.",
            f"{field} ต้องเป็นวันเวลาแบบ ISO 8601 ที่ระบุเขตเวลา เช่น 2025-01-08T00:00:00+07:00",
        )
    return moment, None


def query_day_parse(field: str, raw: str | None) -> tuple[date | None, FieldErrorOut | None]:
    """A calendar date ``YYYY-MM-DD`` from a query parameter, or the bilingual error."""
    if raw is None or raw == "":
        return None, None
    try:
        return date.fromisoformat(raw.strip()), None
    except ValueError:
        return None, query_field_error(
            field,
            f"{field} must be a date YYYY-MM-DD, e.g. 2024-03-01.",
            f"{field} ต้องเป็นวันที่แบบ YYYY-MM-DD เช่น 2024-03-01",
        )
