"""A real Open311 client against the live test server (loopback only).

``georeport`` 0.3.1 (PyPI) lists the services, reads a definition, lists and fetches requests in
JSON and XML, and surfaces errors as ``HTTPError``. It cannot create requests, and the only
client that can (``three`` 0.8.0) is Python 2 only (``from itertools import ifilter``), so the POST
is sent with ``requests`` exactly as ``three.Three.post`` sends it: form fields with ``api_key`` in
the body, and the photo as the multipart file field ``media``."""

from __future__ import annotations

import pytest
import requests
from georeport import GeoReport  # type: ignore[import-untyped]

from opengov.reports.models import Report
from opengov.reports.open311.keys import open311_key_create
from opengov.reports.tests.conftest import jpeg_with_gps

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.enable_socket]


def test_georeport_client_and_three_style_post(live_server):
    root = f"{live_server.url}/open311/v2"
    assert root.startswith(("http://localhost:", "http://127.0.0.1:"))
    secret = open311_key_create(name="Live test app").secret
    client = GeoReport(root, api_key=secret)

    services = client.get_service_list()
    assert [s["service_code"] for s in services][:2] == ["farm_burning", "forest_fire"]
    definition = client.get_service_definition("forest_fire")
    assert [a["code"] for a in definition["attributes"]] == ["SEEN_AT", "PRIVACY"]

    # three.Three(root, api_key=…).post("forest_fire", address=…, name=…, media=…)
    form = {
        "service_code": "forest_fire",
        "lat": "18.8050",
        "long": "98.9500",
        "address_string": "Doi Suthep",
        "first_name": "Somchai",
        "last_name": "Live",
        "email": "live.reporter@example.net",
        "description": "Fire on the slope above the zoo",
        "api_key": secret,
    }
    posted = requests.post(
        f"{root}/requests.json",
        data=form,
        files={"media": ("fire.jpg", jpeg_with_gps(), "image/jpeg")},
        timeout=30,
    )
    assert posted.status_code == 201
    (created,) = posted.json()
    request_id = created["service_request_id"]
    assert request_id == str(Report.objects.get().pk)

    fetched = client.get_service_request(request_id)
    assert (fetched["service_request_id"], fetched["status"], fetched["service_code"]) == (
        request_id,
        "open",
        "forest_fire",
    )
    assert fetched["media_url"].startswith(f"{live_server.url}/reports/photos/")
    assert "live.reporter" not in str(fetched)
    listed = client.get_service_requests(service_code="forest_fire", status="open")
    assert [r["service_request_id"] for r in listed] == [request_id]

    xml_client = GeoReport(root, output_format="xml")
    xml_services = xml_client.get_service_list()
    assert xml_services[5]["service_code"] == "other"
    xml_request = xml_client.get_service_request(request_id)
    assert (xml_request["service_request_id"], xml_request["lat"]) == (request_id, "18.805")

    with pytest.raises(requests.HTTPError) as missing:
        client.get_service_request("999999")
    assert missing.value.response is not None
    assert missing.value.response.status_code == 404
    forbidden = requests.post(f"{root}/requests.json", data={**form, "api_key": "x"}, timeout=30)
    assert forbidden.status_code == 403
    assert Report.objects.count() == 1
