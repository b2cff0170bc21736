"""The public air-quality pages on the captured demo data (Thai and English)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from opengov.airquality.demo import load_captured_payloads
from opengov.airquality.models import RawPayload, Station
from opengov.geo.models import Area, LayerLoad
from opengov.geo.selectors import area_index_clear
from opengov.geo.services import area_layers_load

GEO = Path(settings.OPENGOV_DATA_DIR) / "geo"
AT_PAYLOAD = "2026-08-23T17:30+07:00"  # half an hour after the captured latest-values payload


def _clear() -> None:
    Station.objects.all().delete()
    RawPayload.objects.all().delete()
    Area.objects.all().delete()
    LayerLoad.objects.all().delete()
    area_index_clear()


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        _clear()
        area_layers_load(sources=[str(GEO / "th_provinces_adm1.geojson")])
        area_index_clear()
        load_captured_payloads(lambda _line: None)
    yield
    with django_db_blocker.unblock():
        _clear()


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def _get(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_map_page_thai_counts_every_station_and_shows_no_old_value_as_current(client: Client):
    page = _get(client, "/air/")
    assert '<html lang="th" class="no-js">' in page
    assert "คุณภาพอากาศ: แผนที่สถานีตรวจวัด" in page
    assert "36 สถานี" in page  # 33 in the latest payload + 02t, 05t, 08t from the history export
    assert "มีข้อมูลปัจจุบัน 0 สถานี ไม่มีข้อมูลปัจจุบัน 36 สถานี" in page
    assert "ไม่มีสถานีใดรายงานข้อมูลในช่วง 3 ชั่วโมงที่ผ่านมา" in page
    assert re.search(r"ค่าล่าสุดเมื่อ \d+ วันที่แล้ว", page)  # age of the last reading, in days
    assert "?at=2026-08-23T11%3A00%3A00%2B00%3A00" in page  # link to the newest data


def test_map_page_json_has_33_markers(client: Client):
    response = client.get("/air/")
    markers = response.context["map_data"]["markers"]
    assert len(markers) == 33  # the export-only stations have no coordinates
    assert all(m["stale"] and m["band"] == 0 and m["aqi"] == "–" for m in markers)


def test_map_page_as_of_the_payload_shows_bands_and_both_pm25_values(client: Client):
    page = _get(client, f"/air/?at={AT_PAYLOAD.replace('+', '%2B')}")
    assert "คุณกำลังดูข้อมูลย้อนหลัง" in page
    assert "มีข้อมูลปัจจุบัน 29 สถานี ไม่มีข้อมูลปัจจุบัน 7 สถานี" in page
    response = client.get("/air/", {"at": AT_PAYLOAD})
    markers = {m["name"]: m for m in response.context["map_data"]["markers"]}
    city_hall = markers["ศูนย์ราชการจังหวัดเชียงใหม่"]
    assert (city_hall["band"], city_hall["aqi"], city_hall["pm25_24h"]) == (1, "24", "14.3")
    assert city_hall["bandName"] == "คุณภาพอากาศดีมาก"
    labels = response.context["map_data"]["labels"]
    assert labels["this_hour"] != labels["official"]


def test_map_page_english_and_sorting(client: Client):
    page = _get(client, "/en/air/?sort=worst")
    assert '<html lang="en" class="no-js">' in page
    assert "36 stations" in page
    assert "City Hall, Chiangmai" in page
    assert 'aria-current="true" class="air-sort__current">worst first' in page


def test_map_page_filters_by_province(client: Client):
    page = _get(client, "/air/?province=50")
    assert "2 สถานี" in page
    assert "เชียงใหม่" in page


def test_invalid_at_is_reported_and_ignored(client: Client):
    page = _get(client, "/en/air/?at=yesterday")
    assert "is not a date and time we understand" in page


def test_station_page_thai(client: Client):
    page = _get(client, "/air/stations/air4thai/35t/")
    assert "<h1>ศูนย์ราชการจังหวัดเชียงใหม่</h1>" in page
    assert "ไม่มีข้อมูลปัจจุบัน" in page
    # The charts end at the newest hourly value (8 Jan 2025, 23:00 ICT), not at "now".
    assert "กราฟจึงสิ้นสุดที่ค่ารายชั่วโมงล่าสุด 8 มกราคม 2568 เวลา 23:00 น." in page
    assert "เกินค่ามาตรฐาน 24 ชั่วโมง (37.5 มคก./ลบ.ม.) 0 วัน ใน 30 วันนี้" in page
    assert "ค่ารายชั่วโมง 168 ค่า สูงสุด 62.5 มคก./ลบ.ม." in page
    assert "/api/v1/airquality/stations/air4thai/35t/readings.csv?param=PM25" in page
    assert "<svg" in page and '<title id="chart-hourly-title">' in page


def test_station_page_csv_link_works(client: Client):
    response = client.get("/air/stations/air4thai/35t/")
    csv = client.get(response.context["csv_url"])
    assert csv.status_code == 200
    assert len(csv.content.decode().strip().splitlines()) == 1 + 168


def test_station_page_30_days_and_days_over_the_standard(client: Client):
    page = _get(client, "/en/air/stations/air4thai/35t/?days=30")
    assert "PM2.5 every hour, last 30 days" in page
    page = _get(client, "/air/stations/air4thai/03t/")
    assert "เกินค่ามาตรฐาน 24 ชั่วโมง (37.5 มคก./ลบ.ม.) 13 วัน ใน 30 วันนี้" in page


def test_station_page_as_of_the_payload_gives_band_and_advice(client: Client):
    page = _get(client, f"/en/air/stations/air4thai/35t/?at={AT_PAYLOAD.replace('+', '%2B')}")
    assert "<h1>City Hall, Chiangmai</h1>" in page
    assert "At that time" in page
    assert "Very good" in page
    assert "Advice for the general public" in page and "Advice for at-risk groups" in page
    assert "14.3 µg/m³" in page


def test_province_page(client: Client):
    page = _get(client, "/air/provinces/50/")
    assert "คุณภาพอากาศจังหวัดเชียงใหม่" in page
    assert "ไม่มีสถานีในจังหวัดนี้ที่มีข้อมูลปัจจุบัน" in page
    assert "ค่าเฉลี่ย PM2.5 รายวันจังหวัดเชียงใหม่" in page
    page = _get(client, f"/en/air/provinces/50/?at={AT_PAYLOAD.replace('+', '%2B')}")
    assert "Air quality in Chiang Mai" in page
    assert "Worst station now" in page and "City Hall, Chiangmai" in page


@pytest.mark.parametrize(
    "url",
    [
        "/air/stations/air4thai/nope/",
        "/en/air/stations/unknown/35t/",
        "/air/provinces/999/",
        "/en/air/provinces/xx/",
    ],
)
def test_unknown_station_or_province_is_404(client: Client, url: str):
    _get(client, url, status=404)


def test_home_links_to_the_map(client: Client):
    page = _get(client, "/")
    assert 'href="/air/"' in page
    assert "แผนที่คุณภาพอากาศ" in page
