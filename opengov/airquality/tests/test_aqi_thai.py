"""Thai AQI: spec §2.7 test vectors and every breakpoint of §2.1 and §2.2.

The expected tables are written out here from the spec, independently of the scheme data module,
so a typo in either shows up.
"""

from __future__ import annotations

import pytest

from opengov.airquality.aqi import band, overall_index, sub_index

# Spec §2.1: (pollutant, [(conc_lo, conc_hi), …]) for AQI 0–25, 26–50, 51–100, 101–200.
THAI_2023_ROWS = {
    "PM25": [("0", "15.0"), ("15.1", "25.0"), ("25.1", "37.5"), ("37.6", "75.0")],
    "PM10": [("0", "50"), ("51", "80"), ("81", "120"), ("121", "180")],
    "O3": [("0", "35"), ("36", "50"), ("51", "70"), ("71", "120")],
    "CO": [("0", "4.4"), ("4.5", "6.4"), ("6.5", "9.0"), ("9.1", "30.0")],
    "NO2": [("0", "60"), ("61", "106"), ("107", "170"), ("171", "340")],
    "SO2": [("0", "100"), ("101", "200"), ("201", "300"), ("301", "400")],
}
THAI_2023_TOP = {
    "PM25": "75.1",
    "PM10": "181",
    "O3": "121",
    "CO": "30.1",
    "NO2": "341",
    "SO2": "401",
}
# Spec §2.2: PM2.5 before 1 June 2023.
THAI_PRE_2023_PM25_ROWS = [("0", "25"), ("26", "37"), ("38", "50"), ("51", "90")]
INDEX_ROWS = [(0, 25), (26, 50), (51, 100), (101, 200)]

BOUNDARY_CASES = [
    (pollutant, conc, index)
    for pollutant, rows in THAI_2023_ROWS.items()
    for (conc_lo, conc_hi), (index_lo, index_hi) in zip(rows, INDEX_ROWS, strict=True)
    for conc, index in ((conc_lo, index_lo), (conc_hi, index_hi))
]


@pytest.mark.parametrize(("pollutant", "conc", "expected"), BOUNDARY_CASES)
def test_2023_every_breakpoint_maps_to_its_index(pollutant, conc, expected):
    assert sub_index(pollutant, conc, "th-2023") == expected


@pytest.mark.parametrize(("pollutant", "conc"), sorted(THAI_2023_TOP.items()))
def test_2023_top_band_starts_at_201(pollutant, conc):
    assert sub_index(pollutant, conc, "th-2023") == 201
    assert band(201).number == 5


@pytest.mark.parametrize(
    ("conc", "expected"),
    [
        (lo, index_lo)
        for (lo, _), (index_lo, _) in zip(THAI_PRE_2023_PM25_ROWS, INDEX_ROWS, strict=True)
    ]
    + [
        (hi, index_hi)
        for (_, hi), (_, index_hi) in zip(THAI_PRE_2023_PM25_ROWS, INDEX_ROWS, strict=True)
    ]
    + [("91", 201)],
)
def test_pre_2023_pm25_every_breakpoint(conc, expected):
    assert sub_index("PM25", conc, "th-pre2023") == expected


@pytest.mark.parametrize("pollutant", ["PM10", "O3", "CO", "NO2", "SO2"])
def test_pre_2023_other_pollutants_share_the_2023_rows(pollutant):
    for conc, expected in [(c, i) for p, c, i in BOUNDARY_CASES if p == pollutant]:
        assert sub_index(pollutant, conc, "th-pre2023") == expected


def test_vector_1_round_half_up():
    # 18.5 → 19, 0.5 → 1, 23.5 → 24, 2.5 → 3 (Python's round() would give 18, 0, 24, 2)
    assert [
        sub_index("PM10", "37"),
        sub_index("SO2", "2"),
        sub_index("PM10", "47"),
        sub_index("SO2", "10"),
    ] == [19, 1, 24, 3]


def test_vector_2_overall_and_param_57t():
    subs = {"PM25": sub_index("PM25", "9.0"), "PM10": sub_index("PM10", "31")}
    assert subs == {"PM25": 15, "PM10": 16}
    assert overall_index(subs) == (16, "PM10")


def test_vector_3_band_edges():
    assert (sub_index("PM25", "25.2"), band(51).number) == (51, 3)
    assert (sub_index("O3", "36"), band(26).number) == (26, 2)
    assert sub_index("O3", "46") == 43
    subs_101t = {"PM25": 9, "PM10": 7, "CO": sub_index("CO", "3.50"), "NO2": 1, "SO2": 0}
    assert overall_index(subs_101t) == (20, "CO")


def test_vector_4_pre_2023_03t_2019():
    feed = {"PM25": "26", "PM10": "51", "O3": "11", "CO": "0.54", "NO2": "30", "SO2": "-1"}
    subs = {p: sub_index(p, v, "th-pre2023") for p, v in feed.items()}
    assert subs == {"PM25": 26, "PM10": 26, "O3": 8, "CO": 3, "NO2": 13, "SO2": None}
    assert overall_index(subs) == (26, "PM10")
    # Under the 2023 scale the same PM2.5 would already be band 3.
    assert sub_index("PM25", "26", "th-2023") == 55


def test_vectors_5_and_6_thai_24h_means():
    assert (sub_index("PM25", "36.3"), band(95).number) == (95, 3)
    assert (sub_index("PM25", "58.0"), band(155).number) == (155, 4)


def test_values_inside_a_band_interpolate_exactly():
    # 89t 25.2 → 51.395…; 121t PM2.5 26.0 → 54.56 → 55; 119t PM2.5 18.9 → 35.21 → 35.
    assert [sub_index("PM25", v) for v in ("25.2", "26.0", "18.9")] == [51, 55, 35]
    # NO2 2 → 0.83 → 1, NO2 1 → 0.42 → 0 (both in the capture).
    assert [sub_index("NO2", "2"), sub_index("NO2", "1")] == [1, 0]


@pytest.mark.parametrize(
    ("pollutant", "conc", "expected"),
    [
        ("PM25", "25.05", 51),  # gap 25.0 | 25.1 → upper band, never below its first index
        ("PM25", "15.04", 26),
        ("PM10", "80.5", 51),  # unclamped the formula would give 50.37 → 50 (band 2)
        ("CO", "6.45", 51),
        ("SO2", 100.5, 26),
    ],
)
def test_gap_values_fall_into_the_upper_band(pollutant, conc, expected):
    assert sub_index(pollutant, conc) == expected


def test_top_band_extrapolates_with_the_band_4_slope():
    # PM2.5: 201 + 99/37.4 per µg/m³ above 75.1 (spec §2.1 option a).
    assert sub_index("PM25", "100.0") == 267  # 201 + 2.6471 × 24.9 = 266.91
    assert sub_index("PM25", "150") == 399  # 201 + 2.6471 × 74.9 = 399.27
    assert sub_index("PM10", "250") == 317  # 201 + 99/59 × 69 = 316.78


def test_default_scheme_is_th_2023():
    assert sub_index("PM25", "37.6") == sub_index("PM25", "37.6", "th-2023") == 101
    assert sub_index("PM25", "37.6", "th-pre2023") == 51
