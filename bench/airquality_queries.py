"""Benchmark of the air-quality read queries on a year of hourly readings in PostgreSQL.

Run: ``DJANGO_DEBUG=1 .venv/bin/python bench/airquality_queries.py [--regenerate] [--drop]``

``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/opengov_bench``) must point at
PostgreSQL; the database is created if missing and migrated. Generated data (source ``bench``):
200 stations spread over 20 provinces × 8 parameters (PM25, PM10, O3, CO, NO2, SO2, TEMP, RH) ×
8,760 hourly 1-hour readings of 2025 = 14,016,000 rows, written by one ``INSERT … SELECT`` over
``generate_series`` per batch of stations (PM2.5 follows a dry-season curve plus noise).

Generation takes minutes, so the database is **kept** for re-runs (they only time); pass
``--regenerate`` to rebuild the bench rows, ``--drop`` to drop the database at the end.

Timed (median of 9 runs after one warm-up, ``ANALYZE`` first):

* ``readings_series`` — one station, PM2.5, 30 days hourly (720 points). Target < 50 ms.
* ``province_daily_series`` — one province (10 stations), PM2.5, 30 ICT days. Target < 100 ms.
* for information: the same province over one burning season (1 Jan – 30 Apr, 120 days) and
  ``stations_now`` for all 200 stations.

Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/opengov_bench")

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402

STATIONS = 200
# 10 northern provinces and 10 others
PROVINCES = (
    *("50", "51", "52", "53", "54", "55", "56", "57", "58", "63"),
    *("10", "11", "12", "13", "20", "21", "30", "40", "80", "90"),
)
PARAMETERS = (
    ("PM25", "µg/m³", "20 + 45 * greatest(0, cos(2 * pi() * (extract(doy from t) - 60) / 365))"),
    ("PM10", "µg/m³", "35 + 60 * greatest(0, cos(2 * pi() * (extract(doy from t) - 60) / 365))"),
    ("O3", "ppb", "25 + 10 * sin(2 * pi() * extract(hour from t) / 24)"),
    ("CO", "ppm", "0.6"),
    ("NO2", "ppb", "12"),
    ("SO2", "ppb", "3"),
    ("TEMP", "°C", "28 + 4 * sin(2 * pi() * extract(hour from t) / 24)"),
    ("RH", "%", "65"),
)
YEAR_START = datetime(2025, 1, 1, tzinfo=UTC)
YEAR_END = datetime(2026, 1, 1, tzinfo=UTC)
EXPECTED_ROWS = STATIONS * len(PARAMETERS) * 8760
RUNS = 9
TARGET_STATION_MS = 50.0
TARGET_PROVINCE_MS = 100.0


def database_ensure(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")


def database_drop(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    print(f"dropped database {name}")


def bench_rows() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM airquality_reading r JOIN airquality_station s"
            " ON s.id = r.station_id WHERE s.source = 'bench'"
        )
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def generate() -> None:
    from django.db import connection, transaction

    from opengov.airquality.models import Station

    started = time.perf_counter()
    Station.objects.filter(source="bench").delete()
    stations = [
        Station(
            source="bench",
            source_id=f"b{i:03d}",
            name_en=f"Bench station {i}",
            province_code=PROVINCES[i % len(PROVINCES)],
            lat=18.0 + i / 1000,
            lon=99.0 + i / 1000,
            parameters=[code for code, _unit, _expr in PARAMETERS],
            first_reading_at=YEAR_START + timedelta(hours=1),
            last_reading_at=YEAR_END,
        )
        for i in range(STATIONS)
    ]
    Station.objects.bulk_create(stations)
    ids = list(Station.objects.filter(source="bench").values_list("id", flat=True))
    batch = 20
    for offset in range(0, len(ids), batch):
        chunk = ids[offset : offset + batch]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
            for code, unit, expression in PARAMETERS:
                # Hour-ending periods of 2025: 01:00 UTC on 1 January … 00:00 UTC on 1 January 2026.
                # The expression is one of this module's constants, not input.
                cursor.execute(
                    "INSERT INTO airquality_reading (station_id, source, parameter, averaging,"  # noqa: S608
                    " value, unit, observed_at, fetched_at, raw_payload_id)"
                    f" SELECT s.id, 'bench', %s, '1h', round(greatest(0, ({expression})"
                    " * (0.75 + random() * 0.5))::numeric, 1), %s, t, t, NULL"
                    " FROM unnest(%s::bigint[]) AS s(id)"
                    " CROSS JOIN generate_series(%s::timestamptz + interval '1 hour',"
                    " %s::timestamptz, interval '1 hour') AS t",
                    [code, unit, chunk, YEAR_START, YEAR_END],
                )
        done = offset + len(chunk)
        print(f"  {done}/{len(ids)} stations, {time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE airquality_reading")
        cursor.execute("ANALYZE airquality_station")
    print(f"generated {EXPECTED_ROWS:,} readings in {time.perf_counter() - started:.0f} s")


def timed(label: str, call: Callable[[], Any]) -> float:
    call()  # warm-up: plan cache, buffers
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = call()
        samples.append((time.perf_counter() - started) * 1000)
    median = statistics.median(samples)
    size = len(result) if hasattr(result, "__len__") else "-"
    print(
        f"{label}: median {median:.1f} ms (min {min(samples):.1f}, max {max(samples):.1f};"
        f" {RUNS} runs; {size} items)"
    )
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--regenerate", action="store_true", help="rebuild the bench readings")
    parser.add_argument("--drop", action="store_true", help="drop the database at the end")
    args = parser.parse_args()

    url = os.environ["DATABASE_URL"]
    if not url.startswith(("postgres://", "postgresql://")):
        print("DATABASE_URL must point at PostgreSQL", file=sys.stderr)
        return 2
    database_ensure(url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    rows = bench_rows()
    if args.regenerate or rows != EXPECTED_ROWS:
        print(f"generating {EXPECTED_ROWS:,} readings (found {rows:,}) …", flush=True)
        generate()
    else:
        print(f"reusing {rows:,} bench readings")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE airquality_reading")

    from opengov.airquality.selectors import (
        province_daily_series,
        readings_series,
        station_get,
        stations_now,
    )

    station = station_get(source="bench", source_id="b007")
    assert station is not None
    end = datetime(2025, 12, 31, 17, tzinfo=UTC)
    station_ms = timed(
        "readings_series: 1 station, PM2.5, 30 days hourly",
        lambda: readings_series(
            station=station, parameter="PM25", start=end - timedelta(days=30), end=end
        ),
    )
    province = station.province_code
    province_ms = timed(
        f"province_daily_series: province {province} (10 stations), PM2.5, 30 days",
        lambda: province_daily_series(
            province_code=province,
            parameter="PM25",
            start=date(2025, 12, 2),
            end=date(2025, 12, 31),
        ),
    )
    timed(
        f"province_daily_series: province {province}, PM2.5, season 1 Jan – 30 Apr (info)",
        lambda: province_daily_series(
            province_code=province,
            parameter="PM25",
            start=date(2025, 1, 1),
            end=date(2025, 4, 30),
        ),
    )
    timed("stations_now: all stations (info)", lambda: stations_now(now=end))
    connection.close()

    if args.drop:
        database_drop(url)
    failed = []
    if station_ms >= TARGET_STATION_MS:
        failed.append(f"station series {station_ms:.1f} ms ≥ {TARGET_STATION_MS} ms")
    if province_ms >= TARGET_PROVINCE_MS:
        failed.append(f"province daily series {province_ms:.1f} ms ≥ {TARGET_PROVINCE_MS} ms")
    if failed:
        print("TARGET MISSED: " + "; ".join(failed), file=sys.stderr)
        return 1
    print("targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
