"""Sub-index arithmetic shared by every scheme (spec §2.1 formula, §2.4 truncation).

``I = (Ij − Ii) / (Xj − Xi) × (X − Xi) + Ii`` in ``Decimal``, rounded half up (not Python's
banker's ``round``). Row choice: the first row with ``X ≤ Xj``, so a value in the gap between two
rows (Thai PM2.5 25.05) belongs to the upper row (spec §2.1 recommendation); its index is clamped to
that row's lower index, so a gap value never lands in the band below the row it was put in.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext

from opengov.airquality.aqi.model import BEYOND_US_AQI, AboveTopRule, BreakpointRow, PollutantTable

_WHOLE = Decimal(1)


def _round_half_up(index: Decimal) -> int:
    return int(index.quantize(_WHOLE, rounding=ROUND_HALF_UP))


def _interpolate(row: BreakpointRow, conc: Decimal, slope: Decimal) -> Decimal:
    return slope * (conc - row.conc_lo) + row.index_lo


def _row_slope(row: BreakpointRow) -> Decimal:
    if row.conc_hi is None or row.index_hi is None:
        raise ValueError(f"breakpoint row {row} is open and has no slope of its own")
    return Decimal(row.index_hi - row.index_lo) / (row.conc_hi - row.conc_lo)


def index_from_table(table: PollutantTable, conc: Decimal) -> int | None:
    """The integer sub-index of the (already validated, non-negative) concentration ``conc``."""
    with localcontext() as context:
        context.prec = 50
        if table.truncate_step is not None:
            conc = conc.quantize(table.truncate_step, rounding=ROUND_DOWN)
        for position, row in enumerate(table.rows):
            if row.conc_hi is None:
                if position == 0:
                    raise ValueError(f"{table.pollutant}: an open row needs a row before it")
                slope = _row_slope(table.rows[position - 1])
                return max(_round_half_up(_interpolate(row, conc, slope)), row.index_lo)
            if conc <= row.conc_hi:
                index = _round_half_up(_interpolate(row, conc, _row_slope(row)))
                return max(index, row.index_lo)
    if table.above_top is AboveTopRule.BEYOND_INDEX:
        return BEYOND_US_AQI
    return None
