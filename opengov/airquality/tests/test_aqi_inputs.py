"""Missing, stale and malformed inputs: every sentinel and unreadable value is ``None`` (spec §1.2)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from opengov.airquality.aqi import POLLUTANTS, UnknownSchemeError, sub_index


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "-",
        "N/A",
        "-1",
        "-999",
        "-9999",
        -1,
        -999.0,
        "-0.1",
        float("nan"),
        float("inf"),
        "NaN",
        "Infinity",
        Decimal("NaN"),
        "14.3 µg/m³",
        "14,3",
        "1,234",
        "1e2",
        "1 4.3",
        "14..3",
        "abc",
        "๑๔.๓",  # Thai digits: never sent by the feed, not read
        True,
        [14.3],
    ],
)
@pytest.mark.parametrize("scheme", ["th-2023", "us-2024"])
def test_missing_or_garbage_is_none(value, scheme):
    assert {sub_index(pollutant, value, scheme) for pollutant in POLLUTANTS} == {None}


@pytest.mark.parametrize(
    "value",
    [
        "25.2",
        " 25.2",
        "25.2 ",
        "\t25.2\r\n",
        "\u00a025.2\u00a0",  # no-break spaces
        "\ufeff25.2",  # byte-order mark
        "25.2\u200b",  # zero-width space
        "\u0e3a25.2",  # the stray Thai PHINTHU the feed prefixes text with
        "+25.2",
        "25.20",
        25.2,
        Decimal("25.2"),
    ],
)
def test_numbers_with_stray_characters_are_read(value):
    assert sub_index("PM25", value) == 51


def test_zero_and_integers_are_concentrations():
    assert sub_index("PM25", "0") == 0
    assert sub_index("PM25", "-0") == 0
    assert sub_index("CO", "0.00") == 0
    assert sub_index("PM10", 37) == 19
    assert (sub_index("SO2", ".5"), sub_index("SO2", "2.")) == (0, 1)


def test_unknown_pollutant_is_none():
    assert sub_index("PM1", "10") is None
    assert sub_index("WS", "2.0") is None
    assert sub_index("", "10") is None


def test_pollutant_spelling_is_forgiving():
    assert (
        sub_index("PM2.5", "25.2") == sub_index("pm25", "25.2") == sub_index(" PM25 ", "25.2") == 51
    )


def test_unknown_scheme_raises():
    with pytest.raises(UnknownSchemeError, match="th-2023"):
        sub_index("PM25", "10", "eu-2024")
