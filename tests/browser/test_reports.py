"""Citizen reports in a real browser: the form on a phone (pin by typed coordinates, photo upload,
submit), the list with its map, a report page, and the officer queue, on desktop and phone."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Page, expect

from opengov.accounts.models import Membership, MembershipRole, Organisation, OrganisationType, User
from opengov.reports.models import AreaRoute, Report
from opengov.reports.services import report_submit
from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.enable_socket,
    pytest.mark.django_db(transaction=True),
]


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (180, 90, 40)).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def reports_world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    agency = Organisation.objects.create(
        slug="ddpm-cm",
        type=OrganisationType.GOVERNMENT_AGENCY,
        name_th="สำนักงาน ปภ. จังหวัดเชียงใหม่",
        name_en="Chiang Mai DDPM office",
    )
    AreaRoute.objects.create(area_code="50", organisation=agency)
    now = timezone.now()
    made = []
    for n, (category, lat, lon) in enumerate(
        [
            ("forest_fire", 18.8102, 98.8921),
            ("farm_burning", 18.9375, 98.9542),
            ("waste_burning", 18.7712, 99.0035),
        ]
    ):
        report = report_submit(
            channel="web",
            category=category,
            lat=lat,
            lon=lon,
            seen_at=now - timedelta(hours=n + 1),
            address="ดอยสุเทพ",
            description="ควันหนาลอยเข้าเมือง",
            photos=[_jpeg()],
            contact_email="browser@example.org",
        ).report
        Report.objects.filter(pk=report.pk).update(organisation=agency)
        made.append(report)
    officer = User.objects.create_user("officer@example.org", "officer-pass-2026")
    from opengov.accounts.services import consent_give

    consent_give(user=officer)
    Membership.objects.create(user=officer, organisation=agency, role=MembershipRole.EDITOR)
    return {"reports": made, "agency": agency, "officer": officer}


def _no_horizontal_overflow(page: Page) -> None:
    assert (
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        == 0
    )


def test_phone_user_reports_with_a_photo(
    phone_page: Page, live_server, reports_world, tmp_path: Path
):
    page = phone_page
    page.goto(f"{live_server.url}/reports/new/")
    expect(page.get_by_role("heading", name="แจ้งการเผาหรือควัน")).to_be_visible()
    _no_horizontal_overflow(page)
    screenshot(page, "reports-form-phone")
    page.get_by_label("ไฟป่า").check()
    page.get_by_label("ละติจูด").fill("18.8300")
    page.get_by_label("ลองจิจูด").fill("98.9000")
    page.locator("#id_contact_email").fill("walker@example.org")
    photo = tmp_path / "fire.jpg"
    photo.write_bytes(_jpeg())
    page.set_input_files("#id_photos", str(photo))
    page.get_by_role("button", name="ส่งเรื่องแจ้ง").click()
    expect(page.get_by_text("เราได้รับเรื่องแจ้ง")).to_be_visible()
    expect(page.locator(".rp-status")).to_have_text("รอรับเรื่อง")
    _no_horizontal_overflow(page)
    screenshot(page, "reports-detail-phone")
    assert Report.objects.filter(contact_email="walker@example.org").count() == 1


def test_list_and_map_on_desktop(page: Page, live_server, reports_world):
    page.goto(f"{live_server.url}/reports/")
    expect(page.get_by_role("heading", name="เรื่องแจ้งการเผาและควันจากประชาชน")).to_be_visible()
    expect(page.locator(".rp-card")).to_have_count(3)
    expect(page.locator("#rp-map .leaflet-interactive")).to_have_count(3)
    screenshot(page, "reports-list-desktop")
    page.goto(f"{live_server.url}/en/reports/{reports_world['reports'][0].pk}/")
    expect(page.get_by_role("heading", name="History")).to_be_visible()
    screenshot(page, "reports-detail-desktop-en")


def test_list_on_phone(phone_page: Page, live_server, reports_world):
    phone_page.goto(f"{live_server.url}/reports/")
    expect(phone_page.locator(".rp-card")).to_have_count(3)
    _no_horizontal_overflow(phone_page)
    screenshot(phone_page, "reports-list-phone")


def test_officer_queue_and_acknowledge(page: Page, live_server, reports_world):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("อีเมล").fill("officer@example.org")
    page.get_by_label("รหัสผ่าน").fill("officer-pass-2026")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.goto(f"{live_server.url}/reports/queue/ddpm-cm/")
    expect(page.locator("tbody tr")).to_have_count(3)
    screenshot(page, "reports-queue-desktop")
    first = reports_world["reports"][0]
    page.goto(f"{live_server.url}/reports/{first.pk}/")
    page.get_by_label("สถานะใหม่").select_option("acknowledged")
    page.get_by_label("ความเห็น (เปิดเผยต่อสาธารณะ)").fill("ส่งทีมไปตรวจสอบแล้ว")
    page.get_by_role("button", name="เปลี่ยนสถานะ").click()
    expect(page.locator("header .rp-status")).to_have_text("รับเรื่องแล้ว")
    screenshot(page, "reports-detail-officer-desktop")
