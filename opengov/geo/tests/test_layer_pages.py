"""Spatial-layer pages: who sees which layer, who may upload, and errors on bad files."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opengov.geo.models import FeatureLayer, Zone
from opengov.geo.services import feature_layer_load

pytestmark = pytest.mark.django_db
CANE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"class": "cane_burnt", "name": "แปลง 1"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[102.0, 16.0], [102.1, 16.0], [102.1, 16.1], [102.0, 16.0]]],
            },
        },
        {
            "type": "Feature",
            "properties": {"class": "cane_machine", "name": "แปลง 2"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[102.2, 16.0], [102.3, 16.0], [102.3, 16.1], [102.2, 16.0]]],
            },
        },
    ],
}


def _upload(client, organisation, *, visibility="organisation", data=None, name="cane.geojson"):
    body = json.dumps(data or CANE).encode("utf-8")
    return client.post(
        "/en/geo/layers/",
        {
            "organisation": organisation.pk,
            "name_th": "แปลงอ้อย",
            "name_en": "Cane fields",
            "kind": "land_use",
            "visibility": visibility,
            "file": SimpleUploadedFile(name, body, content_type="application/geo+json"),
        },
    )


def test_officer_uploads_a_private_layer_only_their_organisation_sees(client_as, agency_a):
    officer = client_as("officer_a")
    response = _upload(officer, agency_a)
    assert response.status_code == 302
    layer = FeatureLayer.objects.get()
    assert (layer.slug, layer.visibility, layer.owner_organisation_id) == (
        f"{agency_a.slug}-cane-fields",
        "organisation",
        agency_a.pk,
    )
    assert sorted(Zone.objects.values_list("zone_class", flat=True)) == [
        "cane_burnt",
        "cane_machine",
    ]
    page = officer.get(f"/en/geo/layers/{layer.slug}/")
    assert page.status_code == 200 and b"cane_burnt" in page.content
    geojson = officer.get(f"/en/geo/layers/{layer.slug}.geojson").json()
    assert [f["properties"]["name"] for f in geojson["features"]] == ["แปลง 1", "แปลง 2"]
    for persona in ("anonymous", "citizen", "officer_b", "moderator"):
        other = client_as(persona) if persona != "anonymous" else officer.__class__()
        assert other.get(f"/en/geo/layers/{layer.slug}/").status_code == 404
        assert other.get(f"/en/geo/layers/{layer.slug}.geojson").status_code == 404
        assert layer.name_en.encode() not in other.get("/en/geo/layers/").content


@pytest.mark.parametrize("persona", ["anonymous", "citizen", "moderator"])
def test_only_officers_may_upload(client, client_as, agency_a, persona):
    who = client if persona == "anonymous" else client_as(persona)
    response = _upload(who, agency_a)
    assert response.status_code == 403
    assert not FeatureLayer.objects.exists()


def test_officer_of_another_organisation_cannot_upload_for_it(client_as, agency_a):
    response = _upload(client_as("officer_b"), agency_a)
    assert response.status_code == 400  # agency A is not among officer B's choices
    assert not FeatureLayer.objects.exists()


def test_public_layers_need_a_platform_admin(client_as, agency_a):
    response = _upload(client_as("officer_a"), agency_a, visibility="public")
    assert response.status_code == 400
    assert b"Only platform administrators may publish a public layer." in response.content
    assert not FeatureLayer.objects.exists()


def test_a_bad_file_lists_every_problem_and_loads_nothing(client_as, agency_a):
    broken = json.loads(json.dumps(CANE))
    broken["features"][1]["geometry"] = {"type": "Polygon", "coordinates": [[[500000, 2000000]]]}
    response = _upload(client_as("officer_a"), agency_a, data=broken)
    assert response.status_code == 400
    assert b"feature #1" in response.content
    assert not FeatureLayer.objects.exists() and not Zone.objects.exists()
    wrong_type = _upload(client_as("officer_a"), agency_a, name="cane.kml")
    assert wrong_type.status_code == 400
    assert b"Upload a .geojson or .json file." in wrong_type.content


def test_public_layers_are_listed_for_everyone(client, settings):
    plants = f"{settings.OPENGOV_DATA_DIR}/geo/power_plants_gppd_sea.geojson"
    feature_layer_load(source=plants, slug="plants", kind="risk_places", name_en="Power plants")
    listing = client.get("/en/geo/layers/")
    assert listing.status_code == 200 and b"Power plants" in listing.content
    assert b"Load a layer of your organisation" not in listing.content
    geojson = client.get("/en/geo/layers/plants.geojson").json()
    assert len(geojson["features"]) == 505
