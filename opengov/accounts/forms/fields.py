"""Form fields shared by the accounts forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opengov.accounts.thai_phone import InvalidThaiPhoneError, thai_phone_normalise


class ThaiPhoneField(forms.CharField):
    """Accepts what people type for a Thai number and cleans it to E.164 (``+66812345678``)."""

    default_error_messages = {
        "invalid_phone": _(
            "Enter a Thai mobile number (10 digits starting 06, 08 or 09) or a fixed-line number "
            "(9 digits starting 02, 03, 04, 05 or 07), e.g. 081-234-5678."
        ),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean(self, value: Any) -> str:
        text: str = super().clean(value)
        if not text:
            return ""
        try:
            return thai_phone_normalise(text)
        except InvalidThaiPhoneError:
            raise forms.ValidationError(
                self.error_messages["invalid_phone"], code="invalid_phone"
            ) from None
