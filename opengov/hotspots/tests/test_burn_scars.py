"""Burn-scar layers: loading, the repeated-burn cells they give, and private visibility."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely

from opengov.geo.models import Area, Zone
from opengov.geo.services import AreaLayerLoadError, feature_layer_load

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_areas")]
API = "/api/v1/hotspots/repeated-burns"
# A 0.05° square in Mueang Chiang Mai (district 5001) on the 0.01° grid: 5 × 5 = 25 cell centres.
SQUARE = [[98.90, 18.70], [98.95, 18.70], [98.95, 18.75], [98.90, 18.75], [98.90, 18.70]]
# A second square just east of it, burned once.
EAST = [[[x + 0.05, y] for x, y in SQUARE]]


def _scar(year: int, ring: list[list[float]]) -> dict[str, object]:
    return {
        "type": "Feature",
        "properties": {"burn_year": year},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def _scars_file(tmp_path: Path, features: list[dict[str, object]]) -> str:
    path = tmp_path / "scars.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return str(path)


@pytest.fixture
def scars(tmp_path) -> str:
    return _scars_file(
        tmp_path,
        [
            _scar(2020, SQUARE),
            _scar(2021, SQUARE),
            _scar(2023, SQUARE),
            _scar(2024, EAST[0]),
            _scar(2017, SQUARE),  # outside the last 5 seasons of 2024
        ],
    )


def test_burn_scars_load_and_give_repeated_cells(client, scars):
    loaded = feature_layer_load(source=scars, slug="scars")
    assert (loaded.kind, loaded.features) == ("burn_scars", 5)
    assert sorted(int(y or 0) for y in Zone.objects.values_list("year", flat=True)) == [
        2017,
        2020,
        2021,
        2023,
        2024,
    ]
    data = client.get(f"{API}?source=burn_scars&last_season=2024&only_repeated=false").json()
    assert data["parameters"]["data_source"] == "burn_scars"
    assert data["label_en"].startswith("Mapped burn scars")
    cells = data["cells"]
    assert len(cells) == 50
    repeated = [c for c in cells if c["repeated"]]
    assert len(repeated) == 25
    assert {tuple(c["burn_years"]) for c in repeated} == {(2017, 2020, 2021, 2023)}
    assert {c["burn_count"] for c in repeated} == {3}
    once = [c for c in cells if not c["repeated"]]
    assert {(tuple(c["burn_years"]), c["burn_count"]) for c in once} == {((2024,), 1)}
    # Per district, checked against the real district polygons: the square straddles Mueang
    # Chiang Mai (5001) and Hang Dong (5015).
    repeated_by_district = {d["district_code"]: d["repeated_cells"] for d in data["districts"]}
    expected: dict[str, int] = {}
    for code in ("5001", "5015", "5019"):
        polygon = shapely.from_geojson(Area.objects.get(level="district", code=code).geometry)
        expected[code] = sum(
            shapely.contains_xy(polygon, c["bounds"][1] + 0.005, c["bounds"][0] + 0.005)
            for c in repeated
        )
    assert repeated_by_district == expected == {"5001": 5, "5015": 20, "5019": 0}


def test_private_burn_scars_only_for_their_organisation(client, client_as, agency_a, scars):
    feature_layer_load(
        source=scars,
        slug="private-scars",
        visibility="organisation",
        owner_organisation_id=agency_a.pk,
    )
    query = f"{API}?source=burn_scars&last_season=2024&only_repeated=false"
    assert client.get(query).json()["cells"] == []
    assert client_as("officer_b").get(query).json()["cells"] == []
    assert len(client_as("officer_a").get(query).json()["cells"]) == 50


def test_burn_scar_without_a_year_loads_nothing(tmp_path):
    feature = _scar(2020, SQUARE)
    feature["properties"] = {"burn_date": "last spring"}
    source = _scars_file(tmp_path, [_scar(2021, SQUARE), feature])
    with pytest.raises(AreaLayerLoadError) as failure:
        feature_layer_load(source=source, slug="bad", kind="burn_scars")
    assert "feature #1" in failure.value.bilingual()
    assert "year of the burn" in failure.value.bilingual()
    assert not Zone.objects.exists()
