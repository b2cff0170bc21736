"""Polite HTTP for source fetchers: one identified User-Agent, timeouts, a minimum interval between
requests, retries with exponential back-off on network errors, timeouts, 5xx and 429 (honouring
``Retry-After``). Fetchers return the raw body; parsing happens elsewhere, after the body is stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Final

import httpx

USER_AGENT: Final = (
    "Mozilla/5.0 (compatible; opengov-th/1.0; Thai open-government air-quality archive; "
    "+https://github.com/opengov-th)"
)
RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A source could not be fetched after all retries; the message is Thai and English."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"ดึงข้อมูลไม่สำเร็จ / fetch failed: {url} — {reason}")


@dataclass(frozen=True)
class Fetched:
    """One response body as received, with where and when it came from."""

    url: str
    status: int
    body: bytes
    fetched_at: datetime


@dataclass
class PoliteFetcher:
    """GET with retries and a minimum interval between requests of this fetcher."""

    client: httpx.Client
    min_interval: float = 1.0
    attempts: int = 4
    backoff: float = 2.0
    max_wait: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last: float | None = field(default=None, init=False, repr=False)

    def _wait_turn(self) -> None:
        if self._last is not None:
            remaining = self.min_interval - (self.clock() - self._last)
            if remaining > 0:
                self.sleep(remaining)
        self._last = self.clock()

    def get(
        self,
        url: str,
        *,
        params: Mapping[str, str | int] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Fetched:
        """The body of a successful (2xx) GET; :class:`FetchError` after the last failed try."""
        reason = ""
        shown_url = url
        for attempt in range(self.attempts):
            self._wait_turn()
            try:
                response = self.client.get(url, params=params, headers=headers)
            except httpx.TimeoutException as error:
                reason = f"timeout ({type(error).__name__})"
            except httpx.TransportError as error:
                reason = f"network error ({type(error).__name__}: {error})"
            else:
                shown_url = str(response.request.url)
                if response.is_success:
                    return Fetched(
                        shown_url, response.status_code, response.content, datetime.now(UTC)
                    )
                reason = f"HTTP {response.status_code}"
                if response.status_code not in RETRY_STATUSES:
                    raise FetchError(shown_url, reason)
                retry_after = response.headers.get("Retry-After", "")
                if retry_after.isdigit() and attempt + 1 < self.attempts:
                    self.sleep(min(float(retry_after), self.max_wait))
                    continue
            if attempt + 1 < self.attempts:
                self.sleep(min(self.backoff * 2**attempt, self.max_wait))
        raise FetchError(shown_url, f"{reason} after {self.attempts} attempts")


def http_client(*, timeout: float, headers: Mapping[str, str] | None = None) -> httpx.Client:
    """An httpx client with our User-Agent, certificate verification on and redirects followed
    (Air4Thai answers ``http://`` with 301 → https)."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        headers={"User-Agent": USER_AGENT, "Accept": "application/json, text/csv, */*"}
        | dict(headers or {}),
        follow_redirects=True,
    )
