"""Discovery, the service list and the service definitions, in XML and JSON; jurisdiction_id and
the format suffix; errors with their exact bodies."""

from __future__ import annotations

import pytest

from opengov.reports.tests.open311_support import BASE, body_json, body_xml, xml_errors

pytestmark = pytest.mark.django_db

DISCOVERY = {
    "changeset": "2026-12-05 00:00",
    "contact": "Open government platform team, via the contact page of this site.",
    "key_service": (
        "Ask the platform administrators for an API key (needed only to create requests)."
    ),
    "endpoints": [
        {
            "specification": "http://wiki.open311.org/GeoReport_v2",
            "url": "http://testserver/open311/v2",
            "changeset": "2026-12-05 00:00",
            "type": "production",
            "formats": ["text/xml", "application/json"],
        }
    ],
}


def test_discovery_json(client):
    response = client.get(f"{BASE}/discovery.json", headers={"accept-language": "en"})
    assert response.status_code == 200
    assert body_json(response) == DISCOVERY


def test_discovery_xml_in_thai_by_default(client):
    root = body_xml(client.get(f"{BASE}/discovery.xml"))
    assert root.tag == "discovery"
    assert root.findtext("contact") == "ทีมแพลตฟอร์มรัฐบาลเปิด ติดต่อได้ทางหน้าติดต่อของเว็บไซต์นี้"
    (endpoint,) = root.findall("endpoints/endpoint")
    assert endpoint.findtext("url") == "http://testserver/open311/v2"
    assert [f.text for f in endpoint.findall("formats/format")] == ["text/xml", "application/json"]
    assert endpoint.findtext("type") == "production"


def test_services_json_thai_default_with_both_names(client):
    services = body_json(client.get(f"{BASE}/services.json"))
    assert [s["service_code"] for s in services] == [
        "farm_burning",
        "forest_fire",
        "waste_burning",
        "factory_smoke",
        "vehicle_smoke",
        "other",
    ]
    forest = services[1]
    assert forest == {
        "service_code": "forest_fire",
        "service_name": forest["service_name_th"],
        "service_name_th": forest["service_name_th"],
        "service_name_en": "Forest fire",
        "description": "ไฟไหม้ในป่า บนภูเขา หรือในพื้นที่อนุรักษ์",
        "metadata": True,
        "type": "realtime",
        "keywords": "ไฟป่า, forest, wildfire, PM2.5",
        "group": "การเผา",
    }
    assert forest["service_name_th"] not in ("", "Forest fire")


def test_services_xml_in_english(client):
    root = body_xml(client.get(f"{BASE}/services.xml", headers={"accept-language": "en"}))
    assert root.tag == "services"
    factory = root[3]
    assert [(child.tag, child.text) for child in factory] == [
        ("service_code", "factory_smoke"),
        ("service_name", "Factory smoke"),
        ("service_name_th", factory.findtext("service_name_th")),
        ("service_name_en", "Factory smoke"),
        ("description", "Smoke or soot from a factory, mill or plant chimney."),
        ("metadata", "true"),
        ("type", "realtime"),
        ("keywords", "ควันโรงงาน, factory, chimney, PM2.5"),
        ("group", "Smoke"),
    ]


def test_service_definition_json(client):
    response = client.get(f"{BASE}/services/other.json", headers={"accept-language": "en"})
    definition = body_json(response)
    assert definition["service_code"] == "other"
    seen_at, privacy = definition["attributes"]
    assert seen_at == {
        "variable": True,
        "code": "SEEN_AT",
        "datatype": "datetime",
        "required": False,
        "datatype_description": (
            "ISO 8601 with a timezone, e.g. 2026-12-05T09:30:00+07:00; within 30 days."
        ),
        "order": 1,
        "description": "When did you see it? (Default: the time of this request.)",
    }
    assert (privacy["variable"], privacy["code"], privacy["order"]) == (False, "PRIVACY", 2)


def test_service_definition_xml(client):
    root = body_xml(client.get(f"{BASE}/services/forest_fire.xml"))
    assert root.tag == "service_definition"
    assert root.findtext("service_code") == "forest_fire"
    attributes = root.findall("attributes/attribute")
    assert [a.findtext("code") for a in attributes] == ["SEEN_AT", "PRIVACY"]
    assert attributes[1].findtext("datatype_description") == ""  # an empty element


def test_unknown_service_code_404_json_and_xml(client):
    response = client.get(f"{BASE}/services/potholes.json")
    assert response.status_code == 404
    assert body_json(response) == [
        {
            "code": 404,
            "description": "service_code 'potholes' not found.",
            "description_th": "ไม่พบ service_code 'potholes'",
        }
    ]
    response = client.get(f"{BASE}/services/potholes.xml")
    assert response.status_code == 404
    assert xml_errors(response) == [
        {
            "code": "404",
            "description": "service_code 'potholes' not found.",
            "description_th": "ไม่พบ service_code 'potholes'",
        }
    ]


def test_unsupported_format_is_a_404_in_xml(client):
    response = client.get(f"{BASE}/services.html")
    assert response.status_code == 404
    assert xml_errors(response) == [
        {
            "code": "404",
            "description": "Format 'html' is not supported: use xml or json.",
            "description_th": "ไม่รองรับรูปแบบ 'html' ใช้ xml หรือ json",
        }
    ]


def test_jurisdiction_optional_own_domain_or_configured(client, settings):
    assert client.get(f"{BASE}/services.json").status_code == 200
    assert client.get(f"{BASE}/services.json?jurisdiction_id=").status_code == 200
    assert client.get(f"{BASE}/services.json?jurisdiction_id=testserver").status_code == 200
    settings.OPENGOV_OPEN311_JURISDICTIONS = ("chiangmai.go.th",)
    ok = client.get(f"{BASE}/services.json?jurisdiction_id=ChiangMai.go.th")
    assert ok.status_code == 200
    response = client.get(f"{BASE}/services.json?jurisdiction_id=sfgov.org")
    assert response.status_code == 404
    assert body_json(response) == [
        {
            "code": 404,
            "description": "jurisdiction_id 'sfgov.org' not found.",
            "description_th": "ไม่พบ jurisdiction_id 'sfgov.org'",
        }
    ]


def test_method_not_allowed(client):
    response = client.post(f"{BASE}/services.json")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert body_json(response) == [
        {
            "code": 405,
            "description": "Method POST is not allowed here.",
            "description_th": "ใช้เมธอด POST ที่นี่ไม่ได้",
        }
    ]


def test_outside_the_language_prefix(client):
    assert client.get("/en/open311/v2/services.json").status_code == 404
