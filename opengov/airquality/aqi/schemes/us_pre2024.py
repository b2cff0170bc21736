"""US EPA AQI before the 2024 PM2.5 revision (in force until 5 May 2024, spec §2.4)."""

from __future__ import annotations

from datetime import date

from opengov.airquality.aqi.model import AqiScheme
from opengov.airquality.aqi.schemes.us_bands import us_bands
from opengov.airquality.aqi.schemes.us_breakpoints import TABLES_PRE_2024

SCHEME_ID = "us-pre2024"

SCHEME = AqiScheme(
    scheme_id=SCHEME_ID,
    family="us",
    title="US EPA AQI (before the 2024 PM2.5 revision)",
    valid_from=None,
    valid_to=date(2024, 5, 6),
    tables=TABLES_PRE_2024,
    bands=us_bands(SCHEME_ID),
    source="40 CFR 58 Appendix G before 6 May 2024 (spec §2.4)",
)
