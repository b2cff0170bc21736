"""US EPA AQI: every breakpoint of spec §2.4 (2024 and pre-2024), truncation, beyond the AQI."""

from __future__ import annotations

import pytest

from opengov.airquality.aqi import BEYOND_US_AQI, band, sub_index

INDEX_ROWS_2024 = [(0, 50), (51, 100), (101, 150), (151, 200), (201, 300), (301, 500)]
# Spec §2.4, in Air4Thai units (O3 8-h in ppb = the spec's ppm × 1000).
US_2024_ROWS = {
    "PM25": [
        ("0.0", "9.0"),
        ("9.1", "35.4"),
        ("35.5", "55.4"),
        ("55.5", "125.4"),
        ("125.5", "225.4"),
        ("225.5", "325.4"),
    ],
    "PM10": [
        ("0", "54"),
        ("55", "154"),
        ("155", "254"),
        ("255", "354"),
        ("355", "424"),
        ("425", "604"),
    ],
    "O3": [("0", "54"), ("55", "70"), ("71", "85"), ("86", "105"), ("106", "200")],
    "CO": [
        ("0.0", "4.4"),
        ("4.5", "9.4"),
        ("9.5", "12.4"),
        ("12.5", "15.4"),
        ("15.5", "30.4"),
        ("30.5", "50.4"),
    ],
    "SO2": [("0", "35"), ("36", "75"), ("76", "185"), ("186", "304")],
    "NO2": [
        ("0", "53"),
        ("54", "100"),
        ("101", "360"),
        ("361", "649"),
        ("650", "1249"),
        ("1250", "2049"),
    ],
}
US_PRE_2024_PM25_ROWS = [
    (("0.0", "12.0"), (0, 50)),
    (("12.1", "35.4"), (51, 100)),
    (("35.5", "55.4"), (101, 150)),
    (("55.5", "150.4"), (151, 200)),
    (("150.5", "250.4"), (201, 300)),
    (("250.5", "350.4"), (301, 400)),
    (("350.5", "500.4"), (401, 500)),
]


def _boundaries_2024() -> list[tuple[str, str, int]]:
    cases = []
    for pollutant, rows in US_2024_ROWS.items():
        for (conc_lo, conc_hi), (index_lo, index_hi) in zip(rows, INDEX_ROWS_2024, strict=False):
            cases += [(pollutant, conc_lo, index_lo), (pollutant, conc_hi, index_hi)]
    return cases


@pytest.mark.parametrize(("pollutant", "conc", "expected"), _boundaries_2024())
def test_2024_every_breakpoint(pollutant, conc, expected):
    assert sub_index(pollutant, conc, "us-2024") == expected


@pytest.mark.parametrize(
    ("conc", "expected"),
    [(lo, i_lo) for (lo, _), (i_lo, _) in US_PRE_2024_PM25_ROWS]
    + [(hi, i_hi) for (_, hi), (_, i_hi) in US_PRE_2024_PM25_ROWS],
)
def test_pre_2024_pm25_every_breakpoint(conc, expected):
    assert sub_index("PM25", conc, "us-pre2024") == expected


@pytest.mark.parametrize(
    ("pollutant", "conc", "expected"),
    [
        ("PM10", "504", 400),
        ("PM10", "505", 401),
        ("CO", "40.4", 400),
        ("CO", "40.5", 401),
        ("NO2", "1649", 400),
        ("NO2", "1650", 401),
        ("PM10", "424", 300),
        ("O3", "70", 100),
    ],
)
def test_pre_2024_other_pollutants_keep_the_split_hazardous_rows(pollutant, conc, expected):
    assert sub_index(pollutant, conc, "us-pre2024") == expected


def test_2024_revision_changes_pm25_only():
    assert sub_index("PM25", "12.0", "us-2024") == 56  # 51 + 49/26.3 × 2.9 = 56.40
    assert sub_index("PM25", "12.0", "us-pre2024") == 50
    assert sub_index("PM10", "100", "us-2024") == sub_index("PM10", "100", "us-pre2024") == 73


def test_vectors_5_and_6_us_nowcast_values():
    assert (sub_index("PM25", "41.8", "us-2024"), band(117, "us-2024").name_en) == (
        117,
        "Unhealthy for Sensitive Groups",
    )
    assert (sub_index("PM25", "100.8", "us-2024"), band(183, "us-2024").name_en) == (
        183,
        "Unhealthy",
    )


@pytest.mark.parametrize(
    ("pollutant", "raw", "truncated"),
    [
        ("PM25", "41.879", "41.8"),
        ("PM25", 9.09, "9.0"),
        ("PM10", "54.9", "54"),
        ("O3", "70.9", "70"),
        ("CO", "4.49", "4.4"),
        ("SO2", "35.99", "35"),
        ("NO2", "53.7", "53"),
    ],
)
def test_concentration_is_truncated_not_rounded(pollutant, raw, truncated):
    assert sub_index(pollutant, raw, "us-2024") == sub_index(pollutant, truncated, "us-2024")


def test_rounding_to_nearest_integer_half_up():
    # CO 6.9 ppm → 51 + 49/4.9 × 2.4 = 75.0 exactly → 75; NO2 77 → 51 + 49/46 × 23 = 75.5 → 76
    assert sub_index("CO", "6.9", "us-2024") == 75
    assert sub_index("NO2", "77", "us-2024") == 76


@pytest.mark.parametrize(
    ("pollutant", "conc", "scheme"),
    [
        ("PM25", "325.5", "us-2024"),
        ("PM25", "500.5", "us-pre2024"),
        ("PM10", "605", "us-2024"),
        ("CO", "50.5", "us-2024"),
        ("NO2", "2050", "us-pre2024"),
    ],
)
def test_above_the_top_breakpoint_is_beyond_the_aqi(pollutant, conc, scheme):
    assert sub_index(pollutant, conc, scheme) == BEYOND_US_AQI == 501
    assert band(BEYOND_US_AQI, scheme).name_en == "Hazardous"


def test_truncation_keeps_the_top_breakpoint_inside_the_scale():
    assert sub_index("PM25", "325.49", "us-2024") == 500


@pytest.mark.parametrize(("pollutant", "conc"), [("O3", "201"), ("SO2", "305")])
def test_no_index_where_the_epa_switches_averaging(pollutant, conc):
    # 8-h O3 > 0.200 ppm needs 1-h O3; 1-h SO2 > 304 ppb needs 24-h SO2 (neither in Air4Thai).
    assert sub_index(pollutant, conc, "us-2024") is None
    assert sub_index(pollutant, conc, "us-pre2024") is None
