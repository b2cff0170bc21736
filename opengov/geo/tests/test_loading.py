"""geo_load and the load services on the real files: counts, links, idempotence, bad files."""

from __future__ import annotations

import json

import httpx
import pytest
from django.core.management import CommandError, call_command

from opengov.geo import services
from opengov.geo.layer_sources import layer_source_read
from opengov.geo.models import Area, LayerLoad
from opengov.geo.reference_layers import REFERENCE_LAYERS
from opengov.geo.services import (
    AreaLayerLoadError,
    area_layer_load,
    reference_layers_load,
)

from .conftest import COUNTRIES, DISTRICTS, PROVINCES

URLS = {layer.level: layer.url or "" for layer in REFERENCE_LAYERS}


def _counts():
    return {
        level: Area.objects.filter(level=level).count()
        for level in ("country", "province", "district", "subdistrict")
    }


LOADED = {"country": 19, "province": 77, "district": 928, "subdistrict": 7398}


@pytest.mark.django_db
def test_geo_load_of_the_shared_files(reference_areas):
    assert _counts() == LOADED
    assert {level: r.created for level, r in reference_areas.items()} == LOADED
    assert list(LayerLoad.objects.order_by("id").values_list("level", "feature_count")) == [
        ("country", 19),
        ("province", 77),
        ("district", 928),
        ("subdistrict", 7398),
    ]
    chiang_mai = Area.objects.get(level="province", code="50")
    assert (
        chiang_mai.name_th,
        chiang_mai.name_en,
        chiang_mai.iso_code,
        chiang_mai.parent_id,
    ) == ("เชียงใหม่", "Chiang Mai", "TH-50", Area.objects.get(level="country", code="THA").id)
    district = Area.objects.get(level="district", code="5001")
    assert (district.name_th, district.parent_id) == ("เมืองเชียงใหม่", chiang_mai.id)
    assert Area.objects.get(level="subdistrict", code="500101").parent_id == district.id
    assert Area.objects.get(level="country", code="MMR").name_th == "เมียนมา"
    assert Area.objects.filter(level="district", parent=chiang_mai).count() == 25


@pytest.mark.django_db
def test_reload_changes_nothing(reference_areas):
    before = list(
        Area.objects.filter(level="district").values_list("id", "code", "geometry", "source")
    )
    result = area_layer_load(source=str(DISTRICTS))
    assert (result.created, result.updated, result.unchanged, result.absent) == (0, 0, 928, 0)
    after = list(
        Area.objects.filter(level="district").values_list("id", "code", "geometry", "source")
    )
    assert after == before
    assert LayerLoad.objects.count() == 5


def _province_file(tmp_path, break_feature):
    features = json.loads(PROVINCES.read_bytes())["features"][:3]
    for number, feature in zip(("97", "98", "99"), features, strict=True):
        feature["properties"]["pro_code"] = number  # new codes: a partial load would create rows
    break_feature(features[2])
    path = tmp_path / "provinces.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def _no_name(feature):
    feature["properties"]["ADM1_EN"] = ""


def _no_code(feature):
    feature["properties"]["pro_code"] = None
    feature["properties"]["ADM1_PCODE"] = None


def _duplicate(feature):
    feature["properties"]["pro_code"] = "97"


def _point(feature):
    feature["geometry"] = {"type": "Point", "coordinates": [100.0, 14.0]}


def _projected(feature):
    feature["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[6e5, 1.5e6], [6.1e5, 1.5e6], [6.1e5, 1.51e6], [6e5, 1.5e6]]],
    }


def _collapsed(feature):
    feature["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[100, 14], [100.5, 14.5], [101, 15], [100, 14]]],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("break_feature", "english", "thai"),
    [
        (_no_name, "feature #2 (99 นนทบุรี): the English name is missing.", "ไม่มีชื่อภาษาอังกฤษ"),
        (_no_code, "feature #2 (Nonthaburi): the province code is missing.", "ไม่มีรหัสจังหวัด"),
        (
            _duplicate,
            "feature #2 (97 Nonthaburi): the code 97 appears more than once (first at #0).",
            "ซ้ำกัน",
        ),
        (
            _point,
            "feature #2 (99 Nonthaburi): the geometry is a Point, not a Polygon or MultiPolygon.",
            "ไม่ใช่ Polygon",
        ),
        (
            _projected,
            "feature #2 (99 Nonthaburi): the coordinates are outside the longitude/latitude range",
            "ระบบพิกัดฉาย",
        ),
        (
            _collapsed,
            "feature #2 (99 Nonthaburi): the geometry is invalid (Self-intersection[100.5 14.5]) and cannot be repaired into a polygon.",
            "ซ่อมให้เป็นรูปหลายเหลี่ยมไม่ได้",
        ),
    ],
)
def test_bad_files_load_nothing_and_name_the_feature(
    reference_areas, tmp_path, break_feature, english, thai
):
    path = _province_file(tmp_path, break_feature)
    with pytest.raises(CommandError) as caught:
        call_command("geo_load", str(path))
    message = str(caught.value)
    assert english in message
    assert thai in message
    assert f"ไม่ได้นำเข้า {path}:" in message and f"{path} was not loaded:" in message
    assert _counts() == LOADED
    assert LayerLoad.objects.count() == 4


@pytest.mark.django_db
def test_wrong_crs_and_non_json_files_are_rejected(reference_areas, tmp_path):
    data = json.loads(PROVINCES.read_bytes())
    data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32647"}}
    utm = tmp_path / "utm.geojson"
    utm.write_text(json.dumps(data))
    broken = tmp_path / "broken.geojson"
    broken.write_bytes(PROVINCES.read_bytes()[:1000])
    for path, english in ((utm, "only WGS84 longitude/latitude"), (broken, "not valid JSON")):
        with pytest.raises(CommandError, match=english):
            call_command("geo_load", str(path))
    assert _counts() == LOADED


