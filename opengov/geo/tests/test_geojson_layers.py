"""The pure GeoJSON layer parser, on the real files and on broken copies of them."""

from __future__ import annotations

import json

import pytest
import shapely

from opengov.geo.geojson_layers import LayerInvalid, layer_detect, layer_parse
from opengov.geo.reference_layers import REFERENCE_LAYERS, reference_layer_for_source

from .conftest import COUNTRIES, DISTRICTS, PROVINCES, SUBDISTRICTS


def _collection(features, **extra):
    return json.dumps({"type": "FeatureCollection", **extra, "features": features}).encode()


def _provinces(count=3):
    return json.loads(PROVINCES.read_bytes())["features"][:count]


def _problems(data, **kwargs):
    with pytest.raises(LayerInvalid) as caught:
        layer_parse(data, **kwargs)
    return [(p.code, p.feature_index, p.feature_label) for p in caught.value.problems]


def test_real_files_parse_with_their_official_codes_and_names():
    countries = layer_parse(COUNTRIES.read_bytes())
    provinces = layer_parse(PROVINCES.read_bytes())
    districts = layer_parse(DISTRICTS.read_bytes())
    subdistricts = layer_parse(SUBDISTRICTS.read_bytes())
    assert (countries.level, len(countries.areas)) == ("country", 19)
    assert (provinces.level, len(provinces.areas)) == ("province", 77)
    assert (districts.level, len(districts.areas)) == ("district", 928)
    assert (subdistricts.level, len(subdistricts.areas)) == ("subdistrict", 7398)
    assert provinces.sha1 == "f9cb33538327068f8aef4033b137a1152181a718"
    by_code = {a.code: a for a in countries.areas}
    assert sorted(by_code) == [
        *("BGD", "BRN", "BTN", "CHN", "HKG", "IDN", "IND", "KHM", "LAO", "MAC"),
        *("MMR", "MYS", "NPL", "PHL", "SGP", "THA", "TLS", "TWN", "VNM"),
    ]
    assert [(by_code[c].name_th, by_code[c].name_en) for c in ("THA", "MMR", "LAO", "KHM")] == [
        ("ไทย", "Thailand"),
        ("เมียนมา", "Myanmar"),
        ("ลาว", "Laos"),
        ("กัมพูชา", "Cambodia"),
    ]
    chiang_mai = next(a for a in provinces.areas if a.code == "50")
    assert (chiang_mai.name_th, chiang_mai.name_en, chiang_mai.iso_code) == (
        "เชียงใหม่",
        "Chiang Mai",
        "TH-50",
    )
    mueang = next(a for a in districts.areas if a.code == "5001")
    assert (mueang.name_th, mueang.name_en, mueang.parent_code) == (
        "เมืองเชียงใหม่",
        "Mueang Chiang Mai",
        "50",
    )
    si_phum = next(a for a in subdistricts.areas if a.code == "500101")
    assert (si_phum.name_th, si_phum.parent_code) == ("ศรีภูมิ", "5001")


def test_layer_is_detected_from_the_most_specific_code_property():
    assert layer_detect(json.loads(SUBDISTRICTS.read_bytes())["features"][:1]) == "subdistrict"
    assert layer_detect(json.loads(DISTRICTS.read_bytes())["features"][:1]) == "district"
    assert layer_detect(_provinces(1)) == "province"
    assert layer_detect([{"type": "Feature", "properties": {"ADM0_A3": "THA"}}]) == "country"
    with pytest.raises(LayerInvalid):
        layer_detect([{"type": "Feature", "properties": {"name": "x"}}])


def test_mapthai_style_properties_give_dopa_codes_from_p_codes():
    feature = _provinces(1)[0]
    for key in ("pro_code", "iso3166_2"):
        del feature["properties"][key]
    (area,) = layer_parse(_collection([feature])).areas
    assert (area.code, area.iso_code) == ("10", "TH-10")


