"""Submission limits per client address and per account, counted in the default cache (Redis in
production, shared by all web processes) in fixed one-hour windows.

``settings.OPENGOV_REPORTS_PER_HOUR_IP`` (default 20) and ``OPENGOV_REPORTS_PER_HOUR_USER``
(default 10); 0 turns a limit off. Every channel's edge (web form, Open311, LINE) calls
:func:`submit_allowed` before ``report_submit`` and :func:`submit_record` after it."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

_WINDOW_SECONDS = 3600


def _keys(ip: str, user_id: int | None) -> list[tuple[str, int]]:
    window = int(time.time()) // _WINDOW_SECONDS
    keys = [
        (
            f"reports:submit:ip:{ip}:{window}",
            int(getattr(settings, "OPENGOV_REPORTS_PER_HOUR_IP", 20)),
        )
    ]
    if user_id is not None:
        limit = int(getattr(settings, "OPENGOV_REPORTS_PER_HOUR_USER", 10))
        keys.append((f"reports:submit:user:{user_id}:{window}", limit))
    return keys


def submit_allowed(*, ip: str, user_id: int | None) -> bool:
    """True while neither the address nor the account reached its hourly limit."""
    return all(limit <= 0 or int(cache.get(key, 0)) < limit for key, limit in _keys(ip, user_id))


def submit_record(*, ip: str, user_id: int | None) -> None:
    """Count one accepted submission for the address and the account."""
    for key, _limit in _keys(ip, user_id):
        cache.add(key, 0, timeout=_WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=_WINDOW_SECONDS)
