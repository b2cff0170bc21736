"""The public hotspot pages on the real captured FIRMS files (MODIS 2019-04-05/06 and 2025-04-23/24,
VIIRS S-NPP 2020-10-02) with the real country, province and district boundaries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from opengov.hotspots.firms_notice import (
    FIRMS_ACKNOWLEDGEMENT,
    FIRMS_ACKNOWLEDGEMENT_TH,
    FIRMS_DISCLAIMER,
    FIRMS_DISCLAIMER_TH,
)
from opengov.hotspots.models import DailyCount, Detection, FirmsPayload
from opengov.hotspots.services import firms_ingest
from opengov.hotspots.tests.conftest import MODIS_2019, MODIS_2025, VIIRS_SNPP_API, firms_bytes

NOW = datetime(2026, 12, 5, 5, 0, tzinfo=UTC)  # 12:00 ICT; the demo files are years old


def _clear() -> None:
    DailyCount.objects.all().delete()
    Detection.objects.all().delete()
    FirmsPayload.objects.all().delete()


@pytest.fixture(scope="module")
def firms_files(reference_areas, django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        _clear()
        for name in (MODIS_2019, MODIS_2025, VIIRS_SNPP_API):
            firms_ingest(body=firms_bytes(name), fetched_at=NOW, origin=name)
    yield
    with django_db_blocker.unblock():
        _clear()


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("firms_files")]


@pytest.fixture(autouse=True)
def frozen_now() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def _get(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def _assert_firms_notice(page: str, *, thai: bool) -> None:
    text = re.sub(r"<[^>]+>", "", page).replace("&#x27;", "'")
    assert FIRMS_ACKNOWLEDGEMENT in text
    assert (FIRMS_ACKNOWLEDGEMENT_TH in text) is thai
    assert (FIRMS_DISCLAIMER_TH if thai else FIRMS_DISCLAIMER) in text


# --- map --------------------------------------------------------------------------------------


def test_map_default_window_is_empty_and_links_to_the_newest_detection(client: Client):
    page = _get(client, "/hotspots/")
    assert '<html lang="th" class="no-js">' in page
    assert "<h1>จุดความร้อน: แผนที่</h1>" in page
    assert "พบ 0 จุดในช่วงเวลานี้" in page
    assert "ไม่พบจุดความร้อนจากชุดข้อมูลนี้ในช่วงเวลานี้" in page
    # The newest VIIRS S-NPP detection: 2020-10-02 03:24 UTC = 10:24 ICT (Buddhist era 2563).
    assert "จุดล่าสุดที่เรามีคือเมื่อ 2 ตุลาคม 2563 เวลา 10:24 น." in page
    assert 'href="?window=24h&amp;end=2020-10-02T10%3A25%2B07%3A00" id="newest-link"' in page
    _assert_firms_notice(page, thai=True)


def test_map_newest_link_shows_the_snpp_detections(client: Client):
    response = client.get("/hotspots/", {"window": "24h", "end": "2020-10-02T10:25+07:00"})
    assert response.status_code == 200
    assert response.context["in_window"] == 300
    page = response.content.decode()
    assert "พบ 300 จุดในช่วงเวลานี้" in page
    assert "คุณกำลังดูช่วงเวลาย้อนหลัง" in page
    params = response.context["map_data"]["params"]
    assert params == {
        "format": "geojson",
        "start": "2020-10-01T03:25:00Z",
        "end": "2020-10-02T03:25:00Z",
        "series": "VIIRS_SNPP",
        "confidence": "default",
        "limit": "5000",
    }


def test_map_modis_custom_window_summary_tables(client: Client):
    response = client.get(
        "/en/hotspots/",
        {"window": "custom", "start": "2019-04-05", "end": "2019-04-06", "series": "MODIS"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="en" class="no-js">' in page
    countries = {row.area.code: row.count for row in response.context["countries"]}
    assert {code: countries[code] for code in ("THA", "MMR", "LAO", "KHM", "VNM")} == {
        "THA": 256,
        "MMR": 2359,
        "LAO": 648,
        "KHM": 51,
        "VNM": 168,
    }
    assert response.context["country_total"] == 3723
    assert response.context["outside_countries"] == 8
    provinces = response.context["provinces"]
    assert (provinces[0].area.name, provinces[0].count) == ("Mae Hong Son", 59)
    assert response.context["province_total"] == 246
    assert response.context["thai_without_province"] == 10
    assert "10 detections in Thailand lie outside every province boundary" in page
    assert response.context["in_window"] == 3731  # 3723 in countries + 8 at sea
    assert "3731 detections in this window." in page
    assert "every detection is in the class “unknown”" in page
    _assert_firms_notice(page, thai=False)


def test_map_all_confidences_count_more(client: Client):
    response = client.get(
        "/hotspots/",
        {
            "window": "custom",
            "start": "2019-04-05",
            "end": "2019-04-06",
            "series": "MODIS",
            "confidence": "all",
        },
    )
    countries = {row.area.code: row.count for row in response.context["countries"]}
    assert countries["THA"] == 269
    assert countries["MMR"] == 2430


@pytest.mark.parametrize(
    ("query", "field", "thai"),
    [
        ("window=3d", "window", "ไม่รู้จักช่วงเวลา"),
        ("series=GOES", "series", "ไม่รู้จักชุดข้อมูล"),
        ("confidence=high", "confidence", "ไม่รู้จักตัวกรองความเชื่อมั่น"),
        ("end=yesterday", "end", "ไม่ใช่วันเวลา"),
        ("window=custom&start=2019-04-06", "start", "ต้องมีทั้งวันเริ่มต้นและวันสิ้นสุด"),
        ("window=custom&start=2019-04-06&end=2019-04-01", "end", "วันสิ้นสุดอยู่ก่อนวันเริ่มต้น"),
        ("window=custom&start=2019-01-01&end=2019-04-01", "end", "ยาวได้ไม่เกิน 31 วัน"),
    ],
)
def test_map_bad_values_give_a_bilingual_400(client: Client, query: str, field: str, thai: str):
    response = client.get(f"/hotspots/?{query}")
    assert response.status_code == 400
    page = response.content.decode()
    assert response.context["filter_error"].field == field
    assert thai in page
    assert response.context["filter_error"].message_en in page.replace("&#x27;", "'")
    assert 'role="alert"' in page
    _assert_firms_notice(page, thai=True)


# --- provinces --------------------------------------------------------------------------------


def test_province_table_modis_2019_04_06(client: Client):
    response = client.get("/hotspots/provinces/", {"today": "2019-04-06", "series": "MODIS"})
    assert response.status_code == 200
    table = response.context["table"]
    totals = table.totals
    assert (
        totals.today,
        totals.last_7_days,
        totals.season_to_date,
        totals.last_season_same_period,
    ) == (172, 246, 246, 0)
    assert totals.season_by_class == {"unknown": 246}
    rows = response.context["rows"]
    assert len(rows) == 48
    first = rows[0]
    assert (first.area.code, first.area.name, first.area.other) == (
        "58",
        "แม่ฮ่องสอน",
        "Mae Hong Son",
    )
    assert (first.counts.today, first.counts.last_7_days, first.counts.season_to_date) == (
        42,
        59,
        59,
    )
    page = response.content.decode()
    assert "รายจังหวัด ณ วันที่ 6 เมษายน 2562" in page
    assert "ตั้งแต่ต้นฤดู: 1 มกราคม 2562 ถึง 6 เมษายน 2562" in page
    assert '<th scope="row">ทุกจังหวัด</th>' in page
    assert "ตั้งแต่ต้นฤดู: ไม่ทราบ (ไม่มีชั้นข้อมูลการใช้ที่ดิน)" in page  # the only class column
    _assert_firms_notice(page, thai=True)


def test_province_table_the_day_before_and_the_next_season(client: Client):
    before = client.get("/hotspots/provinces/", {"today": "2019-04-05", "series": "MODIS"})
    assert before.context["table"].totals.today == 74
    next_season = client.get("/hotspots/provinces/", {"today": "2020-04-06", "series": "MODIS"})
    totals = next_season.context["table"].totals
    assert (totals.season_to_date, totals.last_season_same_period) == (0, 246)


def test_province_table_sorted_by_name_in_english(client: Client):
    response = client.get(
        "/en/hotspots/provinces/", {"today": "2019-04-06", "series": "MODIS", "sort": "name"}
    )
    names = [row.area.name for row in response.context["rows"]]
    assert names == sorted(names)
    assert 'aria-sort="ascending"' in response.content.decode()


def test_province_table_default_day_has_no_data_and_links_to_the_newest_day(client: Client):
    response = client.get("/hotspots/provinces/", {"series": "MODIS"})
    # 5 Dec 2026 lies after the 2026 season (1 Jan – 31 May); its "last season" is 2025.
    table = response.context["table"]
    assert (table.season.start.isoformat(), table.season_until.isoformat()) == (
        "2026-01-01",
        "2026-05-31",
    )
    assert (table.totals.today, table.totals.season_to_date) == (0, 0)
    # The 2025 MODIS file: 106 detections in Thailand; 100 lie in a province and pass the filter.
    assert table.totals.last_season_same_period == 100
    page = response.content.decode()
    assert "ไม่พบจุดความร้อนจากชุดข้อมูลนี้ในจังหวัดใดของไทยในวันนี้" in page
    assert 'href="?today=2025-04-25&amp;series=MODIS" id="newest-link"' in page
    empty = _get(client, "/hotspots/provinces/?series=VIIRS_NOAA21")
    assert "ไม่พบจุดความร้อนจากชุดข้อมูลนี้ในจังหวัดใดของไทยในฤดูนี้" in empty


def test_province_csv(client: Client):
    response = client.get("/en/hotspots/provinces/csv/", {"today": "2019-04-06", "series": "MODIS"})
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines[0] == (
        "province_code,name_en,today,last_7_days,season_to_date,last_season_same_period,"
        "season_unknown"
    )
    assert lines[1] == "58,Mae Hong Son,42,59,59,0,59"
    assert lines[49] == ",Total,172,246,246,0,246"
    assert lines[-2] == f'"# {FIRMS_ACKNOWLEDGEMENT}"'
    assert lines[-1] == f'"# {FIRMS_DISCLAIMER}"'


@pytest.mark.parametrize(
    "query", ["today=2019-13-01", "series=modis", "confidence=h", "sort=worst"]
)
def test_province_bad_values_give_a_bilingual_400(client: Client, query: str):
    page = _get(client, f"/hotspots/provinces/?{query}", status=400)
    assert "ที่อยู่นี้ขอข้อมูลที่เราแสดงให้ไม่ได้" in page
    assert '<p lang="en">' in page and '<p lang="th">' in page
    assert client.get(f"/hotspots/provinces/csv/?{query}").status_code == 400


# --- cross-border -----------------------------------------------------------------------------


def test_cross_border_modis_days(client: Client):
    response = client.get(
        "/en/hotspots/cross-border/", {"series": "MODIS", "end": "2019-04-07", "days": "7"}
    )
    assert response.status_code == 200
    rows = {row["day"].isoformat(): row["counts"] for row in response.context["rows"]}
    assert len(rows) == 7
    assert rows["2019-04-05"] == [76, 494, 253, 18, 106]  # THA MMR LAO KHM VNM
    assert rows["2019-04-06"] == [180, 1865, 395, 33, 62]
    assert rows["2019-04-07"] == [0, 0, 0, 0, 0]
    assert response.context["totals"] == [256, 2359, 648, 51, 168]
    page = response.content.decode()
    assert '<th scope="row">6 April 2019</th>' in page
    assert page.count('<rect class="hs-c-') == 35
    assert "Myanmar" in page
    _assert_firms_notice(page, thai=False)


def test_cross_border_default_ends_at_the_newest_data(client: Client):
    response = client.get("/hotspots/cross-border/", {"series": "MODIS"})
    assert response.status_code == 200
    assert response.context["ended_early"] is True
    assert response.context["end"].isoformat() == "2025-04-25"
    assert len(response.context["rows"]) == 14
    page = response.content.decode()
    assert "จึงแสดงถึงวันล่าสุดที่มีข้อมูล คือ 25 เมษายน 2568" in page
    assert "เมียนมา" in page


def test_cross_border_bad_days_give_a_400(client: Client):
    page = _get(client, "/hotspots/cross-border/?days=100", status=400)
    assert "จำนวนวัน '100' ไม่ถูกต้อง" in page.replace("&#x27;", "'")
    assert "unknown number of days '100'" in page.replace("&#x27;", "'")


def test_nav_link_and_home_card(client: Client):
    page = _get(client, "/")
    assert '<a href="/hotspots/">จุดความร้อน</a>' in page
    english = _get(client, "/en/")
    assert '<a href="/en/hotspots/">Fire hotspots</a>' in english
