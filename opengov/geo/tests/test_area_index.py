"""The pure point → area index, built straight from the shared files (no database)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from opengov.geo.area_index import AreaIndex, LayerGeometries
from opengov.geo.geojson_layers import ParsedLayer, layer_parse

from .conftest import COUNTRIES, DISTRICTS, PROVINCES, SUBDISTRICTS


@pytest.fixture(scope="module")
def layers() -> dict[str, ParsedLayer]:
    parsed = [
        layer_parse(path.read_bytes()) for path in (COUNTRIES, PROVINCES, DISTRICTS, SUBDISTRICTS)
    ]
    return {layer.level: layer for layer in parsed}


@pytest.fixture(scope="module")
def index(layers) -> AreaIndex:
    return AreaIndex.build(
        LayerGeometries(level, [a.code for a in layer.areas], [a.geometry for a in layer.areas])
        for level, layer in layers.items()
    )


def _geometry(layers, level, code):
    return next(a.geometry for a in layers[level].areas if a.code == code)


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (
            18.79,
            98.98,
            {"country": "THA", "province": "50", "district": "5001", "subdistrict": "500101"},
        ),
        (
            13.75,
            100.50,
            {"country": "THA", "province": "10", "district": "1001", "subdistrict": "100103"},
        ),
        (21.0, 96.0, {"country": "MMR", "province": None, "district": None, "subdistrict": None}),
        (18.0, 102.6, {"country": "LAO", "province": None, "district": None, "subdistrict": None}),
        # Andaman Sea and Gulf of Thailand: no area at all.
        (10.0, 95.0, {"country": None, "province": None, "district": None, "subdistrict": None}),
        (10.5, 101.5, {"country": None, "province": None, "district": None, "subdistrict": None}),
    ],
)
def test_known_points(index, lat, lon, expected):
    assert index.lookup(lat, lon) == expected


def test_point_on_a_provincial_border_takes_the_lowest_code_in_both_calls(index, layers):
    chiang_mai = _geometry(layers, "province", "50")
    lamphun = _geometry(layers, "province", "51")
    shared = shapely.intersection(chiang_mai.boundary, lamphun.boundary)
    lon, lat = shapely.get_coordinates(shared)[5]
    assert shapely.intersects_xy(chiang_mai, lon, lat) and shapely.intersects_xy(lamphun, lon, lat)
    scalar = index.lookup(lat, lon)
    assert scalar["province"] == "50"
    assert scalar["district"].startswith("50")
    rng = np.random.default_rng(7)
    lats = np.concatenate([rng.uniform(5.6, 20.5, 50), [lat]])
    lons = np.concatenate([rng.uniform(97.3, 105.7, 50), [lon]])
    many = index.lookup_many(lats, lons)
    assert {level: many[level][-1] for level in scalar} == scalar


def test_point_on_a_country_border_outside_thailand_takes_the_lowest_code(index, layers):
    laos = _geometry(layers, "country", "LAO")
    vietnam = _geometry(layers, "country", "VNM")
    coords = shapely.get_coordinates(shapely.intersection(laos.boundary, vietnam.boundary))
    lon, lat = coords[len(coords) // 2]
    assert index.lookup(lat, lon)["country"] == "LAO"
    assert index.lookup_many([lat], [lon])["country"][0] == "LAO"


def test_vectorised_lookup_equals_scalar_lookup(index):
    rng = np.random.default_rng(2026)
    lats = np.concatenate([rng.uniform(5.0, 21.0, 300), rng.uniform(-11.0, 30.0, 100)])
    lons = np.concatenate([rng.uniform(97.0, 106.0, 300), rng.uniform(85.0, 127.0, 100)])
    many = index.lookup_many(lats, lons)
    for i in range(lats.size):
        assert index.lookup(lats[i], lons[i]) == {level: many[level][i] for level in many}
    found = {level: int(np.sum(many[level] != None)) for level in many}  # noqa: E711
    assert found == {"province": 98, "district": 98, "subdistrict": 98, "country": 215}


def test_province_and_district_of_a_point_agree(index):
    rng = np.random.default_rng(3)
    many = index.lookup_many(rng.uniform(5.6, 20.5, 2000), rng.uniform(97.3, 105.7, 2000))
    for province, district in zip(many["province"], many["district"], strict=True):
        assert (province is None) == (district is None)
        if district is not None:
            assert district[:2] == province


def test_nan_and_empty_inputs(index):
    assert index.lookup(float("nan"), 100.0) == dict.fromkeys(
        ("country", "province", "district", "subdistrict")
    )
    empty = index.lookup_many([], [])
    assert all(values.shape == (0,) for values in empty.values())
