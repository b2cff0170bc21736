"""How an index value is shown to people (spec §2.1 "Open top band", §2.4 "beyond the AQI")."""

from __future__ import annotations

from opengov.airquality.aqi.model import BEYOND_US_AQI
from opengov.airquality.aqi.registry import DEFAULT_SCHEME, get_scheme

THAI_DISPLAY_CAP = 200
"""Thai values above this are shown as "> 200" until PCD's rule for band 5 is known (spec §9)."""


def aqi_display(aqi: int, scheme: str = DEFAULT_SCHEME) -> str:
    """The text to show for ``aqi``: the number, or a capped form for the open top of the scale."""
    family = get_scheme(scheme).family
    if family == "th" and aqi > THAI_DISPLAY_CAP:
        return f"> {THAI_DISPLAY_CAP}"
    if family == "us" and aqi >= BEYOND_US_AQI:
        return f"> {BEYOND_US_AQI - 1}"
    return str(aqi)
