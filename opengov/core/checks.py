"""System checks for settings that Django's own checks do not cover."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def check_production_settings(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    if settings.SECRET_KEY.startswith("dev-only-"):
        messages.append(
            Error(
                "The development secret key is in use.",
                hint="Set DJANGO_SECRET_KEY or DJANGO_SECRET_KEY_FILE.",
                id="opengov.E001",
            )
        )
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        messages.append(
            Warning(
                "SQLite is meant for development and demos.",
                hint="Set DATABASE_URL=postgres://… for production (docs/deploy.md).",
                id="opengov.W001",
            )
        )
    return messages


@register()
def check_data_dir(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    data_dir = settings.OPENGOV_DATA_DIR
    if data_dir.exists() and not data_dir.is_dir():
        return [
            Error(
                f"OPENGOV_DATA_DIR is not a directory: {data_dir}",
                hint="Point it at a folder of reference data or unset it.",
                id="opengov.E002",
            )
        ]
    return []
