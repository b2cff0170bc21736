from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.enable_socket,
    pytest.mark.django_db(transaction=True),
]


def test_home_is_thai_and_switches_to_english_and_back(page: Page, live_server):
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "th")
    expect(page.locator("h1")).to_have_text("รัฐบาลเปิดที่ทุกคนมีส่วนร่วมได้")
    expect(page.get_by_role("heading", name="องค์ประกอบแปดด้านของระบบนิเวศ OG&MP")).to_be_visible()
    screenshot(page, "home-th-desktop")

    page.get_by_role("button", name="English").click()
    page.wait_for_url(live_server.url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Open government you can take part in")
    expect(page.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")
    screenshot(page, "home-en-desktop")

    page.get_by_role("button", name="ไทย").click()
    page.wait_for_url(live_server.url + "/")
    expect(page.locator("h1")).to_have_text("รัฐบาลเปิดที่ทุกคนมีส่วนร่วมได้")


def test_home_fits_a_phone_screen(phone_page: Page, live_server):
    phone_page.goto(live_server.url + "/")
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0
    screenshot(phone_page, "home-th-phone")


def test_skip_link_is_first_and_moves_focus_to_main(page: Page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "ข้ามไปยังเนื้อหาหลัก"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.url.endswith("/#main")


def test_phone_menu_folds_behind_a_button(phone_page: Page, live_server):
    phone_page.goto(live_server.url + "/")
    menu_button = phone_page.get_by_role("button", name="เมนู")
    organisations = phone_page.get_by_role("navigation", name="เมนูหลัก").get_by_role(
        "link", name="หน่วยงานและองค์กร"
    )
    expect(menu_button).to_have_attribute("aria-expanded", "false")
    expect(organisations).to_be_hidden()
    screenshot(phone_page, "home-th-phone-menu-closed")

    menu_button.click()
    expect(menu_button).to_have_attribute("aria-expanded", "true")
    expect(organisations).to_be_visible()
    screenshot(phone_page, "home-th-phone-menu-open")

    phone_page.keyboard.press("Escape")
    expect(organisations).to_be_hidden()
    expect(menu_button).to_be_focused()


def test_desktop_shows_the_menu_without_a_button(page: Page, live_server):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("button", name="เมนู")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="เมนูหลัก").get_by_role("link", name="หน่วยงานและองค์กร")
    ).to_be_visible()
