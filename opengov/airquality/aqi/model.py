"""Data model of an AQI scheme: breakpoint rows, per-pollutant tables, bands, schemes.

Everything here is plain, frozen data so a scheme is a value that can be compared, listed and
versioned. The arithmetic lives in :mod:`opengov.airquality.aqi.calculation`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


class AboveTopRule(enum.Enum):
    """What a concentration above the last breakpoint of a table yields.

    * ``EXTRAPOLATE`` — the last row is open-ended (``conc_hi is None``); the index continues with
      the slope of the row before it (Thai "201 ขึ้นไป", spec §2.1 "Open top band", option a).
    * ``BEYOND_INDEX`` — the table ends at the top of the index (US 500); report
      :data:`BEYOND_US_AQI` ("beyond the AQI", spec §2.4) instead of extrapolating.
    * ``UNDEFINED`` — the table ends because a different averaging period takes over (US 8-hour O3
      above 0.200 ppm, US 1-hour SO2 above 304 ppb); the averaging we are given has no index there.
    """

    EXTRAPOLATE = "extrapolate"
    BEYOND_INDEX = "beyond_index"
    UNDEFINED = "undefined"


BEYOND_US_AQI = 501
"""Returned by US schemes for concentrations above the top breakpoint ("beyond the AQI", > 500)."""


@dataclass(frozen=True)
class BreakpointRow:
    """One row of a breakpoint table: ``[conc_lo, conc_hi]`` maps linearly onto ``[index_lo, index_hi]``.

    ``conc_hi``/``index_hi`` are ``None`` only for an open top row (see :class:`AboveTopRule`).
    """

    conc_lo: Decimal
    conc_hi: Decimal | None
    index_lo: int
    index_hi: int | None


@dataclass(frozen=True)
class PollutantTable:
    """Breakpoints of one pollutant in one scheme.

    ``unit`` and ``averaging`` are those of the value the caller passes (Air4Thai's units: µg/m³
    for PM, ppb for O3/NO2/SO2, ppm for CO). ``truncate_step`` is the precision the concentration is
    truncated to before the lookup (US method, spec §2.4); ``None`` means the value is used as given
    (Thai method, spec §2.1).
    """

    pollutant: str
    unit: str
    averaging: str
    rows: tuple[BreakpointRow, ...]
    above_top: AboveTopRule
    truncate_step: Decimal | None = None


@dataclass(frozen=True)
class Band:
    """A named index band with its colour and health advice (data, Thai and English, not gettext).

    ``aqi_max`` is ``None`` for the open-ended top band. ``advice_verified`` is ``False`` where the
    texts are our provisional wording rather than copied from the authority (see ``advice_source``).
    """

    scheme: str
    number: int
    aqi_min: int
    aqi_max: int | None
    colour: str
    name_th: str
    name_en: str
    advice_general_th: str
    advice_general_en: str
    advice_at_risk_th: str
    advice_at_risk_en: str
    advice_source: str
    advice_verified: bool

    @property
    def color(self) -> str:
        """US spelling of :attr:`colour`."""
        return self.colour

    @property
    def rgb(self) -> tuple[int, int, int]:
        """The colour as an ``(r, g, b)`` triple."""
        hex_digits = self.colour.removeprefix("#")
        return (int(hex_digits[0:2], 16), int(hex_digits[2:4], 16), int(hex_digits[4:6], 16))

    def contains(self, aqi: int) -> bool:
        """Whether ``aqi`` falls in this band."""
        return aqi >= self.aqi_min and (self.aqi_max is None or aqi <= self.aqi_max)


@dataclass(frozen=True)
class AqiScheme:
    """A versioned index scheme: breakpoint tables and bands, valid on ``[valid_from, valid_to)``.

    ``family`` groups successive versions of the same index ("th", "us"); ``None`` bounds are open.
    Dates are calendar dates in Thailand (ICT), see :func:`opengov.airquality.aqi.registry.scheme_for`.
    """

    scheme_id: str
    family: str
    title: str
    valid_from: date | None
    valid_to: date | None
    tables: tuple[PollutantTable, ...]
    bands: tuple[Band, ...]
    source: str

    def table(self, pollutant: str) -> PollutantTable | None:
        """The breakpoint table of ``pollutant``, or ``None`` if the scheme does not cover it."""
        for table in self.tables:
            if table.pollutant == pollutant:
                return table
        return None

    def is_valid_on(self, day: date) -> bool:
        """Whether the scheme was in force on ``day``."""
        starts_ok = self.valid_from is None or day >= self.valid_from
        ends_ok = self.valid_to is None or day < self.valid_to
        return starts_ok and ends_ok
