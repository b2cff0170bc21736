"""Compact builder for breakpoint rows so the tables read like the spec's tables."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from opengov.airquality.aqi.model import BreakpointRow

RowSpec = tuple[str, str | None, int, int | None]
"""``(conc_lo, conc_hi, index_lo, index_hi)`` with concentrations as strings, exact as published."""


def breakpoint_rows(*specs: RowSpec) -> tuple[BreakpointRow, ...]:
    """Rows from ``(conc_lo, conc_hi, index_lo, index_hi)`` tuples, checked for order and gaps."""
    rows = tuple(
        BreakpointRow(
            conc_lo=Decimal(conc_lo),
            conc_hi=None if conc_hi is None else Decimal(conc_hi),
            index_lo=index_lo,
            index_hi=index_hi,
        )
        for conc_lo, conc_hi, index_lo, index_hi in specs
    )
    for lower, upper in pairwise(rows):
        if lower.conc_hi is None or lower.index_hi is None:
            raise ValueError("only the last breakpoint row may be open")
        if upper.conc_lo <= lower.conc_hi or upper.index_lo != lower.index_hi + 1:
            raise ValueError(f"breakpoint rows out of order: {lower} then {upper}")
    return rows
