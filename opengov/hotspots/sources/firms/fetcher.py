"""Fetch NASA FIRMS CSV bodies (spec §4.5): the area API when a MAP_KEY is set, otherwise the
keyless rolling 24-hour regional text files. Network only — bodies are returned raw for storage.

Timeouts on every request; network errors, timeouts, 429 and 5xx are retried with exponential
back-off. The MAP_KEY is never put into a returned URL (``Fetched.url`` shows ``***``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

import httpx

BASE_URL: Final = "https://firms.modaps.eosdis.nasa.gov"
USER_AGENT: Final = "opengov-th/1.0 (Thai open-government fire-hotspot archive)"
RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
# War-room cross-border box, Myanmar to Vietnam (west, south, east, north).
SEA_BOX: Final = "92,5,110,28.5"
MAX_DAYS: Final = 5
# Area-API source → keyless rolling-file folder and name prefix.
PRODUCTS: Final[dict[str, tuple[str, str]]] = {
    "VIIRS_SNPP_NRT": ("suomi-npp-viirs-c2", "SUOMI_VIIRS_C2"),
    "VIIRS_NOAA20_NRT": ("noaa-20-viirs-c2", "J1_VIIRS_C2"),
    "VIIRS_NOAA21_NRT": ("noaa-21-viirs-c2", "J2_VIIRS_C2"),
    "MODIS_NRT": ("modis-c6.1", "MODIS_C6_1"),
}


class FirmsFetchError(Exception):
    """FIRMS could not be fetched; the message is Thai and English."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"ดึงข้อมูล FIRMS ไม่สำเร็จ / FIRMS fetch failed: {url} — {reason}")


@dataclass(frozen=True)
class Fetched:
    url: str  # with the MAP_KEY masked
    status: int
    body: bytes
    fetched_at: datetime


def area_url(*, map_key: str, product: str, days: int, box: str = SEA_BOX) -> str:
    """``/api/area/csv/{MAP_KEY}/{SOURCE}/{west,south,east,north}/{DAY_RANGE}``."""
    if product not in PRODUCTS:
        raise ValueError(f"unknown FIRMS product {product!r}; one of {', '.join(PRODUCTS)}")
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be 1–{MAX_DAYS}, got {days}")
    return f"{BASE_URL}/api/area/csv/{map_key}/{product}/{box}/{days}"


def regional_url(*, product: str, region: str = "SouthEast_Asia") -> str:
    """The keyless rolling 24-hour text file of a region."""
    if product not in PRODUCTS:
        raise ValueError(f"unknown FIRMS product {product!r}; one of {', '.join(PRODUCTS)}")
    folder, prefix = PRODUCTS[product]
    return f"{BASE_URL}/data/active_fire/{folder}/csv/{prefix}_{region}_24h.csv"


def http_client(*, timeout: float) -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        headers={"User-Agent": USER_AGENT, "Accept": "text/csv, text/plain, */*"},
        follow_redirects=True,
    )


def _get(
    client: httpx.Client,
    url: str,
    shown: str,
    *,
    attempts: int,
    backoff: float,
    sleep: Callable[[float], None],
) -> Fetched:
    reason = ""
    for attempt in range(attempts):
        try:
            response = client.get(url)
        except httpx.TimeoutException as error:
            reason = f"timeout ({type(error).__name__})"
        except httpx.TransportError as error:
            reason = f"network error ({type(error).__name__})"
        else:
            body = response.content
            if body.strip().lower().startswith(b"invalid map_key"):
                raise FirmsFetchError(shown, "Invalid MAP_KEY — check FIRMS_MAP_KEY")
            if response.is_success:
                return Fetched(shown, response.status_code, body, datetime.now(UTC))
            reason = f"HTTP {response.status_code}"
            if response.status_code not in RETRY_STATUSES:
                raise FirmsFetchError(shown, reason)
        if attempt + 1 < attempts:
            sleep(min(backoff * 2**attempt, 60.0))
    raise FirmsFetchError(shown, f"{reason} after {attempts} attempts")


def firms_fetch(
    client: httpx.Client,
    *,
    product: str,
    days: int = 1,
    map_key: str = "",
    attempts: int = 4,
    backoff: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Fetched:
    """One FIRMS CSV body: the area API over the SE-Asia box when ``map_key`` is given, else the
    keyless 24-hour SouthEast_Asia file (which covers one day only, so ``days`` must be 1)."""
    if map_key:
        url = area_url(map_key=map_key, product=product, days=days)
        shown = url.replace(map_key, "***")
    else:
        if days != 1:
            raise ValueError("without FIRMS_MAP_KEY only the 24-hour file (days=1) is available")
        url = shown = regional_url(product=product)
    return _get(client, url, shown, attempts=attempts, backoff=backoff, sleep=sleep)
