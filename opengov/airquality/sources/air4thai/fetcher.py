"""Fetch Air4Thai (PCD) payloads — spec §1.1. Keyless; bodies are returned raw for storage.

Certificate verification stays on: if a client lacks PCD's intermediate certificate, ship it in a CA
bundle for this host rather than switching verification off (spec §1.1).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

from opengov.airquality.sources.http_fetch import Fetched, PoliteFetcher

LATEST_URL: Final = "https://air4thai.pcd.go.th/services/getNewAQI_JSON.php"
HISTORY_URL: Final = "https://air4thai.pcd.go.th/forweb/getHistoryData.php"
HISTORY_PARAMETERS: Final = ("PM25", "PM10", "O3", "CO", "NO2", "SO2", "WS", "TEMP", "RH", "WD")


def latest_fetch(fetcher: PoliteFetcher) -> Fetched:
    """The latest-values JSON for all stations (one request)."""
    return fetcher.get(LATEST_URL)


def history_fetch(
    fetcher: PoliteFetcher,
    *,
    station_ids: Sequence[str],
    since: date,
    until: date,
    parameters: Sequence[str] = HISTORY_PARAMETERS,
    start_hour: int = 0,
    end_hour: int = 23,
) -> Fetched:
    """Hourly history (hour-ending labels) of the given stations and days, in one request; all 173
    stations for a day answer in about 2 s and 174 KB."""
    if not station_ids:
        raise ValueError("station_ids must not be empty")
    return fetcher.get(
        HISTORY_URL,
        params={
            "stationID": ",".join(station_ids),
            "param": ",".join(parameters),
            "type": "hr",
            "sdate": since.isoformat(),
            "edate": until.isoformat(),
            "stime": f"{start_hour:02d}",
            "etime": f"{end_hour:02d}",
        },
    )
