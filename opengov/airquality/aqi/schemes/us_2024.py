"""US EPA AQI with the 2024 PM2.5 revision, effective 6 May 2024 (spec §2.4)."""

from __future__ import annotations

from datetime import date

from opengov.airquality.aqi.model import AqiScheme
from opengov.airquality.aqi.schemes.us_bands import us_bands
from opengov.airquality.aqi.schemes.us_breakpoints import TABLES_2024

SCHEME_ID = "us-2024"

SCHEME = AqiScheme(
    scheme_id=SCHEME_ID,
    family="us",
    title="US EPA AQI (2024 PM2.5 revision)",
    valid_from=date(2024, 5, 6),
    valid_to=None,
    tables=TABLES_2024,
    bands=us_bands(SCHEME_ID),
    source="89 FR 16202 (6 Mar 2024), EPA-454/B-24-001 (spec §2.4)",
)
