from __future__ import annotations

import pytest

from opengov.accounts.thai_phone import InvalidThaiPhoneError, thai_phone_normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0812345678", "+66812345678"),
        ("081-234-5678", "+66812345678"),
        ("081 234 5678", "+66812345678"),
        ("+66 81 234 5678", "+66812345678"),
        ("+66812345678", "+66812345678"),
        ("66812345678", "+66812345678"),
        ("0066 81 234 5678", "+66812345678"),
        ("+66 (0) 81-234-5678", "+66812345678"),
        ("๐๘๑-๒๓๔-๕๖๗๘", "+66812345678"),
        ("0612345678", "+66612345678"),
        ("095.123.4567", "+66951234567"),
        ("02-123-4567", "+6621234567"),
        ("053 941 000", "+6653941000"),
        ("+66 53 941000", "+6653941000"),
    ],
)
def test_valid_thai_numbers_become_e164(raw, expected):
    assert thai_phone_normalise(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "1669",
        "081234567",  # one digit short for a mobile
        "08123456789",  # one digit too many
        "0112345678",  # no 01 prefix in Thailand
        "+1 202 555 0100",  # a US number
        "+44 20 7946 0958",
        "081-234-567x",
        "phone",
        "812345678",  # no trunk or country prefix
    ],
)
def test_invalid_numbers_are_refused(raw):
    with pytest.raises(InvalidThaiPhoneError):
        thai_phone_normalise(raw)
