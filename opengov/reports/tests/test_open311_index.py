"""The human-readable page at the Open311 endpoint root, in Thai (default) and English."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_thai_by_default(client):
    response = client.get("/open311/v2/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Language"] == "th"
    body = response.content.decode()
    assert "<h1>API Open311 GeoReport v2 สำหรับเรื่องแจ้งการเผาและควัน</h1>" in body
    assert '<a href="http://testserver/open311/v2/discovery.json">' in body
    assert "GET http://testserver/open311/v2/requests.json" in body
    assert "POST http://testserver/open311/v2/requests.json" in body
    assert "<code>forest_fire</code> — ไฟป่า" in body
    assert "<h2>คีย์ API</h2>" in body
    assert "<h2>ความเป็นส่วนตัว</h2>" in body
    assert 'href="/accounts/privacy/"' in body
    assert '<a href="?lang=en" hreflang="en" lang="en">English</a>' in body


def test_english_by_parameter_or_accept_language(client, settings):
    settings.OPENGOV_OPEN311_KEY_SERVICE = "Write to open311@example.go.th for a key."
    for response in (
        client.get("/open311/v2/?lang=en"),
        client.get("/open311/v2/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8"),
    ):
        assert response["Content-Language"] == "en"
        body = response.content.decode()
        assert "<h1>Open311 GeoReport v2 API for reports of burning and smoke</h1>" in body
        assert "<code>forest_fire</code> — Forest fire" in body
        assert "<p>Write to open311@example.go.th for a key.</p>" in body
        assert 'href="/en/accounts/privacy/"' in body
    thai = client.get("/open311/v2/?lang=th", HTTP_ACCEPT_LANGUAGE="en")
    assert thai["Content-Language"] == "th"


def test_only_get(client):
    response = client.post("/open311/v2/")
    assert (response.status_code, response["Allow"]) == (405, "GET, HEAD")
