"""Typed readers for settings that come from the environment (no settings are hard-coded)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_secret(name: str) -> str:
    """Read a secret from NAME, or from the file named by NAME_FILE (Docker/Kubernetes secrets)."""
    path = env_str(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE points to an unreadable file: {path}") from exc
    return env_str(name)


MonthDay = tuple[int, int]


def env_month_day_range(name: str, default: str) -> tuple[MonthDay, MonthDay]:
    """A yearly window ``MM-DD..MM-DD`` (e.g. ``01-01..05-31``) as ((month, day), (month, day))."""
    text = env_str(name, default)
    try:
        first, last = (part.strip() for part in text.split(".."))
        window = tuple((int(p.split("-")[0]), int(p.split("-")[1])) for p in (first, last))
        for month, day in window:
            date(2024, month, day)  # a leap year accepts 02-29
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must look like 01-01..05-31, not {text!r}") from exc
    return window[0], window[1]
