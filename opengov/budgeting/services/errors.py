"""Refusals users can act on: one message in the language of the page (Thai or English)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import get_language


def in_language(message_en: str, message_th: str) -> str:
    """The Thai text on Thai pages, the English text on English pages."""
    return message_en if (get_language() or "th").startswith("en") else message_th


def refusal(field: str, message_en: str, message_th: str, code: str) -> ValidationError:
    """A ``ValidationError`` for ``field`` (``"__all__"`` for the whole form)."""
    return ValidationError({field: ValidationError(in_language(message_en, message_th), code)})
