"""Exact numbers in `.pb` files: text ↔ ``Fraction`` without ever touching a float."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_COMMA_DECIMAL = re.compile(r"[+-]?\d+,\d+")


def parse_number(text: str) -> tuple[Fraction, bool] | None:
    """Parse ``"1741081.19"`` exactly; returns (value, used_comma) or None if not a number.

    A comma decimal (``"1741081,19"``) is accepted because some published files use it; the caller
    reports it as a warning (the second item is True).
    """
    stripped = text.strip()
    if _NUMBER.fullmatch(stripped):
        return Fraction(Decimal(stripped)), False
    if _COMMA_DECIMAL.fullmatch(stripped):
        return Fraction(Decimal(stripped.replace(",", "."))), True
    return None


def parse_integer(text: str) -> int | None:
    """Parse an integer cell (``"12"``, also ``"12.0"``); None when it is not a whole number."""
    parsed = parse_number(text)
    if parsed is None or parsed[0].denominator != 1:
        return None
    return int(parsed[0])


def format_number(value: Fraction | int) -> str:
    """Shortest exact decimal text (``Fraction(174108119, 100)`` → ``"1741081.19"``).

    Raises ValueError for a value with no finite decimal form (e.g. 1/3): such money cannot be
    written to a file without rounding, and rounding an official amount is never silent.
    """
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        raise ValueError(f"{value} has no exact decimal form")
    digits = max(twos, fives)
    scaled = abs(value.numerator) * (10**digits // value.denominator)
    sign = "-" if value < 0 else ""
    whole, fraction = divmod(scaled, 10**digits)
    return f"{sign}{whole}.{fraction:0{digits}d}".rstrip("0").rstrip(".")
