from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from opengov.airquality.sources.air4thai import parser
from opengov.airquality.sources.records import PayloadInvalid


def test_latest_counts_and_sentinels(latest_bytes):
    parsed = parser.latest_parse(latest_bytes)
    assert len(parsed.stations) == 33
    # 33 stations × 6 pollutants = 198 entries: 81 real values, 117 sentinels ("-1").
    assert len(parsed.readings) == 81
    assert parsed.sentinels == 117
    assert parsed.missing == 0
    assert all(r.value >= 0 for r in parsed.readings)


def test_latest_35t_value_time_and_averaging(latest_bytes):
    parsed = parser.latest_parse(latest_bytes)
    (reading,) = [r for r in parsed.readings if r.station_id == "35t"]
    assert reading.parameter == "PM25"
    assert reading.averaging == "24h"
    assert reading.value == Decimal("14.3")
    assert reading.unit == "µg/m³"
    # 17:00 ICT, hour-ending → 10:00 UTC
    assert reading.observed_at == datetime(2026, 8, 23, 10, 0, tzinfo=UTC)


def test_latest_mixed_hours_types_and_raw_text(latest_bytes):
    parsed = parser.latest_parse(latest_bytes)
    stations = {s.source_id: s for s in parsed.stations}
    assert stations["35t"].name_th == "ศูนย์ราชการจังหวัดเชียงใหม่ "  # raw, trailing space kept
    assert stations["68t"].area_en.startswith("\u0e3a")
    assert stations["o63"].kind == "mobile"
    assert stations["bkp100t"].station_type == "BKK"
    assert stations["35t"].lat == pytest.approx(18.840732)
    times = {r.station_id: r.observed_at for r in parsed.readings}
    assert times["31t"] == datetime(2026, 8, 23, 7, 0, tzinfo=UTC)  # 14:00 ICT, stale
    assert times["bkp100t"] == datetime(2026, 8, 23, 11, 0, tzinfo=UTC)  # 18:00 ICT
    co = [r for r in parsed.readings if r.station_id == "101t" and r.parameter == "CO"]
    assert co[0].value == Decimal("3.50") and co[0].averaging == "8h"


def test_latest_negative_colour_marks_station_stale():
    body = {
        "stations": [
            {
                "stationID": "76t",
                "lat": "16.7",
                "long": "98.5",
                "AQILast": {
                    "date": "2026-09-17",
                    "time": "24:00",
                    "PM25": {"color_id": "1", "aqi": "10", "value": "5.0"},
                    "AQI": {"color_id": "-1", "aqi": "10", "param": "PM25"},
                },
            }
        ]
    }
    parsed = parser.latest_parse(json.dumps(body).encode())
    assert parsed.stations[0].flagged_stale is True
    assert parsed.readings[0].observed_at == datetime(2026, 9, 17, 17, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b"<html>502 Bad Gateway</html>", "JSON"),
        (b'{"result": "OK"}', "stations"),
        (b'{"stations": [{"nameTH": "x"}]}', "stationID"),
        (
            b'{"stations": [{"stationID": "1t", "AQILast": {"date": "2026-08-23", "time": "17:00",'
            b' "PM25": {"value": "abc"}}}]}',
            "PM25",
        ),
    ],
)
def test_latest_malformed_is_rejected_in_both_languages(body, needle):
    with pytest.raises(PayloadInvalid) as caught:
        parser.latest_parse(body)
    text = caught.value.bilingual()
    assert needle in text
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in text)  # Thai message present


def test_history_export_counts(export_bytes):
    parsed = parser.history_export_parse(export_bytes)
    assert [s.source_id for s in parsed.stations] == ["02t", "03t", "05t", "08t"]
    pm25 = [r for r in parsed.readings if r.parameter == "PM25"]
    # 4 × 2,136 hours minus the empty hours 20 + 6 + 4 + 6
    assert len(pm25) == 8544 - 36
    # zero-filled met rows (19 + 65 + 0 + 793) × 4 columns are dropped as missing
    assert parsed.sentinels == 877 * 4
    assert len(parsed.readings) == 39176
    first = pm25[0]
    assert (first.station_id, first.value) == ("02t", Decimal("32.6"))
    assert first.observed_at == datetime(2023, 11, 30, 17, 0, tzinfo=UTC)
    assert max(r.value for r in pm25 if r.station_id == "02t") == Decimal("123.8")


def test_history_pivot_hour_ending_labels(pivot_bytes):
    parsed = parser.history_pivot_parse(pivot_bytes, station_id="35t")
    assert len(parsed.readings) == 1656 - 25
    assert parsed.missing == 25
    last = max(parsed.readings, key=lambda r: r.observed_at)
    assert last.observed_at == datetime(2025, 1, 8, 16, 0, tzinfo=UTC)  # 2025-01-08 23:00 ICT
    assert last.value == Decimal("39")
    day = [
        r.value
        for r in parsed.readings
        if datetime(2025, 1, 7, 17, 0, tzinfo=UTC) <= r.observed_at <= last.observed_at
    ]
    assert len(day) == 24
    assert round(sum(day) / 24, 2) == Decimal("36.33")


def test_history_pivot_needs_station():
    with pytest.raises(PayloadInvalid):
        parser.history_pivot_parse(b'"Time","2024/11/01"\n"00:00",5', station_id="")


def test_history_json_nulls_and_errors():
    body = {
        "result": "OK",
        "error": "",
        "stations": [
            {
                "stationID": "35t",
                "params": ["PM25"],
                "data": [
                    {"DATETIMEDATA": "2026-09-28 00:00:00", "PM25": 11.1},
                    {"DATETIMEDATA": "2026-09-28 01:00:00", "PM25": None},
                    {"DATETIMEDATA": "2026-09-28 02:00:00", "PM25": -1},
                ],
                "summary": {"PM25": {"max": -1}},
            }
        ],
    }
    parsed = parser.history_json_parse(json.dumps(body).encode())
    assert [(r.value, r.averaging) for r in parsed.readings] == [(Decimal("11.1"), "1h")]
    assert parsed.readings[0].observed_at == datetime(2026, 9, 27, 17, 0, tzinfo=UTC)
    assert (parsed.missing, parsed.sentinels) == (1, 1)
    with pytest.raises(PayloadInvalid, match="error"):
        parser.history_json_parse(b'{"result": "ERROR", "error": "bad station", "stations": []}')


def test_kind_detection(latest_bytes, pivot_bytes, export_bytes):
    assert parser.payload_kind_detect(latest_bytes) == parser.LATEST
    assert parser.payload_kind_detect(pivot_bytes) == parser.HISTORY_PIVOT
    assert parser.payload_kind_detect(export_bytes) == parser.HISTORY_EXPORT
    assert parser.payload_kind_detect(b'{"result":"OK","stations":[]}') == parser.HISTORY_JSON
    with pytest.raises(PayloadInvalid):
        parser.payload_kind_detect(b"hello")
