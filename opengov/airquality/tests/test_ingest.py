from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from opengov.airquality.models import ParseStatus, RawPayload, Reading, Station
from opengov.airquality.services import raw_payload_reparse, readings_ingest_payload
from opengov.airquality.sources.records import PayloadInvalid

pytestmark = pytest.mark.django_db
FETCHED = datetime(2026, 8, 23, 10, 31, tzinfo=UTC)


def ingest(body: bytes, kind: str = "latest", **extra):
    return readings_ingest_payload(
        source="air4thai", payload_bytes=body, kind=kind, fetched_at=FETCHED, **extra
    )


def test_latest_creates_stations_and_readings(latest_bytes):
    result = ingest(latest_bytes, origin="latest.json")
    assert (result.stations_created, result.readings_created) == (33, 81)
    assert result.readings_skipped == 117
    assert Station.objects.count() == 33
    reading = Reading.objects.get(station__source_id="35t")
    assert (reading.parameter, reading.averaging, reading.value) == ("PM25", "24h", Decimal("14.3"))
    assert reading.observed_at == datetime(2026, 8, 23, 10, 0, tzinfo=UTC)
    assert reading.raw_payload_id == result.payload_id
    station = Station.objects.get(source_id="35t")
    assert station.name_th_display == "ศูนย์ราชการจังหวัดเชียงใหม่"
    assert station.parameters == ["PM25"]
    assert station.last_reading_at == reading.observed_at
    assert Station.objects.get(source_id="68t").area_en_display == "Ban Klang, Mueang, Lamphun"
    payload = RawPayload.objects.get()
    assert payload.parse_status == ParseStatus.PARSED and bytes(payload.body) == latest_bytes


def test_same_payload_twice_changes_nothing(latest_bytes):
    ingest(latest_bytes)
    again = ingest(latest_bytes)
    assert again.duplicate and again.readings_created == 0
    forced = ingest(latest_bytes, reparse=True)
    assert (forced.readings_created, forced.readings_updated, forced.readings_unchanged) == (
        0,
        0,
        81,
    )
    assert (forced.stations_created, forced.stations_updated) == (0, 0)
    assert RawPayload.objects.count() == 1 and Reading.objects.count() == 81


def test_reparse_from_stored_payload(latest_bytes):
    result = ingest(latest_bytes)
    Reading.objects.filter(station__source_id="35t").update(value=Decimal("99"))
    again = raw_payload_reparse(payload=RawPayload.objects.get(pk=result.payload_id))
    assert (again.readings_updated, again.readings_unchanged) == (1, 80)
    assert Reading.objects.get(station__source_id="35t").value == Decimal("14.3")


def test_history_after_latest_keeps_station_description(latest_bytes, pivot_bytes):
    ingest(latest_bytes)
    result = ingest(pivot_bytes, kind="history_pivot", options={"station_id": "35t"})
    assert (result.stations_created, result.stations_updated) == (0, 0)
    assert result.readings_created == 1631 and result.readings_skipped == 25
    station = Station.objects.get(source_id="35t")
    assert station.name_en == "City Hall, Chiangmai"
    assert station.first_reading_at == datetime(2024, 10, 31, 17, 0, tzinfo=UTC)
    assert station.last_reading_at == datetime(2026, 8, 23, 10, 0, tzinfo=UTC)
    assert Reading.objects.filter(station=station, averaging="1h").count() == 1631


def test_history_export_creates_stub_stations(export_bytes):
    result = ingest(export_bytes, kind="history_export")
    assert result.stations_created == 4
    assert result.readings_created == 39176
    assert result.readings_skipped == 42756 + 3508
    station = Station.objects.get(source_id="08t")
    assert station.lat is None and station.name_th == ""
    assert sorted(station.parameters) == ["PM25", "RH", "TEMP", "WD", "WS"]


def test_changed_value_updates_one_reading(latest_bytes):
    ingest(latest_bytes)
    changed = latest_bytes.replace(b'"value": "14.3"', b'"value": "14.4"', 1)
    assert changed != latest_bytes
    result = ingest(changed)
    assert (result.readings_created, result.readings_updated, result.readings_unchanged) == (
        0,
        1,
        80,
    )
    assert RawPayload.objects.count() == 2


def test_malformed_payload_writes_nothing(latest_bytes):
    broken = latest_bytes.replace(b'"value": "14.3"', b'"value": "14,3"', 1)
    with pytest.raises(PayloadInvalid, match="35t"):
        ingest(broken)
    assert (RawPayload.objects.count(), Station.objects.count(), Reading.objects.count()) == (
        0,
        0,
        0,
    )


def test_rejected_payload_kept_for_audit_when_asked():
    with pytest.raises(PayloadInvalid):
        ingest(b"<html>maintenance</html>", keep_rejected=True, http_status=200)
    payload = RawPayload.objects.get()
    assert payload.parse_status == ParseStatus.FAILED
    assert "JSON" in payload.parse_error
    assert Station.objects.count() == 0


def test_openaq_locations_then_measurements():
    from .conftest import OPENAQ_LOCATIONS_FILE, OPENAQ_MEASUREMENTS_FILE

    readings_ingest_payload(
        source="openaq",
        payload_bytes=OPENAQ_LOCATIONS_FILE.read_bytes(),
        kind="openaq_locations",
        fetched_at=FETCHED,
    )
    result = readings_ingest_payload(
        source="openaq",
        payload_bytes=OPENAQ_MEASUREMENTS_FILE.read_bytes(),
        kind="openaq_measurements",
        fetched_at=FETCHED,
        options={"station_id": "2178"},
    )
    assert (result.stations_created, result.readings_created) == (0, 2)
    station = Station.objects.get(source="openaq")
    assert (station.name_en, station.kind, station.province_code) == ("Del Norte", "reference", "")
