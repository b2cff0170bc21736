"""The upwind transport-risk index at a station through the database, the API and the page:
the spec's worked example (§5.1) with the station's own wind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from opengov.airquality.models import Reading, Station
from opengov.hotspots.models import Detection, FirmsPayload, ParseStatus

pytestmark = pytest.mark.django_db
HOUR = datetime(2024, 3, 10, 6, 0, tzinfo=UTC)  # 13:00 Thai time
# (lat, lon, FRP, age in hours) of H1–H4 in the spec's table.
HOTSPOTS = {
    "H1": (Decimal("19.30455"), Decimal("97.97165"), 10.0, 18),
    "H2": (Decimal("18.28263"), Decimal("99.65982"), 50.0, 14),
    "H3": (Decimal("20.00000"), Decimal("97.50000"), 20.0, 6),
    "H4": (Decimal("20.42733"), Decimal("99.88384"), 30.0, 28),
}


@pytest.fixture
def worked_example() -> dict[str, int]:
    station = Station.objects.create(
        source="air4thai", source_id="35t", name_en="Chiang Mai", lat=18.840732, lon=98.96978
    )
    for parameter, value, unit in (("WD", "315", "deg"), ("WS", "2", "m/s")):
        Reading.objects.create(
            station=station,
            source="air4thai",
            parameter=parameter,
            averaging="1h",
            value=Decimal(value),
            unit=unit,
            observed_at=HOUR,
            fetched_at=HOUR,
        )
    payload = FirmsPayload.objects.create(
        fetched_at=HOUR, sha256="0" * 64, size=0, body=b"", parse_status=ParseStatus.PARSED
    )
    ids = {}
    for name, (lat, lon, frp, age) in HOTSPOTS.items():
        acquired = HOUR - timedelta(hours=age)
        ids[name] = Detection.objects.create(
            instrument="VIIRS",
            satellite="SNPP",
            acquired_at=acquired,
            acquired_day=(acquired + timedelta(hours=7)).date(),
            lat=lat,
            lon=lon,
            frp=frp,
            confidence_raw="n",
            confidence_class="n",
            confident=True,
            daynight="D",
            country_code="THA" if name != "H3" else "MMR",
            raw_payload=payload,
        ).pk
    return ids


def test_api_reproduces_the_worked_example(client, worked_example):
    data = client.get(
        "/api/v1/hotspots/attribution?station=air4thai:35t&at=2024-03-10T13:00%2B07:00"
    ).json()
    assert data["label_en"] == "Upwind hotspot transport-risk index — not a source apportionment"
    assert data["wind"] == {"from_deg": 315.0, "speed_ms": 2.0, "source": "air4thai:35t WS/WD"}
    rings = {ring["ring_km"]: ring for ring in data["rings"]}
    assert rings[50.0]["score"] == 0 and rings[100.0]["score"] == 0
    assert rings[250.0]["score"] == pytest.approx(1.994, abs=0.005)
    assert (rings[500.0]["count"], rings[500.0]["frp_sum_mw"]) == (1, 10.0)
    assert [c["hotspot_id"] for c in data["contributions"]] == [worked_example["H1"]]
    assert list(data["by_country"]) == ["THA"]


def test_page_shows_the_label_rings_and_contributions(client, worked_example):
    page = client.get("/en/hotspots/upwind/?station=air4thai:35t&at=2024-03-10T13:00")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Upwind hotspot transport-risk index — not a source apportionment" in text
    assert '<th scope="row">250 km</th><td>1</td><td>10.0</td><td>1.994</td>' in text
    assert f'<th scope="row">{worked_example["H1"]}</th><td>116.9</td>' in text
    assert "from 315.0°, 2.0 m/s (air4thai:35t WS/WD)" in text


def test_page_without_wind_says_so_and_bad_values_are_named(client, worked_example):
    page = client.get("/en/hotspots/upwind/?station=air4thai:35t&at=2024-03-11T13:00")
    assert page.status_code == 200
    assert "No usable wind direction for this hour" in page.content.decode()
    unknown = client.get("/en/hotspots/upwind/?station=air4thai:nope")
    assert unknown.status_code == 400
    assert "no station air4thai:nope with coordinates" in unknown.content.decode()
    bad = client.get("/en/hotspots/upwind/?station=air4thai:35t&at=noon")
    assert bad.status_code == 400
