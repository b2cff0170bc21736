"""Stations are tagged with province and district codes from the real reference boundaries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings

from opengov.airquality.models import Station
from opengov.airquality.services import readings_ingest_payload
from opengov.geo.models import Area, LayerLoad
from opengov.geo.selectors import area_index_clear
from opengov.geo.services import area_layers_load

GEO = Path(settings.OPENGOV_DATA_DIR) / "geo"


def _areas_delete() -> None:
    for level in ("subdistrict", "district", "province", "country"):
        Area.objects.filter(level=level).delete()
    LayerLoad.objects.all().delete()
    area_index_clear()


@pytest.fixture(scope="module")
def thai_areas(django_db_setup, django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        _areas_delete()
        area_layers_load(
            sources=[str(GEO / "th_provinces_adm1.geojson"), str(GEO / "th_districts_adm2.geojson")]
        )
        area_index_clear()
    yield
    with django_db_blocker.unblock():
        _areas_delete()


@pytest.mark.django_db
def test_northern_stations_get_province_and_district(thai_areas, latest_bytes):
    readings_ingest_payload(
        source="air4thai",
        payload_bytes=latest_bytes,
        kind="latest",
        fetched_at=datetime(2026, 8, 23, 10, 31, tzinfo=UTC),
    )
    codes = {
        s.source_id: (s.province_code, s.district_code)
        for s in Station.objects.filter(source_id__in=["35t", "36t", "57t", "73t", "58t", "68t"])
    }
    assert {k: v[0] for k, v in codes.items()} == {
        "35t": "50",
        "36t": "50",
        "57t": "57",
        "73t": "57",
        "58t": "58",
        "68t": "51",
    }
    assert codes["36t"][1] == "5001"  # Yupparaj school, Mueang Chiang Mai
    # City Hall sits on the Mueang / Mae Rim line; the reference boundary puts it in Mae Rim.
    assert codes["35t"][1] == "5007"
    assert codes["73t"][1] == "5709"  # Mae Sai
    assert Station.objects.exclude(province_code="").count() == 33
