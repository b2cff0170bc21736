from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from opengov.accounts.models import ConsentRecord, User
from opengov.accounts.privacy_notice import PRIVACY_NOTICE_VERSION
from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.enable_socket,
    pytest.mark.django_db(transaction=True),
]


def test_citizen_signs_up_in_thai_then_signs_out_and_in_again(page: Page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="เมนูหลัก").get_by_role("link", name="สมัครสมาชิก").click()
    expect(page.locator("h1")).to_be_visible()

    # A mistake first: the two passwords differ, and the error names the field.
    page.get_by_label("ที่อยู่อีเมล").fill("somchai@example.org")
    page.get_by_label("ชื่อที่แสดง").fill("สมชาย ใจดี")
    page.get_by_label("โทรศัพท์").fill("081-234-5678")
    page.get_by_label("รหัสผ่าน", exact=True).fill("fine-dust-2569")
    page.get_by_label("ยืนยันรหัสผ่าน").fill("fine-dust-2570")
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="สร้างบัญชี").click()
    expect(page.get_by_label("ยืนยันรหัสผ่าน")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "sign-up-error-th")
    assert not User.objects.exists()

    page.get_by_label("รหัสผ่าน", exact=True).fill("fine-dust-2569")
    page.get_by_label("ยืนยันรหัสผ่าน").fill("fine-dust-2569")
    page.get_by_role("button", name="สร้างบัญชี").click()
    page.wait_for_url(live_server.url + "/accounts/profile/")
    expect(page.get_by_text("somchai@example.org").first).to_be_visible()
    screenshot(page, "profile-th")

    user = User.objects.get(email="somchai@example.org")
    assert user.phone == "+66812345678"
    assert user.display_name == "สมชาย ใจดี"
    consent = ConsentRecord.objects.get(user=user)
    assert consent.notice_version == PRIVACY_NOTICE_VERSION
    assert consent.withdrawn_at is None

    page.get_by_role("navigation", name="เมนูหลัก").get_by_role("button", name="ออกจากระบบ").click()
    page.get_by_role("navigation", name="เมนูหลัก").get_by_role("link", name="เข้าสู่ระบบ").click()
    page.get_by_label("ที่อยู่อีเมล").fill("somchai@example.org")
    page.get_by_label("รหัสผ่าน").fill("fine-dust-2569")
    page.get_by_role("main").get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url(live_server.url + "/accounts/profile/")
