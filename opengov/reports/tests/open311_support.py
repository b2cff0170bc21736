"""Shared pieces of the Open311 tests: an API key fixture, a report maker and the real wire
samples of other cities (in ``shared/data/wire/open311/`` beside the repository)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.test.client import MULTIPART_CONTENT

from opengov.reports.models import Report
from opengov.reports.open311.keys import CreatedKey, open311_key_create
from opengov.reports.services import report_submit
from opengov.reports.tests.conftest import LAT, LON, NOW

WIRE_SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "data" / "wire" / "open311"
BASE = "/open311/v2"
FORM = "application/x-www-form-urlencoded; charset=utf-8"


@pytest.fixture
def app_key(agency_a) -> CreatedKey:
    return open311_key_create(name="Test 311 app", organisation=agency_a)


def report_make(*, category: str = "farm_burning", hours_ago: float = 1, **extra: Any) -> Report:
    fields: dict[str, Any] = {
        "channel": "web",
        "category": category,
        "lat": LAT,
        "lon": LON,
        "seen_at": NOW - timedelta(hours=hours_ago),
        "description": "Smoke over the rice fields",
        "contact_email": "private.person@example.net",
    }
    fields.update(extra)
    return report_submit(**fields).report


def post_form(client: Client, fmt: str, fields: dict[str, str], **headers: str) -> Any:
    from urllib.parse import urlencode

    return client.post(
        f"{BASE}/requests.{fmt}", data=urlencode(fields), content_type=FORM, headers=headers
    )


def post_multipart(client: Client, fmt: str, fields: dict[str, Any]) -> Any:
    return client.post(f"{BASE}/requests.{fmt}", data=fields, content_type=MULTIPART_CONTENT)


def body_json(response: Any) -> Any:
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


def body_xml(response: Any) -> ET.Element:
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n')
    return ET.fromstring(response.content)  # noqa: S314 - our own output


def xml_errors(response: Any) -> list[dict[str, str]]:
    root = body_xml(response)
    assert root.tag == "errors"
    return [{child.tag: child.text or "" for child in error} for error in root]
