"""GET requests (every filter, the 90-day and 1,000-row defaults, paging), one request (a
one-element array), tokens, hidden reports, ``extensions=true``, and no personal data anywhere."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

import pytest

from opengov.reports.models import Report
from opengov.reports.services import report_transition
from opengov.reports.tests.conftest import NOW, jpeg_with_gps
from opengov.reports.tests.open311_support import (
    BASE,
    app_key,
    body_json,
    body_xml,
    post_form,
    report_make,
)

__all__ = ["app_key"]
pytestmark = pytest.mark.django_db


def submitted(report: Report, days_ago: float) -> Report:
    Report.objects.filter(pk=report.pk).update(submitted_at=NOW - timedelta(days=days_ago))
    return report


def ids(client, **params: str) -> list[str]:
    response = client.get(f"{BASE}/requests.json?{urlencode(params)}")
    assert response.status_code == 200, response.content
    return [r["service_request_id"] for r in body_json(response)]


def test_single_request_is_a_one_element_array(client, frozen):
    report = report_make(address="หลังตลาด")
    body = body_json(client.get(f"{BASE}/requests/{report.pk}.json"))
    assert body == [
        {
            "service_request_id": str(report.pk),
            "status": "open",
            "status_notes": None,
            "service_name": str(body[0]["service_name"]),
            "service_code": "farm_burning",
            "description": "Smoke over the rice fields",
            "agency_responsible": None,
            "service_notice": None,
            "requested_datetime": "2026-12-05T10:00:00+07:00",
            "updated_datetime": "2026-12-05T10:00:00+07:00",
            "expected_datetime": "2026-12-12T10:00:00+07:00",
            "address": "หลังตลาด",
            "address_id": None,
            "zipcode": None,
            "lat": 18.805,
            "long": 98.95,
            "media_url": None,
        }
    ]
    root = body_xml(client.get(f"{BASE}/requests/{report.pk}.xml"))
    assert root.tag == "service_requests"
    (request,) = root
    assert request.findtext("service_request_id") == str(report.pk)
    assert request.findtext("address") == "หลังตลาด"


def test_default_window_is_90_days_newest_first(client, frozen):
    old = submitted(report_make(), 91)
    edge = submitted(report_make(), 89)
    new = report_make()
    assert ids(client) == [str(new.pk), str(edge.pk)]
    assert str(old.pk) not in ids(client)


def test_date_filters(client, frozen):
    a = submitted(report_make(), 100)
    b = submitted(report_make(), 50)
    c = submitted(report_make(), 10)
    start = (NOW - timedelta(days=120)).isoformat()
    end = (NOW - timedelta(days=40)).isoformat()
    assert ids(client, start_date=start, end_date=end) == [str(b.pk), str(a.pk)]
    assert ids(client, start_date=(NOW - timedelta(days=60)).isoformat()) == [str(c.pk), str(b.pk)]
    assert ids(client, end_date="2026-11-30T00:00:00Z") == [str(c.pk), str(b.pk)]  # from Sep 1
    assert ids(client, end_date="2026-09-01T00:00:00Z") == [str(a.pk)]


def test_date_errors_exact(client):
    response = client.get(
        f"{BASE}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"
    )
    assert response.status_code == 400
    assert body_json(response) == [
        {
            "code": 400,
            "description": "start_date and end_date may not span more than 90 days.",
            "description_th": "ช่วง start_date ถึง end_date ต้องไม่เกิน 90 วัน",
        }
    ]
    response = client.get(f"{BASE}/requests.json?start_date=2026-01-01&status=pending")
    assert [e["description"] for e in body_json(response)] == [
        "status must be open or closed (or both, comma separated).",
        "start_date must be a W3C date and time with a timezone, e.g. 2010-01-01T00:00:00Z.",
    ]
    response = client.get(
        f"{BASE}/requests.json?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z"
    )
    assert body_json(response)[0]["description"] == "start_date must be before end_date."


def test_service_code_and_status_filters(client, frozen, officer_a, agency_a):
    farm = report_make()
    forest = report_make(category="forest_fire")
    waste = report_make(category="waste_burning")
    Report.objects.filter(pk=waste.pk).update(organisation=agency_a)
    waste.refresh_from_db()
    report_transition(actor=officer_a, report=waste, to_status="not_relevant", note="Not smoke")
    assert ids(client, service_code="forest_fire,waste_burning") == [str(waste.pk), str(forest.pk)]
    assert ids(client, status="closed") == [str(waste.pk)]
    assert ids(client, status="open") == [str(forest.pk), str(farm.pk)]
    assert len(ids(client, status="open,closed")) == 3
    closed = body_json(client.get(f"{BASE}/requests/{waste.pk}.json"))[0]
    assert (closed["status"], closed["status_notes"], closed["expected_datetime"]) == (
        "closed",
        "Not smoke",
        None,
    )
    assert closed["updated_datetime"] == "2026-12-05T10:00:00+07:00"
    response = client.get(f"{BASE}/requests.json?service_code=potholes")
    assert response.status_code == 404
    assert body_json(response)[0]["description"] == "service_code 'potholes' not found."


def test_service_request_id_overrides_every_other_filter(client, frozen):
    old = submitted(report_make(), 200)
    new = report_make(category="forest_fire")
    got = ids(client, service_request_id=f"{old.pk},{new.pk},999,abc,๑", service_code="other")
    assert got == [str(new.pk), str(old.pk)]


def test_at_most_1000_rows_and_paging(client, frozen):
    report_make()
    first = Report.objects.get()
    Report.objects.bulk_create(
        [
            Report(
                category="other",
                channel="web",
                seen_at=NOW,
                lat=18.8,
                lon=98.9,
                contact_email="x@example.net",
            )
            for _ in range(1004)
        ]
    )
    assert len(ids(client)) == 1000
    page_one = ids(client, page_size="2")
    assert len(page_one) == 2
    assert ids(client, page="503", page_size="2") == [str(first.pk)]
    assert len(ids(client, page="2")) == 50
    response = client.get(f"{BASE}/requests.json?page=0&page_size=501")
    assert [e["description"] for e in body_json(response)] == [
        "page must be a whole number from 1.",
        "page_size must be a whole number from 1 to 500.",
    ]


def test_hidden_unknown_and_odd_ids_404(client, frozen):
    hidden = report_make()
    Report.objects.filter(pk=hidden.pk).update(is_hidden=True)
    for request_id in (str(hidden.pk), "999", "abc", "๑", "9" * 30):
        response = client.get(f"{BASE}/requests/{request_id}.json")
        assert response.status_code == 404
        assert body_json(response) == [
            {
                "code": 404,
                "description": f"service_request_id '{request_id}' not found.",
                "description_th": f"ไม่พบ service_request_id '{request_id}'",
            }
        ]
    assert ids(client) == []
    assert ids(client, service_request_id=str(hidden.pk)) == []


def test_tokens_resolve_to_the_request_itself(client, frozen):
    report = report_make()
    assert body_json(client.get(f"{BASE}/tokens/{report.pk}.json")) == [
        {"service_request_id": str(report.pk), "token": str(report.pk)}
    ]
    (row,) = body_xml(client.get(f"{BASE}/tokens/{report.pk}.xml"))
    assert [(c.tag, c.text) for c in row] == [
        ("service_request_id", str(report.pk)),
        ("token", str(report.pk)),
    ]
    response = client.get(f"{BASE}/tokens/12345.json")
    assert response.status_code == 404
    assert body_json(response) == [
        {
            "code": 404,
            "description": "token '12345' not found.",
            "description_th": "ไม่พบ token '12345'",
        }
    ]


def test_extensions_notes_and_duplicate(client, frozen, officer_a, agency_a):
    kept = report_make()
    dup = report_make()
    Report.objects.filter(pk=dup.pk).update(organisation=agency_a)
    dup.refresh_from_db()
    report_transition(
        actor=officer_a, report=dup, to_status="duplicate", note="Same fire", duplicate_of=kept
    )
    plain = body_json(client.get(f"{BASE}/requests/{dup.pk}.json"))[0]
    assert "notes" not in plain and "extended_attributes" not in plain
    assert plain["status_notes"] == f"Duplicate of #{kept.pk}"
    response = client.get(
        f"{BASE}/requests/{dup.pk}.json?extensions=true", headers={"accept-language": "en"}
    )
    wire = body_json(response)[0]
    assert wire["extended_attributes"] == {
        "channel": "web",
        "duplicate": str(kept.pk),
        "parent_service_request_id": None,
        "corroborating_detections": 0,
    }
    assert wire["notes"] == [
        {
            "datetime": "2026-12-05T10:00:00+07:00",
            "summary": "Submitted",
            "type": "submitted",
            "description": None,
        },
        {
            "datetime": "2026-12-05T10:00:00+07:00",
            "summary": "Duplicate",
            "type": "closed",
            "description": "Same fire",
        },
    ]
    root = body_xml(client.get(f"{BASE}/requests.xml?extensions=true&status=closed"))
    notes = root[0].findall("notes/note")
    assert [n.findtext("type") for n in notes] == ["submitted", "closed"]


def test_no_personal_data_in_any_output(client, frozen, app_key):
    secret_lat, secret_lon = 18.7123, 98.8765
    data = {
        "api_key": app_key.secret,
        "service_code": "forest_fire",
        "lat": "18.80",
        "long": "98.95",
        "email": "hidden.person@example.net",
        "first_name": "Firstsecret",
        "last_name": "Lastsecret",
        "phone": "+66899999999",
        "account_id": "acct-secret-42",
        "device_id": "device-secret-7",
        "description": "Fire on the slope",
    }
    from django.core.files.uploadedfile import SimpleUploadedFile

    data["media"] = SimpleUploadedFile(
        "f.jpg", jpeg_with_gps(lat=secret_lat, lon=secret_lon), content_type="image/jpeg"
    )
    response = client.post(f"{BASE}/requests.json", data=data)
    assert response.status_code == 201
    report = Report.objects.get()
    photo = report.photos.get()
    secrets = [
        "hidden.person",
        "Firstsecret",
        "Lastsecret",
        "899999999",
        "acct-secret",
        "device-secret",
        "18.712",
        "98.876",
        photo.original_path,
        photo.original_sha256,
        "/original",
        "private/",
        app_key.secret,
        f"open311:{app_key.api_key.pk}",
    ]
    outputs = [response.content.decode()]
    for fmt in ("json", "xml"):
        for path in (
            f"requests.{fmt}",
            f"requests.{fmt}?extensions=true",
            f"requests/{report.pk}.{fmt}",
            f"requests/{report.pk}.{fmt}?extensions=true",
            f"tokens/{report.pk}.{fmt}",
        ):
            outputs.append(client.get(f"{BASE}/{path}").content.decode())
    for output in outputs:
        for secret in secrets:
            assert secret not in output
    wire = body_json(client.get(f"{BASE}/requests/{report.pk}.json"))[0]
    assert wire["media_url"] == f"http://testserver/reports/photos/{photo.uuid}.jpg"
    assert (wire["lat"], wire["long"]) == (18.8, 98.95)
    assert client.get(wire["media_url"]).status_code == 200


def test_post_then_list_round_trip(client, frozen, app_key):
    response = post_form(
        client,
        "json",
        {"api_key": app_key.secret, "service_code": "vehicle_smoke", "address_string": "Huay Kaew"},
    )
    (created,) = body_json(response)
    assert ids(client, service_code="vehicle_smoke") == [created["service_request_id"]]
