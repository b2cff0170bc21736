"""Air-quality API on the real captured Air4Thai payloads."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
import time_machine

from opengov.airquality.models import RawPayload, Reading, Station
from opengov.airquality.services import readings_ingest_payload

BASE = "/api/v1/airquality"
FEED_NOW = datetime(2026, 8, 23, 11, 0, tzinfo=UTC)  # 18:00 ICT


@pytest.fixture(scope="module")
def captured(django_db_setup, django_db_blocker, latest_bytes, pivot_bytes):
    with django_db_blocker.unblock():
        for body, kind, options in (
            (latest_bytes, "latest", None),
            (pivot_bytes, "history_pivot", {"station_id": "35t"}),
        ):
            readings_ingest_payload(
                source="air4thai",
                payload_bytes=body,
                kind=kind,
                fetched_at=datetime(2026, 8, 23, 10, 31, tzinfo=UTC),
                options=options,
            )
        Station.objects.filter(source_id__in=["35t", "36t"]).update(province_code="50")
    yield
    with django_db_blocker.unblock():
        Reading.objects.all().delete()
        Station.objects.all().delete()
        RawPayload.objects.all().delete()


@pytest.mark.django_db
def test_stations_list_paginated(client, captured):
    body = client.get(f"{BASE}/stations", {"limit": 2, "offset": 1}).json()
    assert body["count"] == 33
    assert [s["source_id"] for s in body["items"]] == ["100t", "101t"]  # after 03t (text order)
    chiang_mai = client.get(f"{BASE}/stations", {"province": "50"}).json()
    assert [s["source_id"] for s in chiang_mai["items"]] == ["35t", "36t"]
    assert client.get(f"{BASE}/stations", {"kind": "mobile"}).json()["count"] == 1
    assert client.get(f"{BASE}/stations", {"limit": 0}).status_code == 422


@pytest.mark.django_db
def test_station_detail_and_404(client, captured):
    response = client.get(f"{BASE}/stations/air4thai/35t")
    assert response.status_code == 200
    station = response.json()
    assert station["source_id"] == "35t"
    assert station["province_code"] == "50"
    assert station["attribution"].startswith("ที่มา: กรมควบคุมมลพิษ (Air4Thai)")
    missing = client.get(f"{BASE}/stations/air4thai/nope")
    assert missing.status_code == 404
    assert missing.json() == {
        "detail": "No station nope of source air4thai.",
        "detail_th": "ไม่พบสถานี nope ของแหล่งข้อมูล air4thai",
    }


@pytest.mark.django_db
def test_readings_daily(client, captured):
    response = client.get(
        f"{BASE}/stations/air4thai/35t/readings",
        {"from": "2025-01-07T00:00:00+07:00", "to": "2025-01-08T23:59:59+07:00", "interval": "day"},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["parameter"], body["unit"], body["source"], body["interval"]) == (
        "PM25",
        "µg/m³",
        "air4thai",
        "day",
    )
    assert body["points"][-1] == {
        "time": "2025-01-08",
        "value": 36.33,
        "count": 24,
        "averaging": "1h",
        "unit": "µg/m³",
        "source": "air4thai",
    }


@pytest.mark.django_db
def test_readings_hourly_times_in_thai_time(client, captured):
    body = client.get(
        f"{BASE}/stations/air4thai/35t/readings",
        {"param": "pm2.5", "from": "2025-01-08T22:00:00+07:00", "to": "2025-01-08T16:00:00Z"},
    ).json()
    assert [(p["time"], p["value"]) for p in body["points"]] == [
        ("2025-01-08T22:00:00+07:00", 40.9),
        ("2025-01-08T23:00:00+07:00", 39.0),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"param": "PM1"}, "param"),
        ({"interval": "week"}, "interval"),
        ({"averaging": "2h"}, "averaging"),
        ({"from": "2025-01-08"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "2025-01-09T00:00:00+07:00", "to": "2025-01-08T00:00:00+07:00"}, "from"),
        ({"from": "2024-01-01T00:00:00+07:00", "to": "2025-01-08T00:00:00+07:00"}, "to"),
    ],
)
def test_readings_bad_parameters_422(client, captured, query, field):
    response = client.get(f"{BASE}/stations/air4thai/35t/readings", query)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", field]
    assert field in error["msg"] and field in error["msg_th"]
    assert error["msg"] != error["msg_th"]


@pytest.mark.django_db
def test_readings_unknown_station_404(client, captured):
    assert client.get(f"{BASE}/stations/air4thai/nope/readings").status_code == 404
    assert client.get(f"{BASE}/stations/air4thai/nope/readings.csv").status_code == 404


@pytest.mark.django_db
def test_readings_csv(client, captured):
    response = client.get(
        f"{BASE}/stations/air4thai/35t/readings.csv",
        {"from": "2025-01-08T00:00:00+07:00", "to": "2025-01-08T23:59:59+07:00", "interval": "day"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="air4thai_35t_PM25_day_2025-01-08_2025-01-08.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        [
            "source",
            "station_id",
            "parameter",
            "interval",
            "time",
            "value",
            "unit",
            "averaging",
            "count",
        ],
        ["air4thai", "35t", "PM25", "day", "2025-01-08", "36.33", "µg/m³", "1h", "24"],
    ]
    hourly = client.get(
        f"{BASE}/stations/air4thai/35t/readings.csv",
        {"from": "2025-01-08T00:00:00+07:00", "to": "2025-01-08T23:00:00+07:00"},
    )
    hourly_rows = list(csv.reader(io.StringIO(hourly.content.decode("utf-8-sig"))))
    assert len(hourly_rows) == 25
    assert hourly_rows[-1][4:8] == ["2025-01-08T23:00:00+07:00", "39", "µg/m³", "1h"]
    assert (
        client.get(f"{BASE}/stations/air4thai/35t/readings.csv", {"param": "x"}).status_code == 422
    )


@pytest.mark.django_db
def test_latest_json(client, captured):
    with time_machine.travel(FEED_NOW, tick=False):
        body = client.get(f"{BASE}/latest").json()
    assert body["stale_after_hours"] == 3
    items = {item["station"]["source_id"]: item for item in body["items"]}
    assert len(items) == 33
    s121 = items["121t"]
    assert (s121["aqi"], s121["aqi_pollutant"], s121["aqi_scheme"]) == (55, "PM25", "th-2023")
    assert (s121["band_number"], s121["band_colour"]) == (3, "#FDC04E")
    assert s121["band_name_th"] == "ปานกลาง"
    assert s121["observed_at"] == "2026-08-23T17:00:00+07:00"
    assert s121["pm25_24h"] == {
        "parameter": "PM25",
        "value": 26.0,
        "unit": "µg/m³",
        "averaging": "24h",
        "observed_at": "2026-08-23T17:00:00+07:00",
        "source": "air4thai",
    }
    assert s121["pm25_1h"] is None
    stale = items["31t"]
    assert (stale["is_stale"], stale["age_hours"], stale["band_number"]) == (True, 4.0, 0)
    assert stale["band_colour"] is None


@pytest.mark.django_db
def test_latest_geojson(client, captured):
    with time_machine.travel(FEED_NOW, tick=False):
        response = client.get(f"{BASE}/latest.geojson", {"province": "50"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == ["air4thai:35t", "air4thai:36t"]
    feature = collection["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert 98.9 < lon < 99.1 and 18.7 < lat < 18.9
    props = feature["properties"]
    assert props["aqi"] == 24
    assert (props["band_number"], props["band_colour"], props["band_name_en"]) == (
        1,
        "#00BFF3",
        "Very good",
    )
    assert props["band_name_th"] == "คุณภาพอากาศดีมาก"
    assert (props["pm25_24h"], props["pm25_1h"], props["pm25_unit"]) == (14.3, None, "µg/m³")
    assert (props["is_stale"], props["age_hours"]) == (False, 1.0)
    assert props["observed_at"] == "2026-08-23T17:00:00+07:00"
    assert props["name_en"]


@pytest.mark.django_db
def test_openapi_documents_every_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/airquality/stations",
        "/api/v1/airquality/stations/{source}/{source_id}",
        "/api/v1/airquality/stations/{source}/{source_id}/readings",
        "/api/v1/airquality/stations/{source}/{source_id}/readings.csv",
        "/api/v1/airquality/latest",
        "/api/v1/airquality/latest.geojson",
    ):
        assert path in paths
    readings = paths["/api/v1/airquality/stations/{source}/{source_id}/readings"]["get"]
    assert set(readings["responses"]) == {"200", "404", "422"}
    assert {p["name"] for p in readings["parameters"]} >= {"param", "from", "to", "interval"}
    csv_responses = paths["/api/v1/airquality/stations/{source}/{source_id}/readings.csv"]["get"]
    assert "text/csv" in csv_responses["responses"]["200"]["content"]
