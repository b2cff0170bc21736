"""The wire renderer and the tolerant reader: real city samples (shared/data/wire/open311/) read
into the strict shape, and so does our own server's output."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from opengov.reports.open311.tolerant import requests_parse, services_parse
from opengov.reports.open311.wire import render, to_xml, w3c_datetime, w3c_datetime_parse
from opengov.reports.tests.open311_support import BASE, WIRE_SAMPLES, app_key, report_make

__all__ = ["app_key"]
CHICAGO = ZoneInfo("America/Chicago")
PACIFIC = ZoneInfo("America/Los_Angeles")


def sample(name: str) -> bytes:
    return (WIRE_SAMPLES / name).read_bytes()


def test_xml_lists_nulls_booleans_and_escaping():
    body = to_xml(
        "service_requests",
        [
            {
                "service_request_id": "7",
                "account_id": None,
                "ok": True,
                "lat": 18.805,
                "description": 'a < b & "c"\x0b ไฟ',
            }
        ],
    )
    assert body == (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<service_requests><request><service_request_id>7</service_request_id><account_id />"
        '<ok>true</ok><lat>18.805</lat><description>a &lt; b &amp; "c" ไฟ</description>'
        "</request></service_requests>\n"
    )


def test_json_keeps_thai_and_nulls():
    assert render("json", "x", [{"a": "ไฟป่า", "b": None, "c": False}]) == (
        '[{"a": "ไฟป่า", "b": null, "c": false}]'
    )


def test_datetimes_need_a_timezone():
    assert w3c_datetime_parse("2010-01-01T00:00:00Z") == datetime(2010, 1, 1, tzinfo=UTC)
    assert w3c_datetime_parse("2026-12-05T09:30:00+07:00").utcoffset() == timedelta(hours=7)
    for bad in ("2010-01-01T00:00:00", "2010-01-01", "01-02-2010", "yesterday"):
        with pytest.raises(ValueError):
            w3c_datetime_parse(bad)
    bangkok = timezone(timedelta(hours=7))
    assert w3c_datetime(datetime(2026, 12, 5, 10, 0, 0, 123456, tzinfo=bangkok)) == (
        "2026-12-05T10:00:00+07:00"
    )


def test_bloomington_services_json():
    services = services_parse(sample("bloomington_services.json"), "json")
    assert len(services) == 46
    assert sum(s.metadata for s in services) == 11
    first = services[0]
    assert (first.service_code, first.service_name, first.group, first.keywords) == (
        "4e09c863992b94b915000000",
        "City Performance",
        "Most Popular",
        (),
    )


def test_san_francisco_and_giessen_services_xml():
    sf = services_parse(sample("san-francisco_services.xml"), "xml")
    assert (sf[0].service_code, sf[0].service_name, sf[0].group) == (
        "001",
        "Cans_Left_Out_24x7",
        "Litter Receptacles",
    )
    giessen = services_parse(sample("giessen_services.xml"), "xml")
    assert len(giessen) == 8
    assert [s.service_name for s in giessen if s.service_code == "011"] == [
        "Straßen- und Gehwegschäden"
    ]
    assert [s.keywords for s in giessen if s.service_code == "017"] == [()]
    assert [s.keywords for s in giessen if s.service_code == "011"] == [
        ("litter", "trash", "garbage")
    ]


def test_bloomington_requests_null_and_zero_locations():
    found = requests_parse(sample("bloomington_requests.json"), "json", assume_tz=CHICAGO)
    assert len(found) == 21
    first = found[0]
    assert first.service_request_id == "4fbd40b2b1fe2c4b02000001"
    assert (first.lat, first.long, first.zipcode, first.media_url) == (None, None, None, None)
    assert "\r\n\r\nThanks." in (first.description or "")
    assert first.requested_datetime == datetime(
        2012, 5, 23, 15, 55, 28, tzinfo=timezone(timedelta(hours=-4))
    )
    raw = json.loads(sample("bloomington_requests.json"))
    zero = [r["service_request_id"] for r in raw if r["lat"] == 0 and r["long"] == 0]
    assert zero  # the sample really has 0,0 rows ...
    assert all(r.lat is None for r in found if r.service_request_id in zero)  # ... read as none


def test_san_francisco_requests_capitals_nil_and_naive_times():
    found = requests_parse(sample("san-francisco_requests.xml"), "xml", assume_tz=PACIFIC)
    first = found[0]
    assert (first.service_request_id, first.status, first.service_code) == (
        "1129806",
        "open",
        "280",
    )
    assert first.requested_datetime == datetime(2012, 5, 22, 23, 57, 23, 970000, tzinfo=PACIFIC)
    assert first.updated_datetime is None  # xsi:nil
    assert (first.lat, first.long, first.description) == (None, None, None)
    assert {r.status for r in found} <= {"open", "closed"}


def test_chicago_omitted_fields_and_toronto_empty_elements():
    chicago = requests_parse(sample("chicago_requests.json"), "json", assume_tz=CHICAGO)
    assert [(r.service_request_id, r.status_notes) for r in chicago] == [
        ("14-01100669", None),
        ("14-01100627", "Locked"),
    ]
    assert chicago[0].media_url is None and chicago[0].lat == 41.858724777757864
    toronto = requests_parse(sample("toronto_requests.xml"), "xml", assume_tz=CHICAGO)
    assert [r.service_request_id for r in toronto] == ["101005420892", "101005420894"]
    assert toronto[0].status_notes == "In progress - The request has been scheduled."
    assert (toronto[0].updated_datetime, toronto[0].description) == (None, None)
    assert (toronto[0].lat, toronto[0].long) == (43.691104288, -79.272306875)


def test_rows_without_an_id_are_skipped():
    body = b'[{"status": "open", "token": "9"}, {"service_request_id": "5", "status": "Closed"}]'
    found = requests_parse(body, "json", assume_tz=UTC)
    assert [(r.service_request_id, r.status) for r in found] == [("5", "closed")]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_our_output_reads_back_strictly(client, frozen, fmt):
    report = report_make(description="ควันไฟ & <smoke>")
    services = services_parse(client.get(f"{BASE}/services.{fmt}").content, fmt)
    assert [s.service_code for s in services] == [
        "farm_burning",
        "forest_fire",
        "waste_burning",
        "factory_smoke",
        "vehicle_smoke",
        "other",
    ]
    assert all(s.metadata and s.type == "realtime" for s in services)
    body = client.get(f"{BASE}/requests.{fmt}").content
    (found,) = requests_parse(body, fmt, assume_tz=UTC)  # every datetime carries its own offset
    assert found.service_request_id == str(report.pk)
    assert (found.status, found.service_code, found.description) == (
        "open",
        "farm_burning",
        "ควันไฟ & <smoke>",
    )
    assert found.requested_datetime == datetime.fromisoformat("2026-12-05T10:00:00+07:00")
    assert found.expected_datetime == datetime.fromisoformat("2026-12-12T10:00:00+07:00")
    assert (found.lat, found.long) == (18.805, 98.95)
