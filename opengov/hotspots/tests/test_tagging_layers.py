"""Land-use zones and risk places: loading (all or nothing, idempotent, private layers) and the
tags they give detections at ingest and on re-tagging."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import call_command

from opengov.geo.feature_index import haversine_km
from opengov.geo.models import FeatureLayer, RiskPlace, Zone
from opengov.geo.selectors import feature_index_clear
from opengov.geo.services import AreaLayerLoadError, feature_layer_load
from opengov.hotspots.models import DailyCount, Detection
from opengov.hotspots.services import detections_retag, firms_ingest
from opengov.hotspots.tests.conftest import GEO_DIR, MODIS_2019, firms_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_areas")]
FETCHED = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
PLANTS = str(GEO_DIR / "power_plants_gppd_sea.geojson")
# Two boxes in Mae Hong Son (province 58), where the file has 59 confident detections: the
# northern half as conservation forest, the same half again as agriculture (overlap → the
# class first in GISTDA's table wins), and a highway line.
NORTH = [[97.3, 18.9], [98.6, 18.9], [98.6, 20.0], [97.3, 20.0], [97.3, 18.9]]


def _layer_file(tmp_path: Path, features: list[dict[str, object]]) -> str:
    path = tmp_path / "zones.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return str(path)


def _zone(props: dict[str, object], geometry: dict[str, object]) -> dict[str, object]:
    return {"type": "Feature", "properties": props, "geometry": geometry}


@pytest.fixture(autouse=True)
def _fresh_indexes():
    feature_index_clear()
    yield
    feature_index_clear()


def test_power_plants_load_once_and_link_the_nearest(settings):
    first = feature_layer_load(source=PLANTS, slug="plants", kind="risk_places")
    again = feature_layer_load(source=PLANTS, slug="plants", kind="risk_places")
    feature_index_clear()  # done on commit in production; tests run inside one transaction
    assert (first.features, first.created, again.skipped) == (505, 505, True)
    assert RiskPlace.objects.filter(kind="power_plant").count() == 505
    settings.HOTSPOTS_RISK_PLACE_RADIUS_KM = 5
    firms_ingest(body=firms_bytes(MODIS_2019), fetched_at=FETCHED, origin=MODIS_2019)
    linked = Detection.objects.exclude(risk_place=None).select_related("risk_place")
    assert linked.exists()
    for detection in linked:
        plants = RiskPlace.objects.all()
        distances = {
            p.pk: float(haversine_km(float(detection.lat), float(detection.lon), p.lat, p.lon))
            for p in plants
        }
        nearest = min(distances, key=lambda pk: (distances[pk], pk))
        assert detection.risk_place_id == nearest
        assert detection.risk_place_km == pytest.approx(distances[nearest], abs=0.001)
        assert distances[nearest] <= 5
    unlinked = Detection.objects.filter(risk_place=None)[:200]
    for detection in unlinked:
        assert all(
            haversine_km(float(detection.lat), float(detection.lon), p.lat, p.lon) > 5
            for p in RiskPlace.objects.all()
        )


def test_land_use_classes_tag_and_retag(tmp_path):
    firms_ingest(body=firms_bytes(MODIS_2019), fetched_at=FETCHED, origin=MODIS_2019)
    assert set(Detection.objects.values_list("land_use_class", flat=True)) == {"unknown"}
    source = _layer_file(
        tmp_path,
        [
            _zone({"lu_name": "พื้นที่เกษตร"}, {"type": "Polygon", "coordinates": [NORTH]}),
            _zone({"lu_code": 1, "name": "north"}, {"type": "Polygon", "coordinates": [NORTH]}),
            _zone(
                {"class": "highway_corridor"},
                {"type": "LineString", "coordinates": [[98.0, 18.0], [98.0, 18.5]]},
            ),
        ],
    )
    loaded = feature_layer_load(source=source, slug="zones")
    feature_index_clear()  # done on commit in production; tests run inside one transaction
    assert (loaded.kind, loaded.features) == ("land_use", 3)
    corridor = Zone.objects.get(zone_class="highway_corridor")
    # 50 m each side: about 0.00095° of longitude at 18.25° N.
    assert corridor.max_lon - corridor.min_lon == pytest.approx(2 * 50 / 111320 / 0.9497, rel=0.01)

    result = detections_retag()
    north = Detection.objects.filter(lat__gte=18.9, lat__lte=20.0, lon__gte=97.3, lon__lte=98.6)
    assert result.changed == north.count() > 0
    assert set(north.values_list("land_use_class", flat=True)) == {"conservation_forest"}
    assert Detection.objects.exclude(pk__in=north).filter(land_use_class="unknown").count() == (
        Detection.objects.count() - north.count()
    )
    in_class = DailyCount.objects.filter(land_use_class="conservation_forest")
    assert sum(in_class.values_list("count", flat=True)) == north.count()
    assert detections_retag().changed == 0


def test_bad_zone_layer_loads_nothing(tmp_path):
    source = _layer_file(
        tmp_path,
        [
            _zone({"class": "agriculture"}, {"type": "Polygon", "coordinates": [NORTH]}),
            _zone({"class": "moon"}, {"type": "Polygon", "coordinates": [NORTH]}),
            _zone({"class": "agriculture"}, {"type": "Point", "coordinates": [98, 18]}),
        ],
    )
    with pytest.raises(AreaLayerLoadError) as failure:
        feature_layer_load(source=source, slug="bad")
    text = failure.value.bilingual()
    assert "feature #1" in text and "land-use class is missing or unknown" in text
    assert "feature #2" in text and "not a Polygon" in text
    assert "ชั้นข้อมูล" in text or "ไม่" in text
    assert not FeatureLayer.objects.exists() and not Zone.objects.exists()


def test_private_layer_needs_an_owner_and_stays_out_of_public_tagging(tmp_path):
    source = _layer_file(
        tmp_path, [_zone({"class": "cane_burnt"}, {"type": "Polygon", "coordinates": [NORTH]})]
    )
    with pytest.raises(AreaLayerLoadError):
        feature_layer_load(source=source, slug="cane", visibility="organisation")
    loaded = feature_layer_load(
        source=source, slug="cane", visibility="organisation", owner_organisation_id=7
    )
    assert loaded.created == 1
    feature_index_clear()
    firms_ingest(body=firms_bytes(MODIS_2019), fetched_at=FETCHED, origin=MODIS_2019)
    assert set(Detection.objects.values_list("land_use_class", flat=True)) == {"unknown"}


def test_geo_load_command_detects_risk_places(capsys):
    call_command("geo_load", PLANTS, "--slug", "gppd")
    assert "risk_places gppd: 505 features" in capsys.readouterr().out
    call_command("hotspots_retag")
    assert "examined 0" in capsys.readouterr().out


def test_hotspots_inside_a_private_layer_per_class(client, client_as, agency_a, tmp_path):
    source = _layer_file(
        tmp_path,
        [
            _zone({"class": "cane_burnt"}, {"type": "Polygon", "coordinates": [NORTH]}),
            _zone(  # at sea in the Bay of Bengal: no detection
                {"class": "cane_machine"},
                {"type": "Polygon", "coordinates": [[[90, 10], [91, 10], [91, 11], [90, 10]]]},
            ),
        ],
    )
    feature_layer_load(
        source=source, slug="cane", visibility="organisation", owner_organisation_id=agency_a.pk
    )
    firms_ingest(body=firms_bytes(MODIS_2019), fetched_at=FETCHED, origin=MODIS_2019)
    inside = Detection.objects.filter(
        lat__gte=18.9, lat__lte=20.0, lon__gte=97.3, lon__lte=98.6, confident=True
    )
    url = "/en/hotspots/layers/cane/?start=2019-04-01&end=2019-04-10&series=MODIS"
    page = client_as("officer_a").get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert f'<th scope="row">cane_burnt</th><td>{inside.count()}</td>' in text
    assert '<th scope="row">cane_machine</th><td>0</td>' in text
    assert inside.count() == 36
    assert client.get(url).status_code == 404
    assert client_as("officer_b").get(url).status_code == 404
