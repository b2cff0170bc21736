"""Open311 API keys: creating one (the secret is returned once), checking a presented key, and
the per-key hourly limit on new service requests (counted in the shared cache, fixed windows)."""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from opengov.accounts.models import Organisation
from opengov.reports.models import Open311ApiKey

WINDOW_SECONDS = 3600
_KEY_BYTES = 32


@dataclass(frozen=True)
class CreatedKey:
    api_key: Open311ApiKey
    secret: str  # shown once; only its SHA-256 is stored


def _sha256(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def open311_key_create(
    *, name: str, organisation: Organisation | None = None, hourly_limit: int = 100
) -> CreatedKey:
    """A new active key for the application ``name`` (owned by ``organisation`` if given)."""
    secret = secrets.token_urlsafe(_KEY_BYTES)
    api_key = Open311ApiKey(
        name=name.strip(),
        organisation=organisation,
        key_prefix=secret[:8],
        key_sha256=_sha256(secret),
        hourly_limit=hourly_limit,
    )
    api_key.full_clean()
    api_key.save()
    return CreatedKey(api_key, secret)


def open311_key_check(presented: str) -> Open311ApiKey | None:
    """The active key matching ``presented``, or None (unknown, inactive or empty)."""
    if not presented.strip():
        return None
    found = Open311ApiKey.objects.filter(key_sha256=_sha256(presented.strip()), is_active=True)
    return found.select_related("organisation").first()


def _window_key(api_key: Open311ApiKey) -> str:
    return f"reports:open311:key:{api_key.pk}:{int(time.time()) // WINDOW_SECONDS}"


def open311_key_allowed(api_key: Open311ApiKey) -> bool:
    """True while the key is under its hourly limit of new service requests."""
    limit = api_key.hourly_limit
    return limit == 0 or int(cache.get(_window_key(api_key), 0)) < limit


def open311_key_record_use(api_key: Open311ApiKey) -> None:
    """Count one new service request against the key's window and note when it was used."""
    window = _window_key(api_key)
    cache.add(window, 0, timeout=WINDOW_SECONDS)
    try:
        cache.incr(window)
    except ValueError:  # expired between add and incr
        cache.set(window, 1, timeout=WINDOW_SECONDS)
    Open311ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=timezone.now())


def seconds_to_next_window() -> int:
    return WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS
