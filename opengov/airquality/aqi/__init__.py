"""Air-quality indices as pure functions over versioned, table-driven schemes (spec §2).

No Django import anywhere in this package. Schemes: ``th-2023`` (default), ``th-pre2023``
(alias ``th-2018``), ``us-2024``, ``us-pre2024``; the spec's stored ids (``th_2023``…) are accepted.
"""

from __future__ import annotations

from opengov.airquality.aqi.display import aqi_display
from opengov.airquality.aqi.indices import DEFAULT_TIE_BREAK_ORDER, band, overall_index, sub_index
from opengov.airquality.aqi.model import (
    BEYOND_US_AQI,
    AboveTopRule,
    AqiScheme,
    Band,
    BreakpointRow,
    PollutantTable,
)
from opengov.airquality.aqi.nowcast import nowcast
from opengov.airquality.aqi.pollutants import POLLUTANTS
from opengov.airquality.aqi.registry import (
    DEFAULT_SCHEME,
    SCHEMES,
    UnknownSchemeError,
    get_scheme,
    scheme_for,
)

__all__ = [
    "BEYOND_US_AQI",
    "DEFAULT_SCHEME",
    "DEFAULT_TIE_BREAK_ORDER",
    "POLLUTANTS",
    "SCHEMES",
    "AboveTopRule",
    "AqiScheme",
    "Band",
    "BreakpointRow",
    "PollutantTable",
    "UnknownSchemeError",
    "aqi_display",
    "band",
    "get_scheme",
    "nowcast",
    "overall_index",
    "scheme_for",
    "sub_index",
]
