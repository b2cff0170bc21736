"""Benchmark of Air4Thai parse + upsert (``readings_ingest_payload``) on the captured payloads.

Run: ``DJANGO_DEBUG=1 .venv/bin/python bench/airquality_ingest.py``

Uses a fresh temporary SQLite database (migrated here) unless ``DATABASE_URL`` is set, and loads the
real province and district boundaries into it (outside the timing; the point index is warmed before
timing) so station tagging runs against real polygons.

The captures are smaller than the targets, so they are scaled up honestly and the script says so:

* latest values: the 33-station excerpt is replicated with new station IDs (``35t`` → ``35t~1`` …)
  up to the 173 stations of the full feed; the hour-ending label is kept, then moved one hour on
  for the "next hour" run (stations exist, every reading is new — the steady hourly case);
* 24-hour history: the first 24 hours of station 02t in the history export (real values of
  PM2.5, WS, TEMP, RH, WD; PM10…SO2 present as ``null``, as the live API sends them) are written
  in the live ``getHistoryData.php`` JSON shape for 173 station IDs.

Targets: latest < 1 s, history of 24 h × all stations < 2 s. Exits 1 if a target is missed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
_tmp = tempfile.TemporaryDirectory(prefix="aq-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp.name}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from opengov.airquality.models import RawPayload, Station  # noqa: E402
from opengov.airquality.services import IngestResult, readings_ingest_payload  # noqa: E402
from opengov.geo.selectors import area_index  # noqa: E402
from opengov.geo.services import area_layers_load  # noqa: E402

STATIONS = 173
TARGET_LATEST = 1.0
TARGET_HISTORY = 2.0
SOURCE = "bench-air4thai"
DATA = Path(settings.OPENGOV_DATA_DIR)
LATEST_FILE = DATA / "airquality/air4thai_getNewAQI_JSON__2026-08-23T17ICT__excerpt_33stations.json"
EXPORT_FILE = (
    DATA
    / "airquality/air4thai_forweb-history_export__02t_03t_05t_08t__2023-12-01_to_2024-02-27__hourly.csv"
)
HISTORY_PARAMETERS = ("PM25", "PM10", "O3", "CO", "NO2", "SO2", "WS", "TEMP", "RH", "WD")


def latest_scaled(hour_shift: int) -> bytes:
    original: list[dict[str, Any]] = json.loads(LATEST_FILE.read_bytes())["stations"]
    stations: list[dict[str, Any]] = []
    copy = 0
    while len(stations) < STATIONS:
        for item in original:
            if len(stations) == STATIONS:
                break
            clone = json.loads(json.dumps(item))
            if copy:
                clone["stationID"] = f"{item['stationID']}~{copy}"
            last = clone["AQILast"]
            hour = int(last["time"][:2]) + hour_shift
            last["time"] = f"{hour:02d}:00"
            stations.append(clone)
        copy += 1
    return json.dumps({"stations": stations}, ensure_ascii=False).encode()


def history_scaled() -> bytes:
    rows = list(csv.DictReader(io.StringIO(EXPORT_FILE.read_text(encoding="utf-8"), newline="")))
    day = [row for row in rows if row["stationID"] == "02t"][:24]

    def number(text: str) -> float | None:
        return float(text) if text.strip() else None

    data = [
        {"DATETIMEDATA": row["DATETIMEDATA"]} | {p: number(row[p]) for p in HISTORY_PARAMETERS}
        for row in day
    ]
    stations = [
        {"stationID": f"h{n:03d}t", "params": list(HISTORY_PARAMETERS), "data": data}
        for n in range(STATIONS)
    ]
    return json.dumps({"result": "OK", "error": "", "stations": stations}).encode()


def timed(body: bytes, kind: str) -> IngestResult:
    return readings_ingest_payload(
        source=SOURCE, payload_bytes=body, kind=kind, fetched_at=datetime.now(UTC)
    )


def main() -> int:
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    call_command("migrate", verbosity=0)
    geo = DATA / "geo"
    if (geo / "th_districts_adm2.geojson").is_file():
        area_layers_load(
            sources=[str(geo / "th_provinces_adm1.geojson"), str(geo / "th_districts_adm2.geojson")]
        )
    area_index()  # built once per process; warmed here so the timing is the ingest itself
    Station.objects.filter(source=SOURCE).delete()
    RawPayload.objects.filter(source=SOURCE).delete()
    print(f"database: {engine}; capture scaled to {STATIONS} stations (see docstring)")
    failed = False
    checks = [
        ("latest, first hour (stations created)", latest_scaled(0), "latest", TARGET_LATEST),
        ("latest, next hour (stations exist)", latest_scaled(1), "latest", TARGET_LATEST),
        ("history 24 h × 173 stations", history_scaled(), "history_json", TARGET_HISTORY),
    ]
    for label, body, kind, target in checks:
        started = time.perf_counter()
        result = timed(body, kind)
        seconds = time.perf_counter() - started
        verdict = "ok" if seconds < target else "TOO SLOW"
        failed |= seconds >= target
        print(
            f"{label}: {seconds:.3f} s (target < {target:.0f} s) {verdict} — "
            f"{len(body) / 1024:.0f} KB, stations created {result.stations_created}, "
            f"readings created {result.readings_created}, skipped {result.readings_skipped}"
        )
    started = time.perf_counter()
    again = timed(checks[2][1], "history_json")
    print(
        f"same history again (skipped by hash): {time.perf_counter() - started:.3f} s {again.duplicate}"
    )
    Station.objects.filter(source=SOURCE).delete()
    RawPayload.objects.filter(source=SOURCE).delete()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
