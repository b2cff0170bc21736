"""Read selectors on the real captured Air4Thai payloads (expected values worked out by hand from
the files in OPENGOV_DATA_DIR/airquality, independent of the code under test)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from opengov.airquality.models import RawPayload, Reading, Station
from opengov.airquality.selectors import (
    SeriesPoint,
    daily_standard,
    province_daily_series,
    province_summary,
    readings_series,
    station_days_over_standard,
    station_get,
    stations_list,
    stations_now,
)
from opengov.airquality.services import readings_ingest_payload

ICT = timezone(timedelta(hours=7))
FEED_NOW = datetime(2026, 8, 23, 18, 0, tzinfo=ICT)  # the latest feed's hour 17:00 ICT + 1 h


def _ingest(body: bytes, kind: str, station_id: str = "") -> None:
    readings_ingest_payload(
        source="air4thai",
        payload_bytes=body,
        kind=kind,
        fetched_at=datetime(2026, 8, 23, 10, 31, tzinfo=UTC),
        options={"station_id": station_id} if station_id else None,
    )


@pytest.fixture(scope="module")
def captured(django_db_setup, django_db_blocker, latest_bytes, pivot_bytes, export_bytes):
    """All three captures, loaded once. The tests run without boundaries, so the province codes
    the geo index would give are set here: 35t/36t Chiang Mai (50), the Bangkok four (10)."""
    with django_db_blocker.unblock():
        _ingest(latest_bytes, "latest")
        _ingest(pivot_bytes, "history_pivot", "35t")
        _ingest(export_bytes, "history_export")
        Station.objects.filter(source_id__in=["35t", "36t"]).update(province_code="50")
        Station.objects.filter(source_id__in=["02t", "03t", "05t", "08t"]).update(
            province_code="10"
        )
    yield
    with django_db_blocker.unblock():
        Reading.objects.all().delete()
        Station.objects.all().delete()
        RawPayload.objects.all().delete()


def _by_id(items: list) -> dict:  # type: ignore[type-arg]
    return {item.station.source_id: item for item in items}


@pytest.mark.django_db
def test_stations_now_latest_feed_exact(latest_bytes, django_assert_max_num_queries):
    _ingest(latest_bytes, "latest")
    with django_assert_max_num_queries(2):
        now = stations_now(now=FEED_NOW)
    assert len(now) == 33
    by_id = _by_id(now)
    s121 = by_id["121t"]  # PM2.5 24 h 26.0 → Thai 2023 sub-index 55 (band 3, moderate)
    assert s121.observed_at == datetime(2026, 8, 23, 10, tzinfo=UTC)
    assert (s121.aqi, s121.aqi_pollutant, s121.band_number) == (55, "PM25", 3)
    assert s121.pm25_24h == Decimal("26.0")
    assert s121.pm25_1h is None
    assert s121.values == {
        "PM25": Decimal("26.0"),
        "O3": Decimal("46"),
        "CO": Decimal("0.3"),
        "NO2": Decimal("2"),
        "SO2": Decimal("1"),
    }
    assert s121.averagings["O3"] == "8h"
    assert (s121.is_stale, s121.age_hours) == (False, 1.0)
    # Spec §2.7 vectors 2 and 3: 57t → 16 (PM10), 89t → 51 (band 3), 101t → 20 (CO).
    assert (by_id["57t"].aqi, by_id["57t"].aqi_pollutant) == (16, "PM10")
    assert (by_id["89t"].aqi, by_id["89t"].band_number) == (51, 3)
    assert (by_id["101t"].aqi, by_id["101t"].aqi_pollutant) == (20, "CO")
    bands = sorted(s.band_number or 0 for s in now)
    assert bands.count(3) == 2 and bands.count(0) == 1


@pytest.mark.django_db
def test_stale_station_keeps_its_time_but_no_band(latest_bytes):
    _ingest(latest_bytes, "latest")
    by_id = _by_id(stations_now(now=FEED_NOW))
    stale = by_id["31t"]  # its latest hour is 14:00 ICT: 4 h old at 18:00
    assert stale.is_stale is True
    assert stale.age_hours == 4.0
    assert stale.observed_at == datetime(2026, 8, 23, 7, tzinfo=UTC)
    assert (stale.aqi, stale.band_number) == (29, 0)
    assert by_id["19t"].is_stale is False  # exactly 3 h: not beyond the limit
    stricter = _by_id(stations_now(now=FEED_NOW, stale_after_hours=2))
    assert stricter["19t"].is_stale is True
    assert stricter["19t"].band_number == 0


@pytest.mark.django_db
def test_station_without_readings_is_stale_and_empty():
    Station.objects.create(source="air4thai", source_id="999t", name_en="New")
    [only] = stations_now(now=FEED_NOW)
    assert (only.is_stale, only.observed_at, only.aqi, only.band_number) == (True, None, None, 0)
    assert only.values == {}


@pytest.mark.django_db
def test_hourly_pm_only_gives_no_thai_aqi(captured):
    # 35t on 8 Jan 2025 has only 1-hour PM2.5 (history): never banded on the 24-hour scale.
    now = _by_id(stations_now(province_code="50", now=datetime(2025, 1, 9, 0, 30, tzinfo=ICT)))
    s35 = now["35t"]
    assert s35.observed_at == datetime(2025, 1, 8, 16, tzinfo=UTC)  # 23:00 ICT
    assert s35.pm25_1h == Decimal("39.0")
    assert (s35.pm25_24h, s35.aqi, s35.band_number, s35.is_stale) == (None, None, 0, False)
    assert s35.values == {"PM25": Decimal("39.0")}
    assert now["36t"].observed_at is None


@pytest.mark.django_db
def test_stations_list_filters(captured):
    assert stations_list().count() == 36
    assert [s.source_id for s in stations_list(province_code="50")] == ["35t", "36t"]
    assert [s.source_id for s in stations_list(kind="mobile")] == ["o63"]
    assert stations_list(source="openaq").count() == 0
    station = station_get(source="air4thai", source_id="35t")
    assert station is not None and station.province_code == "50"
    assert station_get(source="air4thai", source_id="nope") is None


@pytest.mark.django_db
def test_daily_means_35t_match_the_file(captured):
    station = station_get(source="air4thai", source_id="35t")
    assert station is not None
    days = readings_series(
        station=station,
        parameter="PM25",
        start=datetime(2024, 12, 15, tzinfo=ICT),
        end=datetime(2025, 1, 9, tzinfo=ICT) - timedelta(microseconds=1),
        interval="day",
    )
    by_day = {p.time: p for p in days}
    # Spec §2.7 vector 5: the 24 hourly values of 8 Jan 2025 average 36.33.
    assert by_day[date(2025, 1, 8)] == SeriesPoint(date(2025, 1, 8), Decimal("36.33"), 24, "1h")
    assert by_day[date(2024, 12, 15)] == SeriesPoint(date(2024, 12, 15), Decimal("12.70"), 24, "1h")
    assert len(days) == 25


@pytest.mark.django_db
def test_partial_day_counts_its_hours(captured):
    station = station_get(source="air4thai", source_id="35t")
    assert station is not None
    [point] = readings_series(
        station=station,
        parameter="PM25",
        start=datetime(2024, 11, 28, tzinfo=ICT),
        end=datetime(2024, 11, 28, 23, 59, tzinfo=ICT),
        interval="day",
    )
    assert (point.value, point.count) == (Decimal("23.87"), 13)


@pytest.mark.django_db
def test_hourly_series_ends_of_hours(captured):
    station = station_get(source="air4thai", source_id="35t")
    assert station is not None
    points = readings_series(
        station=station,
        parameter="PM25",
        start=datetime(2025, 1, 8, 0, tzinfo=ICT),
        end=datetime(2025, 1, 8, 23, tzinfo=ICT),
    )
    assert len(points) == 24
    assert points[-1] == SeriesPoint(datetime(2025, 1, 8, 16, tzinfo=UTC), Decimal("39.0"), 1, "1h")
    # The last 12 hours of spec vector 5, newest first.
    assert [p.value for p in reversed(points[-12:])] == [
        Decimal(v)
        for v in (
            [
                "39.0",
                "40.9",
                "49.8",
                "48.1",
                "44.1",
                "33.3",
                "37.9",
                "38.0",
                "36.1",
                "34.1",
                "39.8",
                "33.2",
            ]
        )
    ]


@pytest.mark.django_db
def test_series_falls_back_to_the_24h_feed_value(captured):
    station = station_get(source="air4thai", source_id="35t")
    assert station is not None
    points = readings_series(
        station=station,
        parameter="PM25",
        start=datetime(2026, 8, 16, tzinfo=UTC),
        end=datetime(2026, 8, 24, tzinfo=UTC),
    )
    assert points == [SeriesPoint(datetime(2026, 8, 23, 10, tzinfo=UTC), Decimal("14.3"), 1, "24h")]
    only_1h = readings_series(
        station=station,
        parameter="PM25",
        start=datetime(2026, 8, 16, tzinfo=UTC),
        end=datetime(2026, 8, 24, tzinfo=UTC),
        averaging="1h",
    )
    assert only_1h == []


@pytest.mark.django_db
def test_days_over_standard(captured):
    bangkok = station_get(source="air4thai", source_id="02t")
    chiang_mai = station_get(source="air4thai", source_id="35t")
    assert bangkok is not None and chiang_mai is not None
    over = station_days_over_standard(
        station=bangkok, start=date(2023, 12, 1), end=date(2024, 2, 27)
    )
    assert len(over) == 46
    assert all(p.value is not None and p.value > Decimal("37.5") for p in over)
    assert date(2024, 1, 15) in {p.time for p in over}  # 37.58: just above
    # Chiang Mai's early season stays below: the highest day is 8 Jan 2025 at 36.33.
    assert (
        station_days_over_standard(
            station=chiang_mai, start=date(2024, 11, 1), end=date(2025, 1, 8)
        )
        == []
    )


def test_daily_standard_by_date():
    assert daily_standard("PM25", date(2023, 5, 31)) == Decimal(50)
    assert daily_standard("PM25", date(2023, 6, 1)) == Decimal("37.5")
    assert daily_standard("PM10", date(2025, 1, 1)) == Decimal(120)
    assert daily_standard("O3", date(2025, 1, 1)) is None


@pytest.mark.django_db
def test_province_daily_series_averages_station_means(captured):
    points = province_daily_series(
        province_code="10", parameter="PM25", start=date(2023, 12, 10), end=date(2023, 12, 10)
    )
    # 02t 66.91, 03t 66.32, 05t 61.98, 08t 72.27 → 267.48 / 4
    assert points == [SeriesPoint(date(2023, 12, 10), Decimal("66.87"), 4, "1h")]


@pytest.mark.django_db
def test_province_summary_now(captured):
    summary = province_summary(province_code="50", now=FEED_NOW)
    assert [s.station.source_id for s in summary.stations] == ["35t", "36t"]
    assert summary.worst is not None
    assert (summary.worst.station.source_id, summary.worst.aqi) == ("35t", 24)
    assert (summary.start, summary.end) == (date(2026, 7, 25), date(2026, 8, 23))
    # 35t 14.3 and 36t 9.6 (24-h feed values) → 11.95
    assert summary.pm25_daily == [SeriesPoint(date(2026, 8, 23), Decimal("11.95"), 2, "24h")]
