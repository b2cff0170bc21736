"""The Thai AQI engine reproduces every sub-index of a real Air4Thai latest-values capture.

Data: ``OPENGOV_DATA_DIR/airquality/air4thai_getNewAQI_JSON__2026-08-23T17ICT__excerpt_33stations.json``
(spec §1.2, §10; SOURCES.md: "81 non-missing sub-indices and all 33 overall AQI values").
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from opengov.airquality.aqi import POLLUTANTS, band, overall_index, scheme_for, sub_index

CAPTURE = (
    Path(settings.OPENGOV_DATA_DIR)
    / "airquality"
    / "air4thai_getNewAQI_JSON__2026-08-23T17ICT__excerpt_33stations.json"
)
SENTINEL_AQI = {-1, -999, -9999}


@pytest.fixture(scope="module")
def stations() -> list[dict[str, Any]]:
    with CAPTURE.open(encoding="utf-8") as capture:
        payload: dict[str, Any] = json.load(capture)
    stations: list[dict[str, Any]] = payload["stations"]
    return stations


def _published_sub_indices(stations: list[dict[str, Any]]) -> list[tuple[str, str, str, int, int]]:
    """(station, pollutant, value, aqi, color_id) for every non-sentinel value with an aqi."""
    found = []
    for station in stations:
        latest = station["AQILast"]
        for pollutant in POLLUTANTS:
            reading = latest[pollutant]
            aqi = int(reading["aqi"])
            if reading["value"] == "-1" or aqi in SENTINEL_AQI:
                continue
            found.append(
                (station["stationID"], pollutant, reading["value"], aqi, int(reading["color_id"]))
            )
    return found


def test_capture_is_the_2023_scheme(stations):
    dates = {date.fromisoformat(station["AQILast"]["date"]) for station in stations}
    assert dates == {date(2026, 8, 23)}
    assert scheme_for(date(2026, 8, 23)) == "th-2023"


def test_every_published_sub_index_is_reproduced(stations):
    published = _published_sub_indices(stations)
    assert len(published) == 81
    computed = [
        (station, pollutant, value, sub_index(pollutant, value, "th-2023"))
        for station, pollutant, value, _, _ in published
    ]
    expected = [(station, pollutant, value, aqi) for station, pollutant, value, aqi, _ in published]
    assert computed == expected


def test_every_published_colour_id_is_the_band_number(stations):
    published = _published_sub_indices(stations)
    assert [(s, p, band(aqi).number) for s, p, _, aqi, _ in published] == [
        (s, p, colour_id) for s, p, _, _, colour_id in published
    ]
    assert {colour_id for *_, colour_id in published} == {1, 2, 3}


def test_missing_readings_are_sentinels_everywhere(stations):
    missing = [
        (
            station["AQILast"][p]["value"],
            station["AQILast"][p]["aqi"],
            station["AQILast"][p]["color_id"],
        )
        for station in stations
        for p in POLLUTANTS
        if station["AQILast"][p]["value"] == "-1"
    ]
    assert len(missing) == 33 * 6 - 81
    assert {value for value, _, _ in missing} == {"-1"}
    assert {aqi for _, aqi, _ in missing} == {"-1", "-999"}
    assert {colour_id for _, _, colour_id in missing} == {"0"}
    assert {sub_index("PM25", value) for value, _, _ in missing} == {None}


def test_every_overall_index_and_param_is_reproduced(stations):
    computed = []
    published = []
    for station in stations:
        latest = station["AQILast"]
        values = {p: latest[p]["value"] for p in POLLUTANTS}
        result = overall_index({p: sub_index(p, v) for p, v in values.items()})
        assert result is not None
        computed.append((station["stationID"], *result, band(result[0]).number))
        published.append(
            (
                station["stationID"],
                int(latest["AQI"]["aqi"]),
                latest["AQI"]["param"],
                int(latest["AQI"]["color_id"]),
            )
        )
    assert len(computed) == 33
    assert computed == published
    params = [param for _, _, param, _ in published]
    assert {p: params.count(p) for p in set(params)} == {"PM25": 25, "O3": 4, "PM10": 3, "CO": 1}
