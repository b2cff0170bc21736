"""Thai AQI, PCD 2023 (PM2.5 revised), in force from 1 June 2023 (spec §2.1, §2.3)."""

from __future__ import annotations

from datetime import date

from opengov.airquality.aqi.model import AqiScheme
from opengov.airquality.aqi.schemes.thai_bands import thai_bands_2023
from opengov.airquality.aqi.schemes.thai_breakpoints import TABLES_2023

SCHEME_ID = "th-2023"

SCHEME = AqiScheme(
    scheme_id=SCHEME_ID,
    family="th",
    title="Thai AQI (PCD 2023)",
    valid_from=date(2023, 6, 1),
    valid_to=None,
    tables=TABLES_2023,
    bands=thai_bands_2023(SCHEME_ID),
    source="PCD announcement B.E. 2566, Royal Gazette 140 special section ง 157 (spec §2.1)",
)
