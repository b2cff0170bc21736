"""POST requests: the API key, the standard's form fields (urlencoded and multipart, as the
``three`` client sends them), every error with its exact body, idempotent retries, the hourly
limit, photos, and the private fields kept private."""

from __future__ import annotations

from typing import Any

import pytest

from opengov.reports.models import Open311ApiKey, Report
from opengov.reports.tests.conftest import jpeg_with_gps
from opengov.reports.tests.open311_support import (
    app_key,
    body_json,
    post_form,
    post_multipart,
    xml_errors,
)

__all__ = ["app_key"]
pytestmark = pytest.mark.django_db
FORBIDDEN = {
    "code": 403,
    "description": "Invalid api_key received -- can't proceed with create_request.",
    "description_th": "api_key ไม่ถูกต้อง จึงสร้างคำร้องไม่ได้",
}


def fields(secret: str, **extra: str) -> dict[str, str]:
    base = {
        "api_key": secret,
        "service_code": "waste_burning",
        "lat": "18.7883",
        "long": "98.9853",
        "address_string": "ซอยวัดเกต",
        "email": "reporter.private@example.net",
        "first_name": "Somsri",
        "last_name": "Private",
        "phone": "+66811111111",
        "device_id": "tt222111",
        "description": "Burning plastic\r\nnext to the river",
        "attribute[SEEN_AT]": "2026-12-05T09:30:00+07:00",
    }
    base.update(extra)
    return base


def test_post_json_creates_a_report(client, frozen, app_key):
    response = post_form(client, "json", fields(app_key.secret))
    assert response.status_code == 201
    report = Report.objects.get()
    assert body_json(response) == [
        {
            "service_request_id": str(report.pk),
            "service_notice": ("ได้รับเรื่องแล้ว ผู้ดูแลจะส่งต่อให้หน่วยงานที่รับผิดชอบภายใน 24 ชั่วโมง"),
            "account_id": None,
        }
    ]
    assert (report.channel, report.category, report.lat, report.lon) == (
        "open311",
        "waste_burning",
        18.7883,
        98.9853,
    )
    assert report.seen_at.isoformat() == "2026-12-05T02:30:00+00:00"
    assert (report.contact_name, report.contact_email, report.contact_phone) == (
        "Somsri Private",
        "reporter.private@example.net",
        "+66811111111",
    )
    assert report.channel_user_ref == f"open311:{app_key.api_key.pk}:tt222111"
    assert report.description == "Burning plastic\r\nnext to the river"
    assert Open311ApiKey.objects.get().last_used_at is not None


def test_post_xml_minimal_fields_default_seen_at(client, frozen, app_key):
    response = post_form(
        client,
        "xml",
        {"api_key": app_key.secret, "service_code": "other", "address_string": "Mae Rim"},
        **{"accept-language": "en"},
    )
    assert response.status_code == 201
    report = Report.objects.get()
    assert response.content.decode() == (
        '<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request>'
        f"<service_request_id>{report.pk}</service_request_id><service_notice>Received; "
        "moderators will send it to the responsible agency within 24 hours.</service_notice>"
        "<account_id /></request></service_requests>\n"
    )
    assert (report.lat, report.address, report.seen_at.isoformat()) == (
        None,
        "Mae Rim",
        "2026-12-05T03:00:00+00:00",
    )
    assert report.channel_user_ref == f"open311:{app_key.api_key.pk}"


@pytest.mark.parametrize("secret", ["", "wrong-key", None])
def test_missing_or_wrong_key_403(client, app_key, secret):
    data = fields(secret if secret is not None else "")
    if secret is None:
        del data["api_key"]
    response = post_form(client, "json", data)
    assert response.status_code == 403
    assert body_json(response) == [FORBIDDEN]
    assert Report.objects.count() == 0


def test_inactive_key_403_in_xml(client, app_key):
    Open311ApiKey.objects.update(is_active=False)
    response = post_form(client, "xml", fields(app_key.secret))
    assert response.status_code == 403
    assert xml_errors(response) == [{k: str(v) for k, v in FORBIDDEN.items()}]