def test_natural_earth_world_file_is_filtered_to_the_registry_countries():
    features = json.loads(COUNTRIES.read_bytes())["features"]
    cambodia = next(f for f in features if f["properties"]["ADM0_A3"] == "KHM")
    cambodia["properties"]["ISO_A3"] = -99  # NE marks some codes -99: fall back to ADM0_A3
    square = {"type": "Polygon", "coordinates": [[[1, 1], [2, 1], [2, 2], [1, 1]]]}
    bowtie_far_away = {
        "type": "Polygon",
        "coordinates": [[[0, 40], [1, 41], [1, 40], [0, 41], [0, 40]]],
    }
    extra = [
        {
            "type": "Feature",
            "properties": {"ISO_A3": "JPN", "ADM0_A3": "JPN", "NAME": "Japan"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[123, 24], [124, 24], [124, 25], [123, 24]]],
            },
        },
        {
            "type": "Feature",
            "properties": {"ISO_A3": -99, "ADM0_A3": "IOA", "NAME": "Indian Ocean Ter."},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[105, -10.5], [105.7, -10.5], [105.7, -10.4], [105, -10.5]]],
            },
        },
        {
            "type": "Feature",
            "properties": {"ISO_A3": "ESP", "ADM0_A3": "ESP", "NAME": "Spain"},
            "geometry": bowtie_far_away,
        },
        {
            "type": "Feature",
            "properties": {"ISO_A3": "GHA", "ADM0_A3": "GHA", "NAME": "Ghana"},
            "geometry": square,
        },
    ]
    world = _collection(
        extra + features,
        crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
    )
    (reference,) = [r for r in REFERENCE_LAYERS if r.level == "country"]
    parsed = layer_parse(world, keep=reference.keep)
    assert len(parsed.areas) == 19
    assert parsed.skipped == 4
    assert "KHM" in {a.code for a in parsed.areas}
    assert reference_layer_for_source(reference.url or "") is reference
    assert reference_layer_for_source(str(COUNTRIES)) is reference


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"{not json", [("not_json", None, "")]),
        (b'{"type": "Feature", "features": []}', [("not_feature_collection", None, "")]),
        (b'{"type": "FeatureCollection", "features": []}', [("unknown_layer", None, "")]),
    ],
)
def test_files_that_are_not_feature_collections_are_rejected(data, expected):
    assert _problems(data) == expected


@pytest.mark.parametrize(
    ("crs_name", "accepted"),
    [
        ("urn:ogc:def:crs:OGC:1.3:CRS84", True),
        ("EPSG:4326", True),
        ("urn:ogc:def:crs:EPSG::4326", True),
        ("urn:ogc:def:crs:EPSG::32647", False),
        ("EPSG:3857", False),
    ],
)
def test_only_wgs84_lon_lat_crs_is_accepted(crs_name, accepted):
    data = _collection(_provinces(), crs={"type": "name", "properties": {"name": crs_name}})
    if accepted:
        assert len(layer_parse(data).areas) == 3
    else:
        assert [code for code, _, _ in _problems(data)] == ["wrong_crs"]


def test_projected_coordinates_are_rejected_naming_the_feature():
    features = _provinces()
    ring = [
        [500000.0, 1500000.0],
        [510000.0, 1500000.0],
        [510000.0, 1510000.0],
        [500000.0, 1500000.0],
    ]
    features[1]["geometry"] = {"type": "Polygon", "coordinates": [ring]}
    assert _problems(_collection(features)) == [("projected_coordinates", 1, "11 Samut Prakan")]


def test_missing_names_codes_and_duplicates_are_all_reported():
    features = _provinces(4)
    del features[0]["properties"]["ADM1_TH"]
    features[1]["properties"]["pro_code"] = ""
    features[1]["properties"]["ADM1_PCODE"] = None
    features[2]["properties"]["pro_code"] = "1X"
    features[3]["properties"]["pro_code"] = "10"
    assert _problems(_collection(features)) == [
        ("missing_name_th", 0, "10 Bangkok"),
        ("missing_code", 1, "Samut Prakan"),
        ("bad_code", 2, "1X Nonthaburi"),
        ("duplicate_code", 3, "10 Pathum Thani"),
    ]


def test_non_polygon_and_unrepairable_geometries_are_rejected():
    features = _provinces(3)
    features[0]["geometry"] = {"type": "Point", "coordinates": [100.5, 13.75]}
    features[2]["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[100.0, 13.0], [100.5, 13.5], [101.0, 14.0], [100.0, 13.0]]],
    }
    assert _problems(_collection(features)) == [
        ("not_polygon", 0, "10 Bangkok"),
        ("invalid_geometry", 2, "12 Nonthaburi"),
    ]


def test_self_intersecting_polygon_is_repaired_by_make_valid():
    features = _provinces(1)
    features[0]["geometry"] = {
        "type": "Polygon",
        "coordinates": [
            [[100.0, 13.0], [101.0, 14.0], [101.0, 13.0], [100.0, 14.0], [100.0, 13.0]]
        ],
    }
    (area,) = layer_parse(_collection(features)).areas
    assert area.geometry.is_valid
    assert area.geometry.geom_type == "MultiPolygon"
    assert shapely.area(area.geometry) == pytest.approx(0.5)
