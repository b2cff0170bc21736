"""Fixtures for the ingest tests: the captured payloads read from OPENGOV_DATA_DIR (never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

DATA = Path(settings.OPENGOV_DATA_DIR) / "airquality"
LATEST_FILE = DATA / "air4thai_getNewAQI_JSON__2026-08-23T17ICT__excerpt_33stations.json"
PIVOT_FILE = (
    DATA / "air4thai_forweb-history_35t_ChiangMai__2024-11-01_to_2025-01-08__hourly_pivot.csv"
)
EXPORT_FILE = (
    DATA / "air4thai_forweb-history_export__02t_03t_05t_08t__2023-12-01_to_2024-02-27__hourly.csv"
)
OPENAQ_LOCATIONS_FILE = DATA / "openaq_v3_locations_response__unit-fixture.json"
OPENAQ_SENSORS_FILE = DATA / "openaq_v3_sensors_response__unit-fixture.json"
OPENAQ_MEASUREMENTS_FILE = DATA / "openaq_v3_measurements_1hour_response__unit-fixture.json"


@pytest.fixture(scope="session")
def latest_bytes() -> bytes:
    return LATEST_FILE.read_bytes()


@pytest.fixture(scope="session")
def pivot_bytes() -> bytes:
    return PIVOT_FILE.read_bytes()


@pytest.fixture(scope="session")
def export_bytes() -> bytes:
    return EXPORT_FILE.read_bytes()
