"""Repeated-burn recurrence from FIRMS points (spec §6.4): seasons, grid cells, k-of-N windows and
the district roll-up, on hand-made points with exact expected values."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import pytest

from opengov.hotspots.recurrence import (
    NO_SEASON,
    BurnPoints,
    Season,
    burn_recurrence,
    grid_cell,
    grid_cell_bounds,
    season_of,
    season_years,
)

ICT = timezone(timedelta(hours=7))
WINTER = Season(start_month=12, start_day=1, end_month=5, end_day=31)

# Cell centres at 0.01°: A = 1884:9896, B = 1885:9896 (north of A), C = 1884:9897 (east of A).
A = (18.845, 98.965)
B = (18.855, 98.965)
C = (18.845, 98.975)


def ict(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=ICT)


def by_id(result):
    return {cell.cell_id: cell for cell in result.cells}


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2024, 5, 31, 16, 59, tzinfo=UTC), 2024),  # 31 May 23:59 ICT: last minute in
        (datetime(2024, 5, 31, 17, 0, tzinfo=UTC), None),  # 1 Jun 00:00 ICT: out
        (datetime(2023, 12, 31, 17, 30, tzinfo=UTC), 2024),  # 1 Jan 2024 00:30 ICT: in
        (datetime(2023, 12, 31, 16, 59, tzinfo=UTC), None),  # 31 Dec 23:59 ICT: out
        (datetime(2024, 2, 29, 5, 0, tzinfo=UTC), 2024),
        (datetime(2024, 9, 1, 5, 0, tzinfo=UTC), None),
    ],
)
def test_default_season_is_1_jan_to_31_may_in_ict(moment, expected):
    assert season_of(moment) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2023, 11, 30, 16, 59, tzinfo=UTC), None),  # 30 Nov 23:59 ICT
        (datetime(2023, 11, 30, 17, 0, tzinfo=UTC), 2024),  # 1 Dec 2023 00:00 ICT → season 2024
        (ict(2023, 12, 31), 2024),
        (ict(2024, 3, 15), 2024),
        (ict(2024, 5, 31, 23), 2024),
        (ict(2024, 6, 1, 0), None),
        (ict(2024, 12, 15), 2025),  # named by the year in which the season ends
    ],
)
def test_custom_season_crossing_the_new_year_belongs_to_its_end_year(moment, expected):
    assert WINTER.crosses_new_year is True
    assert season_of(moment, WINTER) == expected


def test_season_years_vectorised_matches_one_by_one():
    moments = [ict(2023, 11, 30, 23), ict(2023, 12, 1, 0), ict(2024, 1, 1, 0), ict(2024, 7, 1)]
    epoch = [int(moment.timestamp()) for moment in moments]
    assert season_years(epoch).tolist() == [NO_SEASON, NO_SEASON, 2024, NO_SEASON]
    assert season_years(epoch, WINTER).tolist() == [NO_SEASON, 2024, 2024, NO_SEASON]


def test_season_rejects_impossible_days_and_naive_times():
    with pytest.raises(ValueError, match="2/30"):
        Season(end_month=2, end_day=30)
    assert Season(end_month=2, end_day=29).crosses_new_year is False
    naive = datetime(2024, 3, 1)  # noqa: DTZ001 - the mistake under test
    with pytest.raises(ValueError, match="aware"):
        season_of(naive)


@pytest.mark.parametrize(
    ("lat", "lon", "cell_deg", "row", "col"),
    [
        (18.845, 98.965, 0.01, 1884, 9896),
        (18.84, 98.96, 0.01, 1884, 9896),  # on the south-west edge: 18.84 / 0.01 is not 1883.99…
        (18.84999, 98.96999, 0.01, 1884, 9896),
        (0.0, 0.0, 0.01, 0, 0),
        (-0.001, -0.0001, 0.01, -1, -1),  # floor, not truncation towards zero
        (-0.01, -0.02, 0.01, -1, -2),
        (-0.01001, 0.0, 0.01, -2, 0),
        (-8.42835, 122.60705, 0.01, -843, 12260),
        (18.840732, 98.96978, 0.1, 188, 989),
    ],
)
def test_grid_cell_floors_lat_and_lon(lat, lon, cell_deg, row, col):
    cell = grid_cell(lat, lon, cell_deg)
    assert (cell.row, cell.col) == (row, col)
    assert cell.cell_id == f"{row}:{col}"


def test_grid_cell_bounds_are_clean_decimals():
    assert grid_cell(18.845, 98.965).bounds == (18.84, 98.96, 18.85, 98.97)
    assert grid_cell_bounds(-1, -1, 0.01) == (-0.01, -0.01, 0.0, 0.0)
    assert grid_cell_bounds(188, 989, 0.1) == (18.8, 98.9, 18.9, 99.0)


def k_of_n_points():
    # last_season 2025, N = 5 → window 2021–2025.
    return [
        # A: seasons 2021, 2023, 2025 → 3 of 5 → repeated
        (*A, ict(2021, 2, 1)),
        (*A, ict(2023, 3, 1)),
        (*A, ict(2025, 4, 1)),
        (18.84, 98.96, ict(2025, 4, 2)),  # on A's corner, same season: one more hotspot only
        # B: 2020 (6 seasons back, outside the window), 2023, 2025 → 2 of 5 → not repeated
        (*B, ict(2020, 1, 15)),
        (*B, ict(2023, 1, 15)),
        (*B, ict(2025, 1, 15)),
        # C: 2024 twice and 2022 → 2 seasons, 3 hotspots
        (*C, ict(2024, 2, 1)),
        (*C, ict(2024, 2, 2)),
        (*C, ict(2022, 5, 31, 23)),
        # ignored: out of season (July), and a season after last_season
        (*A, ict(2024, 7, 1)),
        (*C, ict(2026, 1, 5)),
    ]


def test_k_of_last_n_seasons():
    result = burn_recurrence(k_of_n_points(), last_season=2025)
    assert (result.parameters.first_season, result.parameters.last_season) == (2021, 2025)
    assert (result.points_total, result.points_counted) == (12, 10)
    cells = by_id(result)
    assert list(cells) == ["1884:9896", "1884:9897", "1885:9896"]

    a = cells["1884:9896"]
    assert a.burn_years == (2021, 2023, 2025)
    assert (a.burn_count, a.hotspot_count, a.repeated) == (3, 4, True)
    assert (a.first_burn_year, a.last_burn_year) == (2021, 2025)
    assert a.bounds == (18.84, 98.96, 18.85, 98.97)

    b = cells["1885:9896"]
    assert b.burn_years == (2020, 2023, 2025)
    assert (b.burn_count, b.hotspot_count, b.repeated) == (2, 2, False)
    assert (b.first_burn_year, b.last_burn_year) == (2020, 2025)

    c = cells["1884:9897"]
    assert c.burn_years == (2022, 2024)
    assert (c.burn_count, c.hotspot_count, c.repeated) == (2, 3, False)


def test_window_moves_with_last_season_and_k():
    # As of 2024 the window is 2020–2024: B burned 2020 and 2023 (2), A 2021 and 2023 (2).
    cells = by_id(burn_recurrence(k_of_n_points(), last_season=2024))
    assert cells["1885:9896"].burn_years == (2020, 2023)
    assert cells["1885:9896"].burn_count == 2
    assert cells["1884:9896"].burn_years == (2021, 2023)
    # k = 2 of N = 5 as of 2025: all three cells are repeated.
    relaxed = burn_recurrence(k_of_n_points(), last_season=2025, k=2)
    assert [cell.repeated for cell in relaxed.cells] == [True, True, True]
    # N = 6 as of 2025 (2020–2025) brings B's 2020 back: 3 of 6.
    wide = by_id(burn_recurrence(k_of_n_points(), last_season=2025, n=6))
    assert (wide["1885:9896"].burn_count, wide["1885:9896"].repeated) == (3, True)


def test_last_season_defaults_to_the_latest_in_the_data():
    result = burn_recurrence(k_of_n_points())
    # C's 1 Jan 2026 hotspot makes 2026 the latest season: the window is 2022–2026.
    assert (result.parameters.first_season, result.parameters.last_season) == (2022, 2026)
    cells = by_id(result)
    assert cells["1884:9897"].burn_years == (2022, 2024, 2026)
    assert cells["1884:9897"].repeated is True
    assert cells["1884:9896"].burn_count == 2


def test_negative_coordinates_in_the_grouping():
    points = [(-0.001, -0.0001, ict(2024, 2, 1)), (-0.009, -0.009, ict(2023, 2, 1))]
    [cell] = burn_recurrence(points, last_season=2024).cells
    assert cell.cell_id == "-1:-1"
    assert cell.bounds == (-0.01, -0.01, 0.0, 0.0)
    assert cell.burn_years == (2023, 2024)


def test_custom_season_in_the_grouping():
    points = [
        (*A, ict(2022, 12, 20)),  # season 2023
        (*A, ict(2023, 2, 1)),  # season 2023
        (*A, ict(2023, 12, 1, 0)),  # season 2024
        (*A, ict(2024, 12, 31, 23)),  # season 2025
        (*A, ict(2024, 11, 30, 23)),  # outside
    ]
    [cell] = burn_recurrence(points, season=WINTER, last_season=2025).cells
    assert cell.burn_years == (2023, 2024, 2025)
    assert (cell.burn_count, cell.hotspot_count, cell.repeated) == (3, 4, True)


def test_district_roll_up():
    points = [
        # district 5001: cell A (repeated: 2021, 2023, 2025) and cell C (2022, 2024)
        (*A, ict(2021, 2, 1), "5001"),
        (*A, ict(2023, 3, 1), "5001"),
        (*A, ict(2025, 4, 1), "5001"),
        (*C, ict(2022, 2, 1), "5001"),
        (*C, ict(2024, 2, 1), "5001"),
        # district 5002: cell B (2020, 2023 → 1 in the window) and a hotspot in cell A (2023),
        # so A, straddling the boundary, counts for both districts
        (*B, ict(2020, 1, 15), "5002"),
        (*B, ict(2023, 1, 15), "5002"),
        (*A, ict(2023, 1, 20), "5002"),
        # no district: only in the cells
        (*B, ict(2025, 1, 15), ""),
    ]
    result = burn_recurrence(points, last_season=2025)
    cells = by_id(result)
    assert cells["1884:9896"].repeated is True
    assert cells["1885:9896"].burn_years == (2020, 2023, 2025)
    assert cells["1885:9896"].repeated is False

    first, second = result.districts
    assert first.district_code == "5001"
    assert first.burn_years == (2021, 2022, 2023, 2024, 2025)
    assert (first.burn_count, first.hotspot_count, first.repeated) == (5, 5, True)
    assert (first.cell_count, first.repeated_cells) == (2, 1)

    assert second.district_code == "5002"
    assert second.burn_years == (2020, 2023)
    assert (second.burn_count, second.hotspot_count, second.repeated) == (1, 2, False)
    assert (second.first_burn_year, second.last_burn_year) == (2020, 2023)
    assert (second.cell_count, second.repeated_cells) == (2, 1)


def test_points_without_districts_have_no_roll_up():
    assert burn_recurrence(k_of_n_points(), last_season=2025).districts == ()


def test_arrays_in_equal_records_in():
    records = k_of_n_points()
    points = BurnPoints.from_arrays(
        np.array([row[0] for row in records]),
        np.array([row[1] for row in records]),
        np.array(
            [row[2].astimezone(UTC).replace(tzinfo=None) for row in records],
            dtype="datetime64[s]",
        ),
    )
    assert burn_recurrence(points, last_season=2025) == burn_recurrence(records, last_season=2025)


def test_empty_input():
    result = burn_recurrence([])
    assert result.cells == ()
    assert result.districts == ()
    assert (result.points_total, result.points_counted) == (0, 0)
    assert (result.parameters.first_season, result.parameters.last_season) == (None, None)
    fixed = burn_recurrence([], last_season=2025)
    assert (fixed.parameters.first_season, fixed.parameters.last_season) == (2021, 2025)
    assert fixed.cells == ()


def test_parameters_labels_and_json():
    result = burn_recurrence(k_of_n_points(), last_season=2025)
    assert result.label_en == (
        "FIRMS-derived proxy: a hotspot in the cell in at least 3 of the last 5 seasons"
    )
    assert result.label_th == (
        "ตัวชี้วัดแทนจากจุดความร้อน FIRMS: มีจุดความร้อนในช่องกริดอย่างน้อย 3 ใน 5 ฤดูกาลล่าสุด"
    )
    data = json.loads(json.dumps(result.as_dict(), ensure_ascii=False))
    assert data["parameters"] == {
        "cell_deg": 0.01,
        "k": 3,
        "n": 5,
        "first_season": 2021,
        "last_season": 2025,
        "season": {
            "start_month": 1,
            "start_day": 1,
            "end_month": 5,
            "end_day": 31,
            "utc_offset_hours": 7.0,
        },
        "data_source": "FIRMS",
        "method_version": "firms-recurrence/1",
    }
    assert data["cells"][0]["burn_years"] == [2021, 2023, 2025]
    assert data["cells"][0]["bounds"] == [18.84, 98.96, 18.85, 98.97]
    custom = burn_recurrence(k_of_n_points(), last_season=2025, k=2, n=4)
    assert "at least 2 of the last 4 seasons" in custom.label_en
    assert "อย่างน้อย 2 ใน 4 ฤดูกาลล่าสุด" in custom.label_th


def test_invalid_parameters_are_refused():
    with pytest.raises(ValueError, match="k and n"):
        burn_recurrence([], k=6, n=5)
    with pytest.raises(ValueError, match="cell_deg"):
        burn_recurrence([], cell_deg=0.0)
    with pytest.raises(ValueError, match="length"):
        BurnPoints.from_arrays([1.0], [1.0, 2.0], [ict(2024, 1, 1)])
