"""NowCast (spec §2.5) on the spec's vectors 5 and 6, read from the real history files (§10)."""

from __future__ import annotations

import csv
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.conf import settings

from opengov.airquality.aqi import band, nowcast, sub_index

DATA = Path(settings.OPENGOV_DATA_DIR) / "airquality"
PIVOT_35T = (
    DATA / "air4thai_forweb-history_35t_ChiangMai__2024-11-01_to_2025-01-08__hourly_pivot.csv"
)
EXPORT_BKK = (
    DATA / "air4thai_forweb-history_export__02t_03t_05t_08t__2023-12-01_to_2024-02-27__hourly.csv"
)


def _mean_one_decimal(values: list[str]) -> str:
    """24-h mean rounded half up to 0.1, as the feed publishes it (spec §1.2: 8.75 → "8.8")."""
    total = sum((Decimal(v) for v in values), Decimal(0))
    return str((total / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _35t_day(day: str) -> list[str]:
    """The 24 hourly values of ``day`` (labels 00:00 … 23:00), oldest first."""
    with PIVOT_35T.open(encoding="utf-8", newline="") as pivot:
        rows = list(csv.reader(pivot))
    column = rows[0].index(day)
    return [row[column] for row in rows[1:]]


def _02t_newest_first(label: str, hours: int) -> list[str]:
    with EXPORT_BKK.open(encoding="utf-8", newline="") as export:
        rows = [row for row in csv.DictReader(export) if row["stationID"] == "02t"]
    end = next(i for i, row in enumerate(rows) if row["DATETIMEDATA"] == label)
    return [rows[i]["PM25"] for i in range(end, end - hours, -1)]


def test_vector_5_35t_2025_01_08():
    day = _35t_day("2025/01/08")
    assert len(day) == 24 and all(day)
    assert _mean_one_decimal(day) == "36.3"
    assert (sub_index("PM25", "36.3", "th-2023"), band(95).number) == (95, 3)
    last_12 = [float(v) for v in reversed(day[-12:])]
    assert last_12 == [39.0, 40.9, 49.8, 48.1, 44.1, 33.3, 37.9, 38.0, 36.1, 34.1, 39.8, 33.2]
    assert f"{33.2 / 49.8:.4f}" == "0.6667"
    concentration = nowcast(last_12)
    assert concentration is not None
    assert f"{concentration:.3f}" == "41.879"
    assert sub_index("PM25", concentration, "us-2024") == 117
    assert band(117, "us-2024").name_en == "Unhealthy for Sensitive Groups"


def test_vector_6_02t_2023_12_10_0400():
    last_24 = _02t_newest_first("2023-12-10 04:00:00", 24)
    last_12 = [float(v) for v in last_24[:12]]
    assert last_12 == [106.6, 97.4, 90.3, 96.7, 98.1, 102.1, 88.9, 76.6, 63.2, 54.6, 47.5, 40.2]
    assert f"{40.2 / 106.6:.3f}" == "0.377"  # below 0.5, so the weight is 0.5
    concentration = nowcast(last_12)
    assert concentration is not None
    assert f"{concentration:.2f}" == "100.87"
    assert sub_index("PM25", concentration, "us-2024") == 183
    assert _mean_one_decimal(last_24) == "58.0"
    assert (sub_index("PM25", "58.0", "th-2023"), band(155).number) == (155, 4)


def test_weight_floor_is_one_half():
    # w* = 10/100 → 0.5: (100 + 0.5·10) / 1.5 = 70.0
    assert nowcast([100.0, 10.0]) == 70.0


def test_steady_air_is_a_plain_mean():
    assert nowcast([35.5] * 12) == 35.5
    assert sub_index("PM25", nowcast([35.5] * 12), "us-2024") == 101


def test_missing_hours_keep_their_position():
    # c1 = 20, c2 missing, c3 = 10: w = 0.5, weights 1 and 0.25 → (20 + 2.5) / 1.25 = 18.0
    assert nowcast([20.0, None, 10.0]) == 18.0
    assert nowcast([20.0, -1, 10.0]) == 18.0  # the feed's sentinel is a missing hour
    assert nowcast([20.0, float("nan"), 10.0]) == 18.0


def test_needs_two_of_the_three_most_recent_hours():
    assert nowcast([None, None, 30.0, 30.0, 30.0]) is None
    assert nowcast([None, 30.0, None, 30.0]) is None
    assert nowcast([30.0, None, None] + [30.0] * 9) is None
    assert nowcast([None, 30.0, 30.0]) == 30.0
    assert nowcast([30.0]) is None
    assert nowcast([]) is None


def test_only_the_newest_twelve_hours_count():
    assert nowcast([10.0] * 12 + [1000.0]) == 10.0


def test_all_zero_hours_give_zero():
    assert nowcast([0.0, 0.0, 0.0]) == 0.0
