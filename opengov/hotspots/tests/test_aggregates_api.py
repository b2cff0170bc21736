"""Daily counts, the province table, the cross-border panel and the hotspots API on the real
MODIS 2019-04-05/06 file with the real boundaries.

Expected figures were cross-checked with an independent count: the raw CSV read with ``csv``,
confidence ≥ 30, the ICT day from ``acq_date`` + ``acq_time`` + 7 h, the country by shapely
point-in-polygon (a point in a Thai province is Thailand)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import UTC, date, datetime

import pytest

from opengov.hotspots import selectors
from opengov.hotspots.models import DailyCount, Detection
from opengov.hotspots.services import firms_ingest
from opengov.hotspots.tests.conftest import MODIS_2019, MODIS_2025, firms_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_areas")]
FETCHED = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
API = "/api/v1/hotspots"
CROSS_BORDER = {
    date(2019, 4, 5): {"THA": 76, "MMR": 494, "LAO": 253, "KHM": 18, "VNM": 106},
    date(2019, 4, 6): {"THA": 180, "MMR": 1865, "LAO": 395, "KHM": 33, "VNM": 62},
}


@pytest.fixture
def modis_2019() -> None:
    firms_ingest(body=firms_bytes(MODIS_2019), fetched_at=FETCHED, origin=MODIS_2019)


def _daily_rows() -> list[tuple[object, ...]]:
    return sorted(
        DailyCount.objects.values_list(
            "day",
            "instrument",
            "satellite",
            "country_code",
            "province_code",
            "land_use_class",
            "confident",
            "count",
            "frp_sum",
        )
    )


def test_daily_counts_equal_a_grouping_of_the_detections(modis_2019):
    expected: Counter[tuple[object, ...]] = Counter()
    for d in Detection.objects.all():
        key = (d.acquired_day, d.instrument, d.satellite, d.country_code, d.province_code)
        expected[(*key, d.land_use_class, d.confident)] += 1
    counted = {row[:7]: int(str(row[7])) for row in _daily_rows()}
    assert counted == dict(expected)
    assert sum(counted.values()) == 3867


def test_reingest_leaves_the_daily_counts_unchanged(modis_2019):
    before = _daily_rows()
    result = firms_ingest(body=firms_bytes(MODIS_2019), fetched_at=FETCHED, origin=MODIS_2019)
    assert result.ingested == 0
    assert _daily_rows() == before


def test_cross_border_days_by_country_polygon(modis_2019):
    days = selectors.cross_border_daily(
        start_day=date(2019, 4, 4), end_day=date(2019, 4, 7), series="MODIS"
    )
    assert [d.day for d in days] == [date(2019, 4, day) for day in (4, 5, 6, 7)]
    assert days[0].counts == dict.fromkeys(selectors.CROSS_BORDER_COUNTRIES, 0)
    assert {d.day: d.counts for d in days[1:3]} == CROSS_BORDER
    # VIIRS S-NPP is another series: MODIS detections never leak into it.
    viirs = selectors.cross_border_daily(
        start_day=date(2019, 4, 5), end_day=date(2019, 4, 6), series="VIIRS_SNPP"
    )
    assert all(sum(d.counts.values()) == 0 for d in viirs)


def test_all_confidence_counts_more_than_the_default_filter(modis_2019):
    rows = selectors.daily_counts(
        start_day=date(2019, 4, 5), end_day=date(2019, 4, 6), group_by=(), series="MODIS"
    )
    everything = selectors.daily_counts(
        start_day=date(2019, 4, 5),
        end_day=date(2019, 4, 6),
        group_by=(),
        series="MODIS",
        confidence="all",
    )
    low = Detection.objects.filter(confidence_pct__lt=30).count()
    assert everything[0]["count"] == 3867
    assert rows[0]["count"] == 3867 - low


def test_district_grouping_reads_the_detections(modis_2019):
    rows = selectors.daily_counts(
        start_day=date(2019, 4, 6),
        end_day=date(2019, 4, 6),
        group_by=("province", "district"),
        series="MODIS",
        province="58",
    )
    assert sum(int(str(r["count"])) for r in rows) == 42
    assert all(str(r["district"]).startswith("58") for r in rows)


def test_province_table(modis_2019):
    table = selectors.province_table(today=date(2019, 4, 6), series="MODIS")
    assert table.season.start == date(2019, 1, 1) and table.season.end == date(2019, 5, 31)
    assert table.last_season == (date(2018, 1, 1), date(2018, 4, 6))
    assert (table.totals.today, table.totals.last_7_days, table.totals.season_to_date) == (
        172,
        246,
        246,
    )
    first = table.rows[0]
    assert (first.province_code, first.today, first.last_7_days) == ("58", 42, 59)
    assert first.season_by_class == {"unknown": 59}  # no land-use layer loaded: never a guess
    assert table.totals.last_season_same_period == 0


def test_season_crossing_the_new_year(settings):
    settings.HOTSPOTS_SEASON = ((12, 1), (5, 31))
    assert selectors.season_for(date(2023, 12, 15)).start == date(2023, 12, 1)
    assert selectors.season_for(date(2023, 12, 15)).year == 2024
    assert selectors.season_for(date(2024, 3, 1)).year == 2024
    assert selectors.season_for(date(2024, 8, 1)).end == date(2024, 5, 31)


def test_api_detections_json_geojson_csv(client, modis_2019):
    window = "start=2019-04-05T00:00Z&end=2019-04-07T00:00Z&series=MODIS"
    data = client.get(f"{API}/detections?{window}&limit=5").json()
    assert data["count"] == 5 and data["truncated"] is True
    assert data["acknowledgement"].startswith("We acknowledge the use of data")
    newest = Detection.objects.filter(confident=True).order_by("-acquired_at", "id").first()
    assert newest is not None
    assert data["items"][0]["id"] == newest.pk
    everything = client.get(f"{API}/detections?{window}&province=58&confidence=all").json()
    assert everything["count"] == Detection.objects.filter(province_code="58").count()

    geo = client.get(f"{API}/detections?{window}&format=geojson&province=58&limit=1")
    assert geo["Content-Type"].startswith("application/geo+json")
    feature = geo.json()["features"][0]
    assert feature["geometry"]["type"] == "Point"
    assert feature["properties"]["province_code"] == "58"

    body = client.get(f"{API}/detections?{window}&format=csv&country=MMR&limit=3000").content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 494 + 1865
    assert {row["country_code"] for row in rows} == {"MMR"}


def test_api_aggregates_provinces_cross_border(client, modis_2019):
    days = "start_day=2019-04-05&end_day=2019-04-06&series=MODIS"
    agg = client.get(f"{API}/aggregates?{days}&group_by=day,country&country=MMR").json()
    assert [(row["day"], row["count"]) for row in agg["items"]] == [
        ("2019-04-05", 494),
        ("2019-04-06", 1865),
    ]
    table = client.get(f"{API}/provinces?today=2019-04-06&series=MODIS").json()
    assert table["totals"]["today"] == 172
    assert table["items"][0]["province_code"] == "58"
    panel = client.get(f"{API}/cross-border?{days}").json()
    assert panel["items"][1] == {"day": "2019-04-06", **CROSS_BORDER[date(2019, 4, 6)]}


def test_api_repeated_burns_one_season(client, modis_2019):
    data = client.get(f"{API}/repeated-burns?last_season=2019&k=1&n=1&series=MODIS").json()
    # 3,558 distinct 0.01° cells hold the file's confident detections (independent count).
    assert data["parameters"]["k"] == 1
    assert len(data["cells"]) == 3558
    assert data["series"] == "MODIS"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("detections?bbox=1,2", "bbox"),
        ("detections?format=xml", "format"),
        ("detections?start=yesterday", "start"),
        ("detections?confidence=x", "confidence"),
        ("detections?series=GOES", "series"),
        ("aggregates?group_by=planet", "group_by"),
        ("aggregates?start_day=2019-02-30", "start_day"),
        ("aggregates?start_day=2019-04-06&end_day=2019-04-05", "start_day"),
        ("provinces?confidence=h", "confidence"),
        ("repeated-burns?k=6&n=5", "k"),
        ("attribution?station=35t", "station"),
    ],
)
def test_api_bad_parameters_are_named_in_both_languages(client, query, field):
    response = client.get(f"{API}/{query}")
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["query", field]
    assert detail["msg"] and detail["msg_th"] and detail["msg"] != detail["msg_th"]


def test_api_attribution_unknown_station(client):
    response = client.get(f"{API}/attribution?station=air4thai:nope")
    assert response.status_code == 404
    assert json.loads(response.content)["detail_th"].startswith("ไม่พบสถานี")


def test_repeated_burns_cache_follows_new_detections(client, modis_2019):
    query = f"{API}/repeated-burns?last_season=2025&k=1&n=7&series=MODIS"
    assert len(client.get(query).json()["cells"]) == 3558
    firms_ingest(body=firms_bytes(MODIS_2025), fetched_at=FETCHED, origin=MODIS_2025)
    assert len(client.get(query).json()["cells"]) > 3558


def test_repeated_burns_use_the_configured_season(client, settings, modis_2019):
    settings.HOTSPOTS_SEASON = ((6, 1), (12, 31))  # April 2019 is outside this window
    data = client.get(f"{API}/repeated-burns?last_season=2019&k=1&n=1&series=MODIS").json()
    assert data["cells"] == []
    assert data["parameters"]["season"]["start_month"] == 6
