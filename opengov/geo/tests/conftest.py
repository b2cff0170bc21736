"""Shared fixtures: the real reference files, loaded once for the whole geo test package.

Loading the four files takes a few seconds, so ``reference_areas`` stores them once (outside any
test transaction) and removes them again when the package is done, leaving the database as it
found it for other apps' tests. Tests that change rows run inside their own rolled-back
transaction (``db``), so they never disturb the shared rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from opengov.geo.models import Area, LayerLoad
from opengov.geo.selectors import area_index_clear
from opengov.geo.services import LayerLoadResult, area_layers_load

GEO_DIR = Path(settings.OPENGOV_DATA_DIR) / "geo"
COUNTRIES = GEO_DIR / "sea_countries_adm0.geojson"
PROVINCES = GEO_DIR / "th_provinces_adm1.geojson"
DISTRICTS = GEO_DIR / "th_districts_adm2.geojson"
SUBDISTRICTS = GEO_DIR / "th_subdistricts_adm3.geojson"


def _areas_delete() -> None:
    for level in ("subdistrict", "district", "province", "country"):
        Area.objects.filter(level=level).delete()
    LayerLoad.objects.all().delete()
    area_index_clear()


@pytest.fixture(scope="package")
def reference_areas(django_db_setup, django_db_blocker) -> Iterator[dict[str, LayerLoadResult]]:
    with django_db_blocker.unblock():
        _areas_delete()
        # Deliberately out of order: geo_load sorts by level.
        results = area_layers_load(
            sources=[str(SUBDISTRICTS), str(DISTRICTS), str(COUNTRIES), str(PROVINCES)]
        )
        area_index_clear()
    yield {result.level: result for result in results}
    with django_db_blocker.unblock():
        _areas_delete()
