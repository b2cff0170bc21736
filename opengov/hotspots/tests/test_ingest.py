"""Ingest on the real FIRMS files with the real boundaries: counts, tagging, idempotence and
all-or-nothing refusal of bad files."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from opengov.hotspots.models import Detection, FirmsPayload, ParseStatus
from opengov.hotspots.services import FirmsIngestResult, firms_ingest
from opengov.hotspots.sources.firms.parser import FirmsInvalid
from opengov.hotspots.tests.conftest import (
    MODIS_2019,
    MODIS_2025,
    MODIS_ARCHIVE,
    VIIRS_NOAA20,
    VIIRS_SEA,
    VIIRS_SNPP_API,
    firms_bytes,
)

FETCHED = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
# Country of each detection by the real Natural Earth + Thai province polygons (a point inside a
# Thai province is Thailand); cross-checked with a plain shapely point-in-polygon count.
BY_COUNTRY = {
    MODIS_2025: {
        "BGD": 50,
        "CHN": 26,
        "IND": 20,
        "KHM": 119,
        "LAO": 1345,
        "MMR": 421,
        "THA": 106,
        "VNM": 284,
        "none": 12,
    },
    MODIS_2019: {
        "BGD": 150,
        "CHN": 29,
        "IDN": 1,
        "IND": 65,
        "KHM": 54,
        "LAO": 666,
        "MMR": 2430,
        "MYS": 7,
        "THA": 269,
        "VNM": 184,
        "none": 12,
    },
    VIIRS_SEA: {"IDN": 4015, "MYS": 56, "PHL": 4, "TLS": 152, "none": 112},
}


def _ingest(name: str, *, product: str = "", skip_parsed: bool = False) -> FirmsIngestResult:
    return firms_ingest(
        body=firms_bytes(name),
        fetched_at=FETCHED,
        origin=name,
        product=product,
        skip_parsed=skip_parsed,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(BY_COUNTRY))
def test_detections_are_counted_by_country(reference_areas, name):
    result = _ingest(name)
    rows = sum(BY_COUNTRY[name].values())
    assert (result.file_rows, result.ingested, result.duplicates, result.rejected) == (
        rows,
        rows,
        0,
        [],
    )
    assert result.by_country == BY_COUNTRY[name]
    stored = Counter(Detection.objects.values_list("country_code", flat=True))
    assert stored == {code if code != "none" else "": n for code, n in BY_COUNTRY[name].items()}


@pytest.mark.django_db
def test_thai_detections_get_province_and_district(reference_areas):
    _ingest(MODIS_2019)
    thai = Detection.objects.filter(country_code="THA")
    assert thai.count() == 269
    assert thai.exclude(province_code="").count() == 256
    assert thai.exclude(district_code="").count() == 256
    # A Chiang Mai detection: province 50, its district code starts with the province code.
    chiang_mai = list(thai.filter(province_code="50").values_list("district_code", flat=True))
    assert chiang_mai
    assert all(code.startswith("50") for code in chiang_mai)
    assert not Detection.objects.exclude(country_code="THA").exclude(province_code="").exists()


@pytest.mark.django_db
def test_rerun_writes_nothing_and_reports_everything_as_duplicates(reference_areas):
    first = _ingest(MODIS_2025)
    second = _ingest(MODIS_2025)
    assert (first.ingested, first.duplicates) == (2383, 0)
    assert (second.file_rows, second.ingested, second.duplicates) == (2383, 0, 2383)
    assert second.by_country == first.by_country
    assert second.payload_id == first.payload_id
    assert Detection.objects.count() == 2383
    assert FirmsPayload.objects.count() == 1
    skipped = _ingest(MODIS_2025, skip_parsed=True)
    assert skipped.already_parsed
    assert (skipped.ingested, skipped.file_rows) == (0, 0)


@pytest.mark.django_db
def test_same_detection_in_another_file_is_a_duplicate(reference_areas):
    whole = firms_bytes(MODIS_2025)
    part = b"\n".join(whole.split(b"\n")[:101]) + b"\n"  # header + first 100 rows
    firms_ingest(body=part, fetched_at=FETCHED, origin="part.csv")
    result = _ingest(MODIS_2025)
    assert (result.ingested, result.duplicates) == (2283, 100)
    assert Detection.objects.count() == 2383
    assert FirmsPayload.objects.count() == 2


@pytest.mark.django_db
def test_fields_are_stored_per_instrument(reference_areas):
    _ingest(VIIRS_NOAA20)
    _ingest(MODIS_ARCHIVE, product="fire_archive_M6_96619")
    viirs = Detection.objects.filter(instrument="VIIRS").order_by("acquired_at", "lat").first()
    assert viirs is not None
    assert (viirs.satellite, viirs.brightness, viirs.bright_t31) == ("NOAA20", None, None)
    assert viirs.bright_ti4 is not None and viirs.bright_ti5 is not None
    modis = Detection.objects.get(
        instrument="MODIS",
        satellite="Terra",
        acquired_at=datetime(2019, 8, 1, 0, 56, tzinfo=UTC),
        lat=Decimal("-11.807"),
        lon=Decimal("142.0583"),
    )
    assert (modis.brightness, modis.bright_t31, modis.bright_ti4) == (313.0, 297.3, None)
    assert (modis.confidence_raw, modis.confidence_pct, modis.confidence_class) == ("48", 48, "n")
    assert (modis.fire_type, modis.version, modis.frp, modis.daynight) == (0, "6.3", 6.6, "D")
    assert (modis.product, modis.country_code) == ("fire_archive_M6_96619", "")
    assert Counter(
        Detection.objects.filter(instrument="MODIS").values_list("fire_type", flat=True)
    ) == {0: 298, 2: 335, 3: 10}


@pytest.mark.django_db
def test_bad_rows_are_skipped_and_reported(reference_areas):
    header = firms_bytes(MODIS_2025).split(b"\n")[0]
    body = header + (
        b"\n18.79,98.98,320,1,1,2025-03-10,0630,A,85,6.1NRT,295,20.5,D"
        b"\n18.79,98.98,320,1,1,2025-03-10,0630,A,85,6.1NRT,295,20.5,D"
        b"\n18.79,98.98,320,1,1,2025-13-10,0630,A,85,6.1NRT,295,20.5,D\n"
    )
    result = firms_ingest(body=body, fetched_at=FETCHED)
    assert result.as_json() == {
        "file_rows": 3,
        "ingested": 1,
        "duplicates": 1,
        "rejected": [{"line": 4, "reason": "acq_date '2025-13-10' is not a calendar date"}],
        "by_country": {"THA": 1},
    }
    stored = Detection.objects.get()
    assert (stored.country_code, stored.province_code) == ("THA", "50")


@pytest.mark.django_db
def test_bad_header_writes_nothing(reference_areas):
    body = firms_bytes(MODIS_2025).replace(b"acq_date,", b"date,", 1)
    with pytest.raises(FirmsInvalid, match="missing column"):
        firms_ingest(body=body, fetched_at=FETCHED)
    assert not FirmsPayload.objects.exists()
    assert not Detection.objects.exists()


@pytest.mark.django_db
def test_payload_is_kept_with_its_row_count(reference_areas):
    _ingest(VIIRS_SEA)
    payload = FirmsPayload.objects.get()
    assert (payload.parse_status, payload.file_rows, payload.origin) == (
        ParseStatus.PARSED,
        4339,
        VIIRS_SEA,
    )


def _as_standard_processing(body: bytes) -> bytes:
    """The same rows re-labelled as standard processing (version 2) with FRP + 1 MW."""
    lines = body.decode("utf-8").splitlines()
    header = lines[0].split(",")
    version, frp = header.index("version"), header.index("frp")
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        cells[version] = "2"
        cells[frp] = f"{float(cells[frp]) + 1:.2f}"
        out.append(",".join(cells))
    return ("\n".join(out) + "\n").encode("utf-8")


@pytest.mark.django_db
@pytest.mark.usefixtures("reference_areas")
def test_standard_processing_replaces_near_real_time_in_place():
    nrt = firms_bytes(VIIRS_SNPP_API)
    firms_ingest(body=nrt, fetched_at=FETCHED, origin=VIIRS_SNPP_API)
    before = dict(Detection.objects.values_list("id", "frp"))
    standard = firms_ingest(body=_as_standard_processing(nrt), fetched_at=FETCHED, origin="sp")
    assert (standard.ingested, standard.replaced, standard.duplicates) == (0, 300, 300)
    after = dict(Detection.objects.values_list("id", "frp"))
    assert after.keys() == before.keys()
    assert all(after[pk] == pytest.approx((before[pk] or 0) + 1) for pk in before)
    assert set(Detection.objects.values_list("version", flat=True)) == {"2"}
    # The NRT file again never downgrades the standard rows.
    again = firms_ingest(body=nrt, fetched_at=FETCHED, origin=VIIRS_SNPP_API)
    assert (again.ingested, again.replaced) == (0, 0)
    assert set(Detection.objects.values_list("version", flat=True)) == {"2"}
