"""Shared fixtures: the real FIRMS files (read from OPENGOV_DATA_DIR, never copied) and the real
country, province and district boundaries, loaded once for the package and removed afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from opengov.geo.models import Area, LayerLoad
from opengov.geo.selectors import area_index_clear
from opengov.geo.services import area_layers_load

FIRMS_DIR = Path(settings.OPENGOV_DATA_DIR) / "firms"
GEO_DIR = Path(settings.OPENGOV_DATA_DIR) / "geo"
MODIS_2025 = "MODIS_C6_1_Global_24h__2025-04-23_24__mainland-SEA-bbox.csv"
MODIS_2019 = "MODIS_C6_Global_24h__2019-04-05_06__mainland-SEA-bbox.csv"
VIIRS_SEA = "VNP14IMGTDL_NRT_SouthEast_Asia_24h__2019-09-28_29.csv"
VIIRS_SNPP_API = "fire_nrt_V1_157511__VIIRS-SNPP_download-API-header__2020-10-02__first300.csv"
VIIRS_NOAA20 = "fire_nrt_J1V-C2_157510__VIIRS-NOAA20_download-header__2020-10-02__first300.csv"
MODIS_ARCHIVE = "fire_archive_M6_96619__MODIS-archive-with-type__2019-08__excerpt.csv"
ALL_FILES = (MODIS_2025, MODIS_2019, VIIRS_SEA, VIIRS_SNPP_API, VIIRS_NOAA20, MODIS_ARCHIVE)


def firms_bytes(name: str) -> bytes:
    return (FIRMS_DIR / name).read_bytes()


def _areas_delete() -> None:
    for level in ("subdistrict", "district", "province", "country"):
        Area.objects.filter(level=level).delete()
    LayerLoad.objects.all().delete()
    area_index_clear()


@pytest.fixture(scope="package")
def reference_areas(django_db_setup, django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        _areas_delete()
        area_layers_load(
            sources=[
                str(GEO_DIR / "sea_countries_adm0.geojson"),
                str(GEO_DIR / "th_provinces_adm1.geojson"),
                str(GEO_DIR / "th_districts_adm2.geojson"),
            ]
        )
        area_index_clear()
    yield
    with django_db_blocker.unblock():
        _areas_delete()
