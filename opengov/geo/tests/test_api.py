"""Areas API, selectors and admin on the loaded reference layers."""

from __future__ import annotations

import json

import pytest
import shapely

from opengov.geo import selectors
from opengov.geo.models import Area, LayerLoad
from opengov.geo.selectors import (
    AreaSummary,
    area_counts_by_level,
    area_index,
    area_lookup,
    areas_lookup_many,
)

pytestmark = pytest.mark.django_db


def test_area_lookup_with_names(reference_areas):
    found = area_lookup(18.79, 98.98)
    assert found.country == AreaSummary("country", "THA", "ไทย", "Thailand")
    assert found.province == AreaSummary("province", "50", "เชียงใหม่", "Chiang Mai")
    assert found.district == AreaSummary("district", "5001", "เมืองเชียงใหม่", "Mueang Chiang Mai")
    assert found.subdistrict == AreaSummary("subdistrict", "500101", "ศรีภูมิ", "Si Phum")
    sea = area_lookup(10.0, 95.0)
    assert (sea.country, sea.province, sea.district, sea.subdistrict) == (None, None, None, None)
    with pytest.raises(ValueError, match="lat must be a number between -90 and 90"):
        area_lookup(91.0, 100.0)


def test_areas_lookup_many(reference_areas):
    codes = areas_lookup_many([13.75, 21.0, 18.0, 10.0], [100.50, 96.0, 102.6, 95.0])
    assert list(codes["country"]) == ["THA", "MMR", "LAO", None]
    assert list(codes["province"]) == ["10", None, None, None]
    assert list(codes["district"]) == ["1001", None, None, None]
    assert area_counts_by_level() == {
        "country": 19,
        "province": 77,
        "district": 928,
        "subdistrict": 7398,
    }


def test_cached_index_is_rebuilt_after_a_newer_layer_load(reference_areas, monkeypatch):
    first = area_index()
    assert area_index() is first
    monkeypatch.setattr(selectors, "INDEX_CHECK_SECONDS", 0.0)
    assert area_index() is first  # nothing loaded since: the cached index is kept
    LayerLoad.objects.create(
        level="country",
        source="x",
        sha1="0" * 40,
        feature_count=0,
        created=0,
        updated=0,
        unchanged=0,
    )
    rebuilt = area_index()
    assert rebuilt is not first
    assert rebuilt.lookup(18.79, 98.98)["province"] == "50"
    selectors.area_index_clear()


def test_lookup_endpoint(client, reference_areas):
    response = client.get("/api/v1/areas/lookup", {"lat": "13.75", "lon": "100.50"})
    assert response.status_code == 200
    body = response.json()
    assert body["province"] == {
        "level": "province",
        "code": "10",
        "name_th": "กรุงเทพมหานคร",
        "name_en": "Bangkok",
    }
    assert body["district"]["code"] == "1001"
    assert body["subdistrict"]["code"] == "100103"
    assert body["country"]["code"] == "THA"
    sea = client.get("/api/v1/areas/lookup", {"lat": "10", "lon": "95"}).json()
    assert [sea[k] for k in ("country", "province", "district", "subdistrict")] == [None] * 4


@pytest.mark.parametrize(
    ("params", "fields"),
    [
        ({"lat": "abc", "lon": "100"}, [["query", "lat"]]),
        ({"lat": "91", "lon": "100"}, [["query", "lat"]]),
        ({"lat": "13", "lon": "-180.5"}, [["query", "lon"]]),
        ({"lat": "nan", "lon": "inf"}, [["query", "lat"], ["query", "lon"]]),
    ],
)
def test_lookup_rejects_bad_coordinates(client, reference_areas, params, fields):
    response = client.get("/api/v1/areas/lookup", params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert [d["loc"] for d in detail] == fields
    assert detail[0]["msg"].startswith(f"{fields[0][1]} must be a number between")
    assert "ต้องเป็นตัวเลขระหว่าง" in detail[0]["msg_th"]


def test_list_endpoint(client, reference_areas):
    provinces = client.get("/api/v1/areas/", {"level": "province"}).json()
    assert provinces["count"] == 77
    assert provinces["items"][0] == {
        "level": "province",
        "code": "10",
        "name_th": "กรุงเทพมหานคร",
        "name_en": "Bangkok",
        "iso_code": "TH-10",
        "parent": "THA",
        "bbox": provinces["items"][0]["bbox"],
    }
    districts = client.get("/api/v1/areas/", {"parent": "50", "limit": 5}).json()
    assert districts["count"] == 25
    assert [d["code"] for d in districts["items"]] == ["5001", "5002", "5003", "5004", "5005"]
    found = client.get("/api/v1/areas/", {"level": "province", "q": "เชียง"}).json()
    assert [a["code"] for a in found["items"]] == ["50", "57"]
    assert client.get("/api/v1/areas/", {"level": "town"}).status_code == 422


def test_detail_endpoint_with_and_without_geometry(client, reference_areas):
    plain = client.get("/api/v1/areas/province/50").json()
    assert (plain["name_en"], plain["iso_code"], plain["geometry"]) == ("Chiang Mai", "TH-50", None)
    shaped = client.get(
        "/api/v1/areas/province/50", {"geometry": "true", "simplify": "0.01"}
    ).json()
    assert shaped["geometry"]["type"] in ("Polygon", "MultiPolygon")
    full = client.get("/api/v1/areas/province/50", {"geometry": "true", "simplify": "0"}).json()

    vertices = [
        len(shapely.get_coordinates(shapely.from_geojson(json.dumps(body["geometry"]))))
        for body in (shaped, full)
    ]
    assert vertices == [209, 485]  # simplify=0.01 keeps 209 of Chiang Mai's 485 vertices
    assert (
        client.get("/api/v1/areas/province/50", {"geometry": "true", "simplify": "5"}).status_code
        == 422
    )
    missing = client.get("/api/v1/areas/province/99")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "No province with code 99.", "detail_th": "ไม่พบจังหวัดรหัส 99"}
    assert client.get("/api/v1/areas/planet/1").status_code == 404


def test_admin_lists_areas_read_only(client_as, reference_areas):
    admin_client = client_as("platform_admin")
    changelist = admin_client.get("/en/admin/geo/area/", {"level__exact": "province"})
    assert changelist.status_code == 200
    assert "Chiang Mai" in changelist.content.decode()
    area = Area.objects.get(level="district", code="5001")
    assert admin_client.get(f"/en/admin/geo/area/{area.pk}/change/").status_code == 200
    assert admin_client.get("/en/admin/geo/area/add/").status_code == 403
    assert admin_client.get("/en/admin/geo/layerload/").status_code == 200
