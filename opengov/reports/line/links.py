"""Absolute links for messages that leave the site (LINE cannot open a relative path)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse


def public_link(name: str, *, base_url: str = "", **kwargs: Any) -> str:
    """``base_url`` (or ``OPENGOV_PUBLIC_URL``) + the path of the named URL in the active
    language (Thai pages have no prefix)."""
    base = (base_url or settings.OPENGOV_PUBLIC_URL).rstrip("/")
    return f"{base}{reverse(name, kwargs=kwargs or None)}"