@pytest.mark.django_db
def test_district_whose_province_is_not_loaded_is_an_error(reference_areas, tmp_path):
    features = json.loads(DISTRICTS.read_bytes())["features"][:2]
    features[1]["properties"].update({"amp_code": "9901", "pro_code": "99"})
    path = tmp_path / "districts.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    with pytest.raises(AreaLayerLoadError) as caught:
        area_layer_load(source=str(path))
    assert (
        "feature #1 (9901 Dusit): its province 99 is not loaded; load that layer first."
        in caught.value.render("en")
    )
    assert "ยังไม่ได้นำเข้าจังหวัด 99" in caught.value.render("th")
    assert _counts() == LOADED


@pytest.mark.django_db
def test_demo_step_skips_files_already_loaded(reference_areas):
    lines: list[str] = []
    results = reference_layers_load(write=lines.append)
    assert [(r.level, r.skipped) for r in results] == [
        ("country", True),
        ("province", True),
        ("district", True),
        ("subdistrict", True),
    ]
    assert len(lines) == 4
    assert LayerLoad.objects.count() == 4


def _mock_transport(routes):
    def handle(request: httpx.Request) -> httpx.Response:
        body = routes.get(str(request.url))
        if body is None:
            return httpx.Response(404)
        if isinstance(body, Exception):
            raise body
        return httpx.Response(200, content=body)

    return httpx.MockTransport(handle)


@pytest.fixture
def served(monkeypatch):
    """Serve bytes for URLs through httpx.MockTransport in place of the network."""
    routes: dict[str, object] = {}

    def read(source, *, timeout):
        return layer_source_read(source, timeout=timeout, transport=_mock_transport(routes))

    monkeypatch.setattr(services, "layer_source_read", read)
    return routes


@pytest.mark.django_db
def test_canonical_urls_are_downloaded_and_filtered(reference_areas, served):
    world = json.loads(COUNTRIES.read_bytes())
    world["features"].append(
        {
            "type": "Feature",
            "properties": {"ISO_A3": "JPN", "ADM0_A3": "JPN", "NAME": "Japan"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[123, 24], [124, 24], [124, 25], [123, 24]]],
            },
        }
    )
    served[URLS["country"]] = json.dumps(world).encode()
    served[URLS["province"]] = PROVINCES.read_bytes()
    countries = area_layer_load(source=URLS["country"])
    provinces = area_layer_load(source=URLS["province"])
    assert (countries.level, countries.features, countries.unchanged) == ("country", 19, 19)
    assert (provinces.level, provinces.features, provinces.unchanged) == ("province", 77, 77)
    assert LayerLoad.objects.order_by("-id").values_list("source", flat=True)[0] == URLS["province"]


@pytest.mark.django_db
def test_demo_without_data_dir_uses_the_canonical_urls(reference_areas, served, settings, tmp_path):
    settings.OPENGOV_DATA_DIR = tmp_path
    served[URLS["country"]] = COUNTRIES.read_bytes()
    served[URLS["province"]] = PROVINCES.read_bytes()
    served[URLS["district"]] = DISTRICTS.read_bytes()
    lines: list[str] = []
    results = reference_layers_load(write=lines.append)
    assert [(r.level, r.source, r.unchanged) for r in results] == [
        ("country", URLS["country"], 19),
        ("province", URLS["province"], 77),
        ("district", URLS["district"], 928),
    ]
    assert lines[-1].startswith("subdistrict: no file in")
    again = reference_layers_load()
    assert [r.skipped for r in again] == [True, True, True]


@pytest.mark.django_db
def test_download_failures_are_clear_errors(reference_areas, served):
    served[URLS["district"]] = httpx.ConnectTimeout("slow")
    with pytest.raises(AreaLayerLoadError) as timeout:
        area_layer_load(source=URLS["district"])
    assert f"Cannot download {URLS['district']}: timed out after 60 s" in timeout.value.render("en")
    assert f"ดาวน์โหลด {URLS['district']} ไม่ได้" in timeout.value.render("th")
    with pytest.raises(AreaLayerLoadError, match="HTTP 404"):
        area_layer_load(source="https://example.org/missing.geojson")
    assert _counts() == LOADED


@pytest.mark.django_db
def test_demo_step_reports_an_unreachable_source_and_lets_the_platform_start(
    settings, tmp_path, monkeypatch
):
    from opengov.geo.demo import load_reference_layers

    settings.OPENGOV_DATA_DIR = tmp_path / "absent"
    lines: list[str] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no network", request=request)

    transport = httpx.MockTransport(refuse)
    original = httpx.Client.__init__

    def client_with_mock(self, *args, **kwargs):
        kwargs["transport"] = transport
        original(self, *args, **kwargs)

    monkeypatch.setattr(httpx.Client, "__init__", client_with_mock)
    load_reference_layers(lines.append)
    assert lines[0] == "WARNING: reference layers not (fully) loaded / โหลดชั้นข้อมูลอ้างอิงไม่ครบ"
    url = (
        "https://raw.githubusercontent.com/nvkelso/natural-earth-vector/"
        "709ffdf7e55f73a0d81dd1adcb4a1032a38e3730/geojson/ne_50m_admin_0_countries.geojson"
    )
    assert lines[1].endswith(f"  - Cannot download {url}: ConnectError: no network")
    assert f"ดาวน์โหลด {url} ไม่ได้: ConnectError: no network" in lines[1]
    assert len(lines) == 2
