from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from opengov.airquality.sources.csv import parser as csv_parser
from opengov.airquality.sources.openaq import parser as openaq_parser
from opengov.airquality.sources.records import PayloadInvalid

from .conftest import OPENAQ_LOCATIONS_FILE, OPENAQ_MEASUREMENTS_FILE, OPENAQ_SENSORS_FILE


def test_openaq_locations():
    parsed = openaq_parser.locations_parse(OPENAQ_LOCATIONS_FILE.read_bytes())
    (station,) = parsed.stations
    assert (station.source_id, station.name_en, station.kind) == ("2178", "Del Norte", "reference")
    assert (station.lat, station.lon) == (35.1353, -106.584702)
    assert station.parameters == ("CO", "NO2", "O3", "PM10", "PM25", "SO2")  # NO, NOx not kept


def test_openaq_sensors_latest_values():
    parsed = openaq_parser.sensors_parse(OPENAQ_SENSORS_FILE.read_bytes(), location_id="2178")
    assert len(parsed.readings) == 6
    assert parsed.missing == 2  # NO and NOx sensors
    no2 = next(r for r in parsed.readings if r.parameter == "NO2")
    assert (no2.value, no2.unit) == (Decimal("0.0007"), "ppm")
    assert no2.observed_at == datetime(2024, 8, 26, 21, 0, tzinfo=UTC)


def test_openaq_measurements_period_end():
    parsed = openaq_parser.measurements_parse(
        OPENAQ_MEASUREMENTS_FILE.read_bytes(), location_id="2178"
    )
    assert [(r.value, r.observed_at) for r in parsed.readings] == [
        (Decimal("6"), datetime(2023, 10, 16, 13, 0, tzinfo=UTC)),
        (Decimal("7.5"), datetime(2023, 10, 16, 14, 0, tzinfo=UTC)),
    ]


def test_openaq_utf16_body_and_bad_bodies():
    body = OPENAQ_LOCATIONS_FILE.read_text(encoding="utf-8").encode("utf-16")
    assert openaq_parser.locations_parse(body).stations[0].source_id == "2178"
    with pytest.raises(PayloadInvalid, match="results"):
        openaq_parser.locations_parse(b'{"detail": "Unauthorized"}')
    with pytest.raises(PayloadInvalid, match="location"):
        openaq_parser.sensors_parse(OPENAQ_SENSORS_FILE.read_bytes(), location_id="")


GOOD_CSV = (
    "station_id,observed_at,parameter,value,averaging,lat,lon,name_th\n"
    "cm-01,2025-01-08T23:00,PM25,39.0,1h,18.79,98.99,โรงเรียน\n"
    "cm-01,2025-01-08T22:00+07:00,PM25,-999,1h,,,\n"
    "cm-01,2025-01-08T15:00Z,PM10,61,24h,,,\n"
).encode()


def test_csv_upload_parses_rows():
    report = csv_parser.upload_validate(GOOD_CSV)
    assert report.ok and (report.rows, report.rows_ok) == (3, 3)
    parsed = report.parsed
    assert parsed.missing == 1
    assert [(r.parameter, r.value, r.observed_at) for r in parsed.readings] == [
        ("PM25", Decimal("39.0"), datetime(2025, 1, 8, 16, 0, tzinfo=UTC)),
        ("PM10", Decimal("61"), datetime(2025, 1, 8, 15, 0, tzinfo=UTC)),
    ]
    assert parsed.stations[0].lat == 18.79 and parsed.stations[0].kind == "low_cost"


def test_csv_upload_report_names_each_bad_row():
    body = (
        b"station_id,observed_at,parameter,value,lat,lon\n"
        b"a,2025-01-08T23:00,PM25,12,,\n"
        b"a,yesterday,PM25,12,,\n"
        b",2025-01-08T23:00,PM99,abc,,\n"
        b"a,2025-01-08T23:00,PM25,-5,95,100\n"
    )
    report = csv_parser.upload_validate(body)
    assert (report.rows, report.rows_ok) == (4, 1)
    assert [(p.line, p.field) for p in report.problems] == [
        (3, "observed_at"),
        (4, "station_id"),
        (4, "parameter"),
        (4, "value"),
        (5, "value"),
        (5, "lat/lon"),
    ]
    with pytest.raises(PayloadInvalid) as caught:
        csv_parser.upload_parse(body)
    assert "บรรทัด 3" in caught.value.bilingual() and "line 3" in caught.value.bilingual()


def test_csv_upload_missing_columns():
    report = csv_parser.upload_validate(b"station,time,value\nx,y,1\n")
    assert [(p.line, p.message_en) for p in report.problems] == [
        (1, "missing required columns: station_id, observed_at, parameter")
    ]
