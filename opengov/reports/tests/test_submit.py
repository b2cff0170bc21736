"""Submitting through the web form: stored photos, clear errors with nothing stored, idempotency,
anonymous contact rule, rate limits, duplicate suggestions and routing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opengov.accounts.models import OrganisationType
from opengov.reports.models import AreaRoute, CategoryRoute, Report, ReportPhoto
from opengov.reports.services.routing import route_find
from opengov.reports.tests.conftest import LAT, LON, NOW, jpeg_with_gps

pytestmark = pytest.mark.django_db


def form(**extra):
    data = {
        "category": "farm_burning",
        "lat": str(LAT),
        "lon": str(LON),
        "address": "",
        "seen_at": "2026-12-05T09:00",
        "description": "Smoke over the rice fields",
        "contact_email": "",
        "contact_phone": "",
        "contact_name": "",
        "client_token": "",
    }
    data.update(extra)
    return data


def files(tmp_media: Path) -> list[Path]:
    return [p for p in tmp_media.rglob("*") if p.is_file()]


def test_signed_in_citizen_reports_with_photo(client_as, citizen, frozen, settings):
    client = client_as("citizen")
    upload = SimpleUploadedFile("fire.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post("/reports/new/", {**form(), "photos": [upload]})
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/reports/{report.pk}/"
    assert (report.reporter, report.channel, report.status) == (citizen, "web", "submitted")
    assert report.seen_at == NOW - timedelta(hours=1)
    assert report.organisation is None  # no rule: fallback queue
    photo = ReportPhoto.objects.get()
    assert photo.exif_lat == pytest.approx(18.81, abs=1e-3)
    stored = sorted(p.parent.name for p in files(Path(settings.MEDIA_ROOT)))
    assert stored == ["private", "public"]
    assert report.transitions.count() == 1


@pytest.mark.parametrize(
    ("extra", "field_text"),
    [
        ({"lat": "95", "lon": "98.9"}, "90"),
        ({"lat": "", "lon": "", "address": ""}, "location"),
        ({"lat": "18.8", "lon": ""}, "longitude"),
    ],
)
def test_invalid_coordinates_are_refused_and_nothing_stored(client_as, frozen, extra, field_text):
    from django.utils import translation

    with translation.override("en"):
        response = client_as("citizen").post("/en/reports/new/", form(**extra))
    assert response.status_code == 400
    assert field_text in response.content.decode()
    assert Report.objects.count() == 0


def test_malformed_image_is_refused_in_thai_and_nothing_stored(client_as, frozen, settings):
    good = SimpleUploadedFile("a.jpg", jpeg_with_gps(), content_type="image/jpeg")
    bad = SimpleUploadedFile("b.jpg", b"not really a jpeg", content_type="image/jpeg")
    response = client_as("citizen").post("/reports/new/", {**form(), "photos": [good, bad]})
    assert response.status_code == 400
    assert "รูปที่ 2: ไฟล์ไม่ใช่รูปภาพ JPEG, PNG หรือ WebP หรือไฟล์เสียหาย" in response.content.decode()
    assert Report.objects.count() == 0 and ReportPhoto.objects.count() == 0
    assert files(Path(settings.MEDIA_ROOT)) == []


def test_oversized_upload_is_refused(client_as, frozen, settings):
    settings.OPENGOV_REPORT_PHOTO_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("big.jpg", b"\xff" * (1024 * 1024 + 1), content_type="image/jpeg")
    response = client_as("citizen").post("/reports/new/", {**form(), "photos": [big]})
    assert response.status_code == 400
    assert "รูปที่ 1 มีขนาดใหญ่เกิน 1 MB" in response.content.decode()
    assert Report.objects.count() == 0


def test_more_than_five_photos_are_refused(client_as, frozen):
    uploads = [SimpleUploadedFile(f"{n}.jpg", jpeg_with_gps()) for n in range(6)]
    response = client_as("citizen").post("/reports/new/", {**form(), "photos": uploads})
    assert response.status_code == 400
    assert Report.objects.count() == 0


def test_anonymous_needs_a_contact_channel(client_as, frozen):
    client = client_as("anonymous")
    response = client.post("/reports/new/", form())
    assert response.status_code == 400
    assert Report.objects.count() == 0
    response = client.post("/reports/new/", form(contact_email="someone@example.net"))
    assert response.status_code == 302
    assert Report.objects.get().contact_email == "someone@example.net"


def test_same_client_token_makes_one_report(client_as, frozen):
    client = client_as("citizen")
    first = client.post("/reports/new/", form(client_token="tok-1"))
    second = client.post("/reports/new/", form(client_token="tok-1"))
    assert Report.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_rate_limit_per_account(client_as, frozen, settings):
    settings.OPENGOV_REPORTS_PER_HOUR_USER = 2
    client = client_as("citizen")
    statuses = [
        client.post("/reports/new/", form(client_token=f"t{n}", lat=str(LAT + n / 10))).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Report.objects.count() == 2


def test_rate_limit_per_address(client_as, frozen, settings):
    settings.OPENGOV_REPORTS_PER_HOUR_IP = 1
    client = client_as("anonymous")
    data = {"contact_phone": "0812345678"}
    assert client.post("/reports/new/", form(client_token="a", **data)).status_code == 302
    assert client.post("/reports/new/", form(client_token="b", **data)).status_code == 429


def test_nearby_same_category_is_suggested_before_a_second_report(client_as, report_a):
    client = client_as("officer_b")
    near = form(lat=str(LAT + 0.002), lon=str(LON))  # about 220 m north
    response = client.post("/reports/new/", near)
    assert response.status_code == 200
    body = response.content.decode()
    assert f"/reports/{report_a.pk}/follow/" in body
    assert Report.objects.count() == 1
    response = client.post("/reports/new/", {**near, "confirm_new": "1"})
    assert response.status_code == 302
    assert Report.objects.count() == 2


def test_nearby_fragment_ignores_other_categories_and_far_reports(client, report_a):
    url = "/reports/nearby/?category={}&lat={}&lon={}"
    assert (
        f"#{report_a.pk}"
        in client.get(url.format("farm_burning", LAT, LON + 0.004)).content.decode()
    )
    assert client.get(url.format("forest_fire", LAT, LON)).content.decode().strip() == ""
    assert client.get(url.format("farm_burning", LAT + 0.01, LON)).content.decode().strip() == ""


def test_routing_district_first_and_category_type(agency_a, agency_b):
    agency_b.type = OrganisationType.LOCAL_GOVERNMENT
    agency_b.save()
    AreaRoute.objects.create(area_code="50", organisation=agency_a)
    assert (
        route_find(category="waste_burning", district_code="5001", province_code="50") == agency_a
    )
    AreaRoute.objects.create(area_code="5001", organisation=agency_b)
    assert (
        route_find(category="waste_burning", district_code="5001", province_code="50") == agency_b
    )
    CategoryRoute.objects.create(category="forest_fire", organisation_type="government_agency")
    assert route_find(category="forest_fire", district_code="5001", province_code="50") == agency_a
    assert route_find(category="forest_fire", district_code="", province_code="57") is None


def test_demo_step_is_idempotent(db, frozen):
    from opengov.reports.demo import DEMO_REPORTS, load_demo_reports

    lines: list[str] = []
    load_demo_reports(lines.append)
    load_demo_reports(lines.append)
    assert Report.objects.count() == len(DEMO_REPORTS)
    assert lines[-1] == "reports: 4 demo reports (0 new), 2 area rules"
    assert not Report.objects.exclude(contact_email="demo-reporter@example.org").exists()
