"""Participatory budgeting in a real browser: a citizen votes in the Thai demo process, and the
results page of the real Gdynia 2025 file (budget bar, map, Thai explanation); desktop and phone."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from opengov.budgeting.demo import load_demo_processes
from opengov.budgeting.models import Ballot, Process
from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.enable_socket,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def demo() -> None:
    load_demo_processes(lambda _line: None)


def _sign_in(page: Page, user, live_server) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def _no_horizontal_overflow(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0


def test_citizen_votes_in_the_thai_process(page: Page, live_server, demo, citizen):
    _sign_in(page, citizen, live_server)
    page.goto(live_server.url + "/budget/saensuk-2027/")
    expect(page.locator("h1")).to_contain_text("เทศบาลเมืองแสนสุข")
    page.get_by_role("link", name="ลงคะแนนในพื้นที่นี้").click()
    page.get_by_label("ฉันอาศัยอยู่ใน เทศบาลเมืองแสนสุข").check()
    for title in ("ไฟส่องสว่างทางเดินริมหาดวอนนภา", "ลานกีฬาชุมชนสำหรับเยาวชน"):
        page.get_by_label(title, exact=False).check()
    page.get_by_label("ปลูกต้นไม้ให้ร่มเงาถนนลงหาดบางแสน", exact=False).check()
    page.get_by_role("button", name="ส่งบัตรลงคะแนน").click()
    expect(page.locator(".field__error")).to_contain_text("เกินวงเงิน 500000")
    screenshot(page, "budget-ballot-refused-th-desktop")
    page.get_by_label("ปลูกต้นไม้ให้ร่มเงาถนนลงหาดบางแสน", exact=False).uncheck()
    page.get_by_role("button", name="ส่งบัตรลงคะแนน").click()
    expect(page.locator(".messages")).to_contain_text("บันทึกบัตรลงคะแนนแล้ว")
    assert Ballot.objects.get(channel="internet").vote == ["SS-01", "SS-02"]
    screenshot(page, "budget-process-th-desktop")


def test_results_page_desktop_and_phone(page: Page, phone_page: Page, live_server, demo):
    gdynia = Process.objects.get(slug="gdynia-2025-maly-kack")
    url = f"{live_server.url}/budget/{gdynia.slug}/areas/{gdynia.areas.get().pk}/results/"
    page.goto(url)
    expect(page.locator("h2#budget-title")).to_have_text("ได้รับงบประมาณ 2 โครงการ")
    expect(page.locator(".pb-bar__part")).to_have_count(2)
    expect(page.locator("path.pb-marker")).to_have_count(0)  # the file has no coordinates
    expect(page.locator("#results-table tbody tr")).to_have_count(12)
    screenshot(page, "budget-results-th-desktop")
    phone_page.goto(url)
    expect(phone_page.locator("h2#budget-title")).to_be_visible()
    _no_horizontal_overflow(phone_page)
    screenshot(phone_page, "budget-results-th-phone")
