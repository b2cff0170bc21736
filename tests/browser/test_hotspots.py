"""Fire-hotspot pages in a real browser on the captured MODIS 2019-04-05/06 file: the map (points
from the API; tiles fail offline), the province table and the cross-border panel, on a desktop
and a phone, with keyboard use."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from opengov.geo.selectors import area_index_clear
from opengov.geo.services import area_layers_load
from opengov.hotspots.services import firms_ingest
from tests.browser.conftest import ARTIFACTS, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.enable_socket,
    pytest.mark.django_db(transaction=True),
]

GEO = Path(settings.OPENGOV_DATA_DIR) / "geo"
MODIS_2019 = (
    Path(settings.OPENGOV_DATA_DIR)
    / "firms"
    / ("MODIS_C6_Global_24h__2019-04-05_06__mainland-SEA-bbox.csv")
)
MAP_2019 = "/hotspots/?window=custom&start=2019-04-05&end=2019-04-06&series=MODIS"
PROVINCES_2019 = "/hotspots/provinces/?today=2019-04-06&series=MODIS"
CROSS_BORDER_2019 = "/hotspots/cross-border/?series=MODIS&end=2019-04-07&days=7"


@pytest.fixture
def hotspot_data() -> Iterator[None]:
    area_index_clear()
    area_layers_load(
        sources=[str(GEO / "sea_countries_adm0.geojson"), str(GEO / "th_provinces_adm1.geojson")]
    )
    area_index_clear()
    firms_ingest(
        body=MODIS_2019.read_bytes(),
        fetched_at=datetime(2026, 12, 5, tzinfo=UTC),
        origin=MODIS_2019.name,
    )
    yield
    area_index_clear()


def _no_horizontal_overflow(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0


def test_map_page_draws_the_detections_and_the_summary(page: Page, live_server, hotspot_data):
    page.goto(live_server.url + MAP_2019)
    expect(page.locator("h1")).to_have_text("จุดความร้อน: แผนที่")
    expect(page.locator("#hs-map.leaflet-container")).to_be_visible()
    expect(page.locator("#country-table tbody tr").first).to_contain_text("เมียนมา")
    expect(page.locator("#province-table tbody tr").first).to_contain_text("แม่ฮ่องสอน")
    expect(page.locator("#province-table tfoot")).to_contain_text("246")
    # The map script reports either the points it drew or that the API failed, never nothing.
    expect(page.locator("#hs-map-status")).not_to_have_text("กำลังโหลดจุดความร้อน…")
    loaded = page.locator("#hs-map").get_attribute("data-loaded")
    if loaded != "error":
        assert loaded == "3731"
        expect(page.locator("#hs-map-status")).to_have_text("แสดง 3,731 จุดบนแผนที่")
        page.get_by_label("ประเภทพื้นที่", exact=True).check()
        expect(page.locator(".hs-legend[data-mode='land_use']")).to_be_visible()
        expect(page.locator(".hs-legend[data-mode='frp']")).to_be_hidden()
    screenshot(page, "hotspots-map-th-desktop")
    page.locator(".hs-map-wrap").screenshot(path=str(ARTIFACTS / "hotspots-map-th-desktop-map.png"))


def test_map_page_keyboard_and_empty_window(page: Page, live_server, hotspot_data):
    page.goto(live_server.url + "/hotspots/?series=MODIS")
    expect(page.locator("#newest-link")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # The newest MODIS detection of the file: 6 April 2019, 06:55 UTC = 13:55 ICT.
    page.locator("#newest-link").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**end=2019-04-06T13%3A56%2B07%3A00*")
    expect(page.locator(".hs-count")).to_have_text("พบ 2992 จุดในช่วงเวลานี้")
    expect(page.locator(".hs-notice--past")).to_contain_text("คุณกำลังดูช่วงเวลาย้อนหลัง")
    # The filter is a plain GET form: choose 7 days with the keyboard and submit.
    page.locator("input[name='window'][value='7d']").focus()
    page.keyboard.press("Space")
    page.locator(".hs-filters button[type='submit']").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**window=7d*")
    expect(page.locator(".hs-count")).to_have_text("พบ 3731 จุดในช่วงเวลานี้")
    screenshot(page, "hotspots-map-th-desktop-newest")


def test_map_page_on_a_phone(phone_page: Page, live_server, hotspot_data):
    phone_page.goto(live_server.url + MAP_2019)
    expect(phone_page.locator("#hs-map.leaflet-container")).to_be_visible()
    _no_horizontal_overflow(phone_page)
    screenshot(phone_page, "hotspots-map-th-phone")
    phone_page.screenshot(path=str(ARTIFACTS / "hotspots-map-th-phone-top.png"))
    phone_page.locator("#hs-map").scroll_into_view_if_needed()
    phone_page.screenshot(path=str(ARTIFACTS / "hotspots-map-th-phone-map.png"))


def test_province_table_desktop_and_phone(page: Page, phone_page: Page, live_server, hotspot_data):
    page.goto(live_server.url + PROVINCES_2019)
    rows = page.locator("#province-table tbody tr")
    expect(rows).to_have_count(48)
    expect(rows.first.locator("th")).to_contain_text("แม่ฮ่องสอน")
    expect(rows.first.locator("td").nth(0)).to_have_text("42")
    expect(page.locator("#province-table tfoot td").nth(0)).to_have_text("172")
    screenshot(page, "hotspots-provinces-th-desktop")
    page.get_by_role("link", name="จังหวัด", exact=True).click()
    expect(page.locator("th[aria-sort='ascending']")).to_contain_text("จังหวัด")

    phone_page.goto(live_server.url + PROVINCES_2019.replace("/hotspots/", "/en/hotspots/"))
    expect(phone_page.locator("#province-table tbody tr").first).to_contain_text("Mae Hong Son")
    _no_horizontal_overflow(phone_page)
    screenshot(phone_page, "hotspots-provinces-en-phone")
    phone_page.locator("#province-table").scroll_into_view_if_needed()
    phone_page.screenshot(path=str(ARTIFACTS / "hotspots-provinces-en-phone-table.png"))


def test_cross_border_panel_desktop_and_phone(
    page: Page, phone_page: Page, live_server, hotspot_data
):
    page.goto(live_server.url + CROSS_BORDER_2019)
    expect(page.locator("#cross-border-table tbody tr")).to_have_count(7)
    sixth_april = page.locator("#cross-border-table tbody tr").nth(5)  # 1…7 April 2019
    expect(sixth_april.locator("th")).to_have_text("6 เมษายน 2562")
    expect(sixth_april.locator("td")).to_have_text(["180", "1865", "395", "33", "62"])
    expect(page.locator(".hs-chart svg rect")).to_have_count(35)
    screenshot(page, "hotspots-cross-border-th-desktop")
    phone_page.goto(live_server.url + CROSS_BORDER_2019)
    expect(phone_page.locator(".hs-chart svg")).to_be_visible()
    _no_horizontal_overflow(phone_page)
    screenshot(phone_page, "hotspots-cross-border-th-phone")


def test_bad_value_shows_the_message_not_an_error_page(page: Page, live_server, hotspot_data):
    response = page.goto(live_server.url + "/hotspots/cross-border/?days=100")
    assert response is not None and response.status == 400
    expect(page.locator("#filter-error")).to_contain_text("unknown number of days")
    expect(page.locator("#id_days")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "hotspots-cross-border-th-error")
