"""Scheme registry, validity dates, bands, overall index and display (spec §2, §2.3, §2.4)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import pairwise

import pytest

from opengov.airquality.aqi import (
    BEYOND_US_AQI,
    SCHEMES,
    Band,
    UnknownSchemeError,
    aqi_display,
    band,
    get_scheme,
    overall_index,
    scheme_for,
)

ICT = timezone(timedelta(hours=7))


@pytest.mark.parametrize(
    ("when", "family", "expected"),
    [
        (date(2019, 2, 17), "th", "th-pre2023"),
        (date(2023, 5, 31), "th", "th-pre2023"),
        (date(2023, 6, 1), "th", "th-2023"),
        (date(2026, 8, 23), "th", "th-2023"),
        # Naive = ICT wall-clock, as Air4Thai labels come (documented in scheme_for).
        (datetime(2023, 5, 31, 23, 59), "th", "th-pre2023"),  # noqa: DTZ001
        (datetime(2023, 6, 1, 0, 0), "th", "th-2023"),  # noqa: DTZ001
        # 31 May 17:00 UTC is already 1 June 00:00 in Thailand.
        (datetime(2023, 5, 31, 17, 0, tzinfo=UTC), "th", "th-2023"),
        (datetime(2023, 5, 31, 16, 59, tzinfo=UTC), "th", "th-pre2023"),
        (datetime(2023, 6, 1, 0, 0, tzinfo=ICT), "th", "th-2023"),
        (date(2024, 5, 5), "us", "us-pre2024"),
        (date(2024, 5, 6), "us", "us-2024"),
        (datetime(2024, 5, 5, 17, 0, tzinfo=UTC), "us", "us-2024"),
        (datetime(2024, 5, 5, 16, 59, tzinfo=UTC), "us", "us-pre2024"),
        (date(2019, 2, 17), "us", "us-pre2024"),
    ],
)
def test_scheme_for_dates(when, family, expected):
    assert scheme_for(when, family) == expected


def test_scheme_for_defaults_to_thai():
    assert scheme_for(date(2023, 6, 1)) == "th-2023"


def test_scheme_for_unknown_family_raises():
    with pytest.raises(UnknownSchemeError, match="eu"):
        scheme_for(date(2024, 1, 1), "eu")


@pytest.mark.parametrize("family", ["th", "us"])
def test_each_family_covers_time_without_gaps_or_overlaps(family):
    versions = [scheme for scheme in SCHEMES if scheme.family == family]
    assert versions[0].valid_from is None
    assert versions[-1].valid_to is None
    for older, newer in pairwise(versions):
        assert older.valid_to == newer.valid_from


@pytest.mark.parametrize(
    ("alias", "scheme_id"),
    [
        ("th_2023", "th-2023"),
        ("th_pre2023", "th-pre2023"),
        ("th-2018", "th-pre2023"),
        ("US_2024", "us-2024"),
        ("us_pre2024", "us-pre2024"),
    ],
)
def test_scheme_aliases(alias, scheme_id):
    assert get_scheme(alias).scheme_id == scheme_id


def test_every_table_is_contiguous_and_covers_six_pollutants():
    for scheme in SCHEMES:
        assert [table.pollutant for table in scheme.tables] == [
            "PM25",
            "PM10",
            "O3",
            "CO",
            "NO2",
            "SO2",
        ]
        for table in scheme.tables:
            assert table.rows[0].conc_lo == 0 and table.rows[0].index_lo == 0
            for lower, upper in pairwise(table.rows):
                assert lower.conc_hi is not None and lower.index_hi is not None
                assert upper.conc_lo > lower.conc_hi
                assert upper.index_lo == lower.index_hi + 1


THAI_BANDS = [
    (1, 0, 25, "#00BFF3", (0, 191, 243), "คุณภาพอากาศดีมาก", "Very good"),
    (2, 26, 50, "#00A651", (0, 166, 81), "คุณภาพอากาศดี", "Good"),
    (3, 51, 100, "#FDC04E", (253, 192, 78), "ปานกลาง", "Moderate"),
    (4, 101, 200, "#F26522", (242, 101, 34), "เริ่มมีผลกระทบต่อสุขภาพ", "Starting to affect health"),
    (5, 201, None, "#CD0000", (205, 0, 0), "มีผลกระทบต่อสุขภาพ", "Affects health"),
]


@pytest.mark.parametrize("row", THAI_BANDS)
@pytest.mark.parametrize("scheme", ["th-2023", "th-pre2023"])
def test_thai_bands(row, scheme):
    number, aqi_min, aqi_max, colour, rgb, name_th, name_en = row
    for aqi in (aqi_min, aqi_max if aqi_max is not None else 999):
        found = band(aqi, scheme)
        assert (found.number, found.aqi_min, found.aqi_max) == (number, aqi_min, aqi_max)
        assert (found.colour, found.color, found.rgb) == (colour, colour, rgb)
        assert (found.name_th, found.name_en, found.scheme) == (name_th, name_en, scheme)


US_BANDS = [
    (1, 0, 50, "#00E400", "Good"),
    (2, 51, 100, "#FFFF00", "Moderate"),
    (3, 101, 150, "#FF7E00", "Unhealthy for Sensitive Groups"),
    (4, 151, 200, "#FF0000", "Unhealthy"),
    (5, 201, 300, "#8F3F97", "Very Unhealthy"),
    (6, 301, None, "#7E0023", "Hazardous"),
]


@pytest.mark.parametrize("row", US_BANDS)
@pytest.mark.parametrize("scheme", ["us-2024", "us-pre2024"])
def test_us_bands(row, scheme):
    number, aqi_min, aqi_max, colour, name_en = row
    for aqi in (aqi_min, aqi_max if aqi_max is not None else BEYOND_US_AQI):
        found = band(aqi, scheme)
        assert (found.number, found.aqi_min, found.aqi_max, found.colour) == (
            number,
            aqi_min,
            aqi_max,
            colour,
        )
        assert (found.name_en, found.scheme) == (name_en, scheme)
        assert found.name_th.startswith("คุณภาพอากาศ")


def test_band_5_2023_advice_is_the_verbatim_everyone_text():
    red = band(201)
    assert red.advice_verified is True
    assert red.advice_general_th == red.advice_at_risk_th
    assert red.advice_general_th.startswith("ประชาชนทุกคน : - งดกิจกรรมกลางแจ้ง")
    assert red.advice_general_th.endswith("ปฏิบัติตามคำแนะนำของแพทย์อย่างเคร่งครัด")
    assert red.advice_general_en.startswith("Everyone: - Should avoid outdoor activities.")
    assert red.advice_at_risk_en.endswith("strictly follow the doctor's advice.")


def test_provisional_advice_is_flagged():
    assert [band(aqi).advice_verified for aqi in (0, 26, 51, 101)] == [False] * 4
    assert "t1_n1" in band(0).advice_source
    assert (
        band(51).advice_general_en
        == "Reduce the amount of time spent doing strenuous outdoor activities."
    )


def test_pre_2023_advice_is_the_ccdc_text():
    assert band(0, "th-pre2023").advice_general_th == (
        "คุณภาพอากาศดีมาก เหมาะสำหรับกิจกรรมกลางแจ้งและการท่องเที่ยว"
    )
    assert band(51, "th-pre2023").advice_general_th == "สามารถทำกิจกรรมกลางแจ้งได้ตามปกติ"
    assert band(201, "th-pre2023").advice_general_th.startswith(
        "ประชาชนทุกคนควรหลีกเลี่ยงกิจกรรมกลางแจ้ง"
    )


def test_every_band_has_advice_in_both_languages_for_both_audiences():
    for scheme in SCHEMES:
        for found in scheme.bands:
            texts = (
                found.advice_general_th,
                found.advice_general_en,
                found.advice_at_risk_th,
                found.advice_at_risk_en,
                found.advice_source,
            )
            assert all(text.strip() == text and text for text in texts), found


def test_bands_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        band(10).number = 2  # type: ignore[misc]
    assert isinstance(band(10), Band)


def test_band_rejects_negative_index():
    with pytest.raises(ValueError, match="non-negative"):
        band(-1)


@pytest.mark.parametrize(
    ("sub_indices", "expected"),
    [
        ({"PM25": 26, "PM10": 26}, (26, "PM10")),  # the 2019 tie (spec §1.2)
        ({"PM10": 26, "PM25": 26}, (26, "PM10")),
        ({"PM25": 24, "PM10": -1, "O3": None, "SO2": -999, "CO": -9999}, (24, "PM25")),
        ({"PM25": 9, "O3": 23, "CO": 12}, (23, "O3")),
        ({"O3": 0, "NO2": 0}, (0, "O3")),
    ],
)
def test_overall_index(sub_indices, expected):
    assert overall_index(sub_indices) == expected


def test_overall_index_without_data_is_none():
    assert overall_index({}) is None
    assert overall_index({"PM25": None, "PM10": -1, "O3": -999}) is None


def test_overall_index_tie_order_is_configurable():
    assert overall_index({"PM25": 26, "PM10": 26}, tie_break_order=("PM25", "PM10")) == (26, "PM25")


@pytest.mark.parametrize(
    ("aqi", "scheme", "text"),
    [
        (200, "th-2023", "200"),
        (201, "th-2023", "> 200"),
        (267, "th-pre2023", "> 200"),
        (500, "us-2024", "500"),
        (BEYOND_US_AQI, "us-2024", "> 500"),
    ],
)
def test_display_caps_the_open_top(aqi, scheme, text):
    assert aqi_display(aqi, scheme) == text