def test_key_in_the_query_string_is_not_accepted(client, app_key):
    data = fields("")
    response = client.post(
        f"/open311/v2/requests.json?api_key={app_key.secret}",
        data="&".join(f"{k}={v}" for k, v in data.items() if k != "api_key"),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 403


def test_missing_service_code_400_unknown_404(client, app_key):
    response = post_form(client, "json", fields(app_key.secret, service_code=""))
    assert (response.status_code, body_json(response)) == (
        400,
        [
            {
                "code": 400,
                "description": "service_code was not provided.",
                "description_th": "ไม่ได้ระบุ service_code",
            }
        ],
    )
    response = post_form(client, "json", fields(app_key.secret, service_code="001"))
    assert (response.status_code, body_json(response)) == (
        404,
        [
            {
                "code": 404,
                "description": "service_code '001' not found.",
                "description_th": "ไม่พบ service_code '001'",
            }
        ],
    )


def test_every_problem_listed_at_once(client, frozen, app_key):
    data = fields(
        app_key.secret,
        lat="18.8",
        long="",
        description="x" * 4001,
        **{"attribute[WHISPAWN]": "123456", "attribute[SEEN_AT]": "2026-12-05 09:30"},
    )
    response = post_form(client, "json", data)
    assert response.status_code == 400
    assert [e["description"] for e in body_json(response)] == [
        "lat and long must be sent together.",
        "description is longer than 4,000 characters.",
        "attribute[SEEN_AT] must be an ISO 8601 date and time with a timezone, "
        "e.g. 2026-12-05T09:30:00+07:00.",
        "attribute[WHISPAWN] is not an attribute of this service.",
    ]
    assert Report.objects.count() == 0


@pytest.mark.parametrize(
    ("extra", "description", "description_th"),
    [
        (
            {"lat": "", "long": "", "address_string": ""},
            "Location was not provided: send lat and long, or address_string.",
            "ไม่ได้ระบุตำแหน่ง: ส่ง lat และ long หรือ address_string",
        ),
        (
            {"lat": "", "long": "", "address_string": "", "address_id": "545483"},
            "address_id is not supported here: send lat and long, or address_string.",
            "ระบบนี้ไม่รองรับ address_id: ส่ง lat และ long หรือ address_string",
        ),
        (
            {"lat": "95", "long": "98.9"},
            "lat and long must be WGS84 decimal degrees (lat -90 to 90, long -180 to 180).",
            "lat และ long ต้องเป็นองศาทศนิยม WGS84 (lat -90 ถึง 90, long -180 ถึง 180)",
        ),
        (
            {"lat": "nan", "long": "98.9"},
            "lat and long must be WGS84 decimal degrees (lat -90 to 90, long -180 to 180).",
            "lat และ long ต้องเป็นองศาทศนิยม WGS84 (lat -90 ถึง 90, long -180 ถึง 180)",
        ),
        (
            {"attribute[PRIVACY]": "yes"},
            "attribute[PRIVACY] is information only, not an input.",
            "attribute[PRIVACY] เป็นข้อความแจ้งเท่านั้น ไม่ใช่ช่องกรอกข้อมูล",
        ),
        (
            {"attribute[SEEN_AT]": "2026-12-06T12:00:00+07:00"},
            "attribute[SEEN_AT]: The time seen cannot be in the future.",
            "attribute[SEEN_AT]: เวลาที่พบต้องไม่เป็นเวลาในอนาคต",
        ),
        (
            {"email": "not-an-address"},
            "email: Enter a valid email address.",
            "email: ป้อนที่อยู่อีเมลที่ถูกต้อง",
        ),
    ],
)
def test_bad_fields_400_exact(client, frozen, app_key, extra, description, description_th):
    response = post_form(client, "json", fields(app_key.secret, **extra))
    assert response.status_code == 400
    assert body_json(response) == [
        {"code": 400, "description": description, "description_th": description_th}
    ]
    assert Report.objects.count() == 0


def test_idempotency_key_header_and_field(client, frozen, app_key):
    first = post_form(client, "json", fields(app_key.secret), **{"Idempotency-Key": "abc-1"})
    again = post_form(client, "json", fields(app_key.secret), **{"Idempotency-Key": "abc-1"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert body_json(first)[0]["service_request_id"] == body_json(again)[0]["service_request_id"]
    assert Report.objects.count() == 1
    by_field = post_form(client, "json", fields(app_key.secret, idempotency_key="abc-1"))
    assert by_field.status_code == 200
    other = post_form(client, "json", fields(app_key.secret), **{"Idempotency-Key": "abc-2"})
    assert other.status_code == 201
    assert Report.objects.count() == 2


def test_same_idempotency_key_of_another_app_is_another_request(client, frozen, app_key):
    from opengov.reports.open311.keys import open311_key_create

    other_app = open311_key_create(name="Other app")
    post_form(client, "json", fields(app_key.secret), **{"Idempotency-Key": "k"})
    response = post_form(client, "json", fields(other_app.secret), **{"Idempotency-Key": "k"})
    assert response.status_code == 201
    assert Report.objects.count() == 2


def test_hourly_limit_429_with_retry_after(client, frozen, app_key):
    Open311ApiKey.objects.update(hourly_limit=2)
    assert post_form(client, "json", fields(app_key.secret)).status_code == 201
    assert post_form(client, "json", fields(app_key.secret)).status_code == 201
    response = post_form(client, "json", fields(app_key.secret))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"  # frozen at 10:00:00, a window boundary
    assert body_json(response) == [
        {
            "code": 429,
            "description": "Too many new service requests with this api_key: at most 2 an hour.",
            "description_th": "ส่งคำร้องใหม่ด้วย api_key นี้มากเกินไป: ไม่เกิน 2 รายการต่อชั่วโมง",
        }
    ]
    assert Report.objects.count() == 2


def test_multipart_media_like_three_and_media_url_ignored(client, frozen, app_key):
    photo = jpeg_with_gps()
    from django.core.files.uploadedfile import SimpleUploadedFile

    data: dict[str, Any] = fields(
        app_key.secret, media_url="http://farm3.static.flickr.com/2002/x.jpg"
    )
    data["media"] = SimpleUploadedFile("smoke.jpg", photo, content_type="image/jpeg")
    response = post_multipart(client, "json", data)
    assert response.status_code == 201
    report = Report.objects.get()
    (stored,) = report.photos.all()
    assert (stored.kind, stored.exif_lat is not None) == ("report", True)
    assert "flickr" not in report.description


def test_bad_photo_400(client, frozen, app_key):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data: dict[str, Any] = fields(app_key.secret)
    data["media"] = SimpleUploadedFile("x.jpg", b"not an image", content_type="image/jpeg")
    response = post_multipart(client, "json", data)
    assert response.status_code == 400
    (entry,) = body_json(response)
    assert entry["description"].startswith("media: Photo 1: ")
    assert Report.objects.count() == 0


def test_notice_names_the_responsible_agency(frozen):
    from opengov.reports.open311.views import _service_notice

    assert _service_notice("หน่วยงานทดสอบ ก") == (
        "ส่งถึง หน่วยงานทดสอบ ก แล้ว ซึ่งควรรับเรื่องภายใน 24 ชั่วโมง"
    )
