"""Personal data never reaches public pages or JSON: the reporter's identity, contact fields, the
channel reference, the original photos and their EXIF location. Every public output of a report
is fetched (as anonymous and as another citizen) and scanned for each value."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from opengov.reports.models import Report, ReportPhoto
from opengov.reports.reporter_links import reporter_token
from opengov.reports.services import report_follow, report_submit, report_transition
from opengov.reports.tests.conftest import LAT, LON, NOW, jpeg_with_gps

pytestmark = pytest.mark.django_db

SECRET_LAT, SECRET_LON = 18.7123, 98.8765  # where the phone was (EXIF), not the incident
LINE_FOLLOWER = "U0f0110we5ecre7f0110we4c0ffee0000"


@pytest.fixture
def private_report(citizen, agency_a, officer_a, frozen):
    citizen.display_name = "Khun Reporter Secretname"
    citizen.save()
    report = report_submit(
        channel="line",
        category="waste_burning",
        lat=LAT,
        lon=LON,
        seen_at=NOW,
        description="Plastic burning behind the market",
        reporter=citizen,
        contact_name="Contact Hiddenname",
        contact_email="hidden.contact@example.net",
        contact_phone="+66899999999",
        channel_user_ref="U206d25c2ea6bd87c17655609a1c37cb8",
        photos=[jpeg_with_gps(lat=SECRET_LAT, lon=SECRET_LON)],
    ).report
    Report.objects.filter(pk=report.pk).update(organisation=agency_a)
    report.refresh_from_db()
    report_follow(report=report, email="follower.secret@example.net")
    report_follow(report=report, line_user_id=LINE_FOLLOWER)
    report_transition(actor=officer_a, report=report, to_status="acknowledged", note="Team sent")
    return report


def secrets(report: Report) -> list[str]:
    photo = ReportPhoto.objects.get(report=report)
    return [
        "Secretname",
        "citizen@example.org",
        "Hiddenname",
        "hidden.contact@example.net",
        "66899999999",
        "0899999999",
        "U206d25c2ea6bd87c17655609a1c37cb8",
        "follower.secret@example.net",
        "officer.a@example.org",
        "Officer A",
        f"{SECRET_LAT}",
        f"{SECRET_LON}",
        "18.712",
        "98.876",
        "18,71",
        photo.original_path,
        photo.original_sha256,
        "/original",
        "private/",
        LINE_FOLLOWER,
        # The reporter's private link: its signed payload (the same in every token of this
        # report) and its path.
        reporter_token(report).split(":")[0],
        "/reports/reporter/",
    ]


def public_urls(report: Report) -> list[str]:
    urls = [
        "/reports/",
        "/en/reports/",
        f"/reports/{report.pk}/",
        f"/en/reports/{report.pk}/",
        f"/reports/{report.pk}.json",
        "/reports/map.geojson",
        "/reports/statistics/",
        f"/reports/nearby/?category=waste_burning&lat={LAT}&lon={LON}",
        "/reports/?category=waste_burning&status=open&days=7",
        # Open311 (the API) in both formats, with the history extension.
        "/open311/v2/",
        "/open311/v2/?lang=en",
        "/open311/v2/requests.json?extensions=true",
        "/open311/v2/requests.xml?extensions=true",
        f"/open311/v2/requests/{report.pk}.json?extensions=true",
        f"/open311/v2/requests/{report.pk}.xml?extensions=true",
        f"/open311/v2/tokens/{report.pk}.json",
        "/open311/v2/services.json",
    ]
    return urls


@pytest.mark.parametrize("persona", ["anonymous", "officer_b", "moderator"])
def test_no_personal_data_in_public_outputs(private_report, client_as, persona):
    client = client_as(persona)
    for url in public_urls(private_report):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for secret in secrets(private_report):
            assert secret not in body, (url, secret)


def test_public_photo_carries_no_metadata(private_report, client):
    data = client.get(f"/reports/{private_report.pk}.json").json()
    photo = client.get(data["media_url"])
    raw = b"".join(photo.streaming_content)
    with Image.open(io.BytesIO(raw)) as image:
        assert dict(image.getexif()) == {}
    assert b"PhoneMaker" not in raw


def test_json_has_the_open311_fields(private_report, client):
    data = client.get(f"/reports/{private_report.pk}.json").json()
    assert data["service_request_id"] == str(private_report.pk)
    assert (data["service_code"], data["status"], data["state"]) == (
        "waste_burning",
        "open",
        "acknowledged",
    )
    assert data["status_notes"] == "Team sent"
    assert data["agency_responsible"] == "หน่วยงานทดสอบ ก"
    assert data["requested_datetime"] == "2026-12-05T10:00:00+07:00"
    assert (data["lat"], data["long"]) == (LAT, LON)
    assert [step["role"] for step in data["history"]] == ["reporter", "officer"]
    assert "reporter" not in data and "contact_email" not in json.dumps(data)


def test_the_responsible_officer_sees_the_private_part(private_report, client_as):
    body = client_as("officer_a").get(f"/reports/{private_report.pk}/").content.decode()
    assert "hidden.contact@example.net" in body and "/original" in body
    assert "18.71230" in body


def test_officer_page_of_an_anonymous_report(client_as, agency_a, officer_a, frozen):
    report = report_submit(
        channel="web",
        category="other",
        lat=LAT,
        lon=LON,
        seen_at=NOW,
        contact_email="anon.reporter@example.net",
    ).report
    Report.objects.filter(pk=report.pk).update(organisation=agency_a)
    response = client_as("officer_a").get(f"/reports/{report.pk}/")
    assert response.status_code == 200
    assert "anon.reporter@example.net" in response.content.decode()
    assert (
        "anon.reporter@example.net"
        not in client_as("citizen").get(f"/reports/{report.pk}/").content.decode()
    )
