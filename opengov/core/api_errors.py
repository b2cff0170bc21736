"""Error bodies shared by every platform API router: always Thai and English side by side."""

from __future__ import annotations

from collections.abc import Callable

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
