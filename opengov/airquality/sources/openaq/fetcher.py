"""Fetch OpenAQ v3 responses — spec §3.1. Needs an API key (header ``X-API-Key``); 60 requests a
minute at most, so the fetcher waits one second between requests and honours ``Retry-After``."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Final

from opengov.airquality.sources.http_fetch import Fetched, PoliteFetcher

API_ROOT: Final = "https://api.openaq.org/v3"
THAILAND_COUNTRY_ID: Final = 111
PM25_PARAMETER_ID: Final = 2
PAGE_LIMIT: Final = 1000


def api_headers(api_key: str) -> dict[str, str]:
    if not api_key:
        raise ValueError("OpenAQ needs an API key (OPENAQ_API_KEY)")
    return {"X-API-Key": api_key}


def locations_fetch(
    fetcher: PoliteFetcher,
    *,
    api_key: str,
    page: int = 1,
    countries_id: int = THAILAND_COUNTRY_ID,
    parameters_id: int = PM25_PARAMETER_ID,
) -> Fetched:
    """One page of locations in a country that measure a parameter (PM2.5 by default)."""
    return fetcher.get(
        f"{API_ROOT}/locations",
        params={
            "countries_id": countries_id,
            "parameters_id": parameters_id,
            "limit": PAGE_LIMIT,
            "page": page,
        },
        headers=api_headers(api_key),
    )


def location_sensors_fetch(fetcher: PoliteFetcher, *, api_key: str, location_id: str) -> Fetched:
    """The sensors of one location, each with its latest value."""
    return fetcher.get(f"{API_ROOT}/locations/{location_id}/sensors", headers=api_headers(api_key))


def sensor_hours_fetch(
    fetcher: PoliteFetcher,
    *,
    api_key: str,
    sensor_id: int,
    since: datetime,
    until: datetime,
    page: int = 1,
) -> Fetched:
    """Hourly values of one sensor between two instants (UTC ISO 8601)."""
    return fetcher.get(
        f"{API_ROOT}/sensors/{sensor_id}/hours",
        params={
            "datetime_from": since.isoformat(),
            "datetime_to": until.isoformat(),
            "limit": PAGE_LIMIT,
            "page": page,
        },
        headers=api_headers(api_key),
    )


def found_more(body: bytes, *, page: int) -> bool:
    """Whether a paged response says more pages follow (``meta.found`` > page × limit)."""
    try:
        meta = json.loads(body).get("meta") or {}
        found = meta.get("found")
        limit = int(meta.get("limit") or PAGE_LIMIT)
    except (ValueError, AttributeError):
        return False
    # OpenAQ sometimes reports ">1000" as text when the count is large.
    if isinstance(found, str):
        return found.startswith(">")
    return isinstance(found, int) and found > page * limit
