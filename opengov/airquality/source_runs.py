"""Fetch-then-ingest runs used by the scheduled tasks and the ``airquality_ingest`` command: each
run fetches raw bodies with a polite fetcher and hands every body to
:func:`~opengov.airquality.services.readings_ingest_payload` (stored raw, parsed, upserted)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import date, timedelta

from django.conf import settings

from opengov.airquality.models import PayloadKind, Station
from opengov.airquality.services import IngestResult, readings_ingest_payload
from opengov.airquality.sources.air4thai import fetcher as air4thai_fetcher
from opengov.airquality.sources.http_fetch import Fetched, PoliteFetcher, http_client
from opengov.airquality.sources.openaq import fetcher as openaq_fetcher

AIR4THAI = "air4thai"
OPENAQ = "openaq"


def polite_fetcher(*, min_interval: float = 1.0) -> PoliteFetcher:
    """A fetcher with the platform's timeout (``OPENGOV_HTTP_TIMEOUT``)."""
    return PoliteFetcher(
        http_client(timeout=float(settings.OPENGOV_HTTP_TIMEOUT)), min_interval=min_interval
    )


def openaq_api_key() -> str:
    """``settings.OPENAQ_API_KEY`` when the settings define it, else the environment."""
    return str(getattr(settings, "OPENAQ_API_KEY", "") or os.environ.get("OPENAQ_API_KEY", ""))


def _ingest(
    source: str, kind: str, fetched: Fetched, options: dict[str, str] | None = None
) -> IngestResult:
    return readings_ingest_payload(
        source=source,
        payload_bytes=fetched.body,
        kind=kind,
        fetched_at=fetched.fetched_at,
        origin=fetched.url,
        http_status=fetched.status,
        options=options,
        keep_rejected=True,
    )


def air4thai_latest_run(*, fetcher: PoliteFetcher | None = None) -> IngestResult:
    """Fetch and ingest the latest values of all Air4Thai stations."""
    fetcher = fetcher or polite_fetcher()
    return _ingest(AIR4THAI, PayloadKind.LATEST, air4thai_fetcher.latest_fetch(fetcher))


def air4thai_history_run(
    *,
    since: date,
    until: date,
    station_ids: Sequence[str] | None = None,
    fetcher: PoliteFetcher | None = None,
) -> list[IngestResult]:
    """Fetch and ingest hourly history day by day for the given (or all known) stations."""
    fetcher = fetcher or polite_fetcher()
    results: list[IngestResult] = []
    ids = list(station_ids or [])
    if not ids:
        ids = list(
            Station.objects.filter(source=AIR4THAI)
            .order_by("source_id")
            .values_list("source_id", flat=True)
        )
    if not ids:
        results.append(air4thai_latest_run(fetcher=fetcher))
        ids = list(
            Station.objects.filter(source=AIR4THAI)
            .order_by("source_id")
            .values_list("source_id", flat=True)
        )
    day = since
    while day <= until:
        fetched = air4thai_fetcher.history_fetch(fetcher, station_ids=ids, since=day, until=day)
        results.append(_ingest(AIR4THAI, PayloadKind.HISTORY_JSON, fetched))
        day += timedelta(days=1)
    return results


def openaq_run(
    *,
    fetcher: PoliteFetcher | None = None,
    api_key: str | None = None,
    location_ids: Sequence[str] | None = None,
    max_pages: int = 10,
) -> list[IngestResult]:
    """Ingest Thai OpenAQ locations (PM2.5), then the latest sensor values of each location (or of
    ``location_ids`` only)."""
    key = openaq_api_key() if api_key is None else api_key
    fetcher = fetcher or polite_fetcher(min_interval=1.0)
    results: list[IngestResult] = []
    found: list[str] = []
    for page in range(1, max_pages + 1):
        fetched = openaq_fetcher.locations_fetch(fetcher, api_key=key, page=page)
        results.append(_ingest(OPENAQ, PayloadKind.OPENAQ_LOCATIONS, fetched))
        body = json.loads(fetched.body)
        found.extend(str(item["id"]) for item in body.get("results") or [] if "id" in item)
        if not openaq_fetcher.found_more(fetched.body, page=page):
            break
    for location_id in location_ids or found:
        fetched = openaq_fetcher.location_sensors_fetch(
            fetcher, api_key=key, location_id=location_id
        )
        results.append(
            _ingest(OPENAQ, PayloadKind.OPENAQ_SENSORS, fetched, {"station_id": location_id})
        )
    return results
