"""A small per-address limit on sign-ups, so one machine cannot mass-create accounts.

Counted in the default cache (Redis in production, shared by all web processes) in fixed one-hour
windows. ``settings.OPENGOV_SIGN_UPS_PER_HOUR`` (default 10) sets the limit; 0 turns it off. The
address is ``REMOTE_ADDR``: behind a proxy, the proxy must set it to the client's address.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

_WINDOW_SECONDS = 3600


def _limit() -> int:
    return int(getattr(settings, "OPENGOV_SIGN_UPS_PER_HOUR", 10))


def _key(request: HttpRequest) -> str:
    window = int(time.time()) // _WINDOW_SECONDS
    return f"accounts:sign-ups:{request.META.get('REMOTE_ADDR', '')}:{window}"


def sign_up_allowed(request: HttpRequest) -> bool:
    """True while the client's address has made fewer sign-ups this hour than the limit."""
    limit = _limit()
    return limit <= 0 or int(cache.get(_key(request), 0)) < limit


def sign_up_record(request: HttpRequest) -> None:
    """Count one successful sign-up from the client's address."""
    key = _key(request)
    cache.add(key, 0, timeout=_WINDOW_SECONDS)
    cache.incr(key)
