"""Air-quality pages in a real browser: map (tiles fail offline — the page must still work),
station page with charts, province page; desktop and phone screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from opengov.airquality.demo import load_captured_payloads
from opengov.geo.selectors import area_index_clear
from opengov.geo.services import area_layers_load
from tests.browser.conftest import ARTIFACTS, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.enable_socket,
    pytest.mark.django_db(transaction=True),
]

GEO = Path(settings.OPENGOV_DATA_DIR) / "geo"


@pytest.fixture
def air_data() -> Iterator[None]:
    area_index_clear()
    area_layers_load(
        sources=[str(GEO / "sea_countries_adm0.geojson"), str(GEO / "th_provinces_adm1.geojson")]
    )
    area_index_clear()
    load_captured_payloads(lambda _line: None)
    yield
    area_index_clear()


def _no_horizontal_overflow(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0


def test_map_page_shows_markers_table_and_old_data_notice(page: Page, live_server, air_data):
    page.goto(live_server.url + "/air/")
    expect(page.locator("h1")).to_contain_text("คุณภาพอากาศ")
    expect(page.get_by_text("36 สถานี", exact=False).first).to_be_visible()
    # The demo data is months old: nothing may be shown as current.
    expect(page.locator(".air-notice--past").first).to_be_visible()
    expect(page.locator(".air-marker")).to_have_count(33)
    expect(page.locator(".air-marker.aqi-th-none")).to_have_count(33)
    expect(page.locator(".leaflet-overlay-pane path").first).to_be_attached()
    screenshot(page, "air-map-th-desktop")

    # As of the time of the captured payload the markers carry bands and numbers.
    page.goto(live_server.url + "/air/?at=2026-08-23T17:30%2B07:00")
    expect(page.locator(".air-marker.aqi-th-none")).to_have_count(4)  # flagged by the source
    first = page.locator(".air-marker").first
    expect(first).not_to_have_text("")
    first.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".air-popup")).to_be_visible()
    expect(page.locator(".air-popup")).to_contain_text("ค่าเฉลี่ย 24 ชั่วโมง")
    screenshot(page, "air-map-th-desktop-at")
    page.locator(".air-map-wrap").screenshot(path=str(ARTIFACTS / "air-map-th-desktop-at-map.png"))


def test_map_page_on_a_phone(phone_page: Page, live_server, air_data):
    phone_page.goto(live_server.url + "/air/?at=2026-08-23T17:30%2B07:00")
    expect(phone_page.locator(".air-marker")).to_have_count(33)
    _no_horizontal_overflow(phone_page)
    screenshot(phone_page, "air-map-th-phone")
    phone_page.screenshot(path=str(ARTIFACTS / "air-map-th-phone-top.png"))


def test_station_page_charts_and_period_switch(page: Page, live_server, air_data):
    page.goto(live_server.url + "/air/stations/air4thai/35t/")
    expect(page.locator("h1")).to_contain_text("ศูนย์ราชการจังหวัดเชียงใหม่")
    expect(page.locator("#hourly-chart svg")).to_be_visible()
    screenshot(page, "air-station-35t-th-desktop")
    page.screenshot(path=str(ARTIFACTS / "air-station-35t-th-desktop-top.png"))
    page.locator("#hourly-chart").get_by_role("link", name="30 วัน").click()
    expect(page.locator("#hourly-chart h2")).to_contain_text("30")
    assert page.url.endswith("?days=30")
    page.goto(live_server.url + "/en/air/stations/air4thai/35t/?at=2026-08-23T17:30%2B07:00")
    expect(page.locator(".air-now")).to_contain_text("Advice for at-risk groups")
    screenshot(page, "air-station-35t-en-desktop-at")


def test_station_and_province_pages_on_a_phone(phone_page: Page, live_server, air_data):
    phone_page.goto(live_server.url + "/air/stations/air4thai/35t/")
    _no_horizontal_overflow(phone_page)
    screenshot(phone_page, "air-station-35t-th-phone")
    phone_page.goto(live_server.url + "/air/provinces/50/?at=2026-08-23T17:30%2B07:00")
    expect(phone_page.locator("h1")).to_contain_text("เชียงใหม่")
    expect(phone_page.locator(".leaflet-overlay-pane path")).to_have_count(2)
    _no_horizontal_overflow(phone_page)
    screenshot(phone_page, "air-province-50-th-phone")


def test_province_page(page: Page, live_server, air_data):
    page.goto(live_server.url + "/air/provinces/50/")
    expect(page.locator("h1")).to_contain_text("เชียงใหม่")
    expect(page.locator("#trend-title")).to_be_visible()
    expect(page.locator(".leaflet-overlay-pane path")).to_have_count(2)
    screenshot(page, "air-province-50-th-desktop")
