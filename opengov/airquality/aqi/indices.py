"""Sub-indices, the overall index, and bands — the entry points most callers need (spec §2.1–2.4)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from opengov.airquality.aqi.calculation import index_from_table
from opengov.airquality.aqi.concentration import concentration_from
from opengov.airquality.aqi.model import Band
from opengov.airquality.aqi.pollutants import pollutant_code
from opengov.airquality.aqi.registry import DEFAULT_SCHEME, get_scheme

DEFAULT_TIE_BREAK_ORDER: tuple[str, ...] = ("PM10", "PM25", "O3", "CO", "NO2", "SO2")
"""Which pollutant the overall index names when sub-indices tie.

Air4Thai reported ``PM10`` over ``PM25`` in the only observed tie (spec §1.2, §2.1, 2019 fixture);
the order of the other pollutants is not observed and follows the feed's field order.
"""


def sub_index(
    pollutant: str,
    value: float | str | Decimal | None,
    scheme: str = DEFAULT_SCHEME,
) -> int | None:
    """The integer sub-index of ``pollutant`` at concentration ``value`` under ``scheme``.

    ``value`` is in Air4Thai's units and averaging: PM2.5/PM10 µg/m³ 24-hour means, O3 ppb and CO ppm
    8-hour means, NO2/SO2 ppb 1-hour values (spec §1.2). Returns ``None`` for missing or unreadable
    values (sentinels, negatives, NaN, garbage — see :mod:`~opengov.airquality.aqi.concentration`),
    for an unknown pollutant, and where the scheme defines no index for that averaging (US 8-hour O3
    above 200 ppb, US 1-hour SO2 above 304 ppb). US schemes return 501 above their top breakpoint
    ("beyond the AQI"); Thai schemes extrapolate above 200. Raises ``UnknownSchemeError`` for an
    unknown scheme.
    """
    code = pollutant_code(pollutant) if isinstance(pollutant, str) else None
    table = get_scheme(scheme).table(code) if code is not None else None
    conc = concentration_from(value)
    if table is None or conc is None:
        return None
    return index_from_table(table, conc)


def overall_index(
    sub_indices: Mapping[str, int | None],
    tie_break_order: Sequence[str] = DEFAULT_TIE_BREAK_ORDER,
) -> tuple[int, str] | None:
    """The maximum sub-index and the pollutant that gave it, or ``None`` if none is available.

    ``None`` and negative values (feed sentinels ``-1``, ``-999``, ``-9999``) are skipped. On a tie
    the pollutant earliest in ``tie_break_order`` wins; pollutants not in it come after, by name.
    The returned name is the mapping's key as given.
    """
    available = [
        (index, name)
        for name, index in sub_indices.items()
        if index is not None and not isinstance(index, bool) and index >= 0
    ]
    if not available:
        return None
    order = {code: position for position, code in enumerate(tie_break_order)}

    def preference(item: tuple[int, str]) -> tuple[int, int, str]:
        index, name = item
        code = pollutant_code(name) or name
        return (-index, order.get(code, len(order)), name)

    best_index, best_name = min(available, key=preference)
    return best_index, best_name


def band(aqi: int, scheme: str = DEFAULT_SCHEME) -> Band:
    """The band of index value ``aqi`` under ``scheme``; raises ``ValueError`` for a negative index."""
    if isinstance(aqi, bool) or aqi < 0:
        raise ValueError(f"AQI must be a non-negative integer, got {aqi!r}")
    for candidate in get_scheme(scheme).bands:
        if candidate.contains(aqi):
            return candidate
    raise ValueError(f"AQI {aqi!r} is in no band of scheme {scheme!r}")
