"""Thai AQI before 1 June 2023 (the 2018 scale; only PM2.5 differs, spec §2.2).

``valid_from`` is open: the spec gives no start date, and older readings are banded with this scale.
"""

from __future__ import annotations

from datetime import date

from opengov.airquality.aqi.model import AqiScheme
from opengov.airquality.aqi.schemes.thai_bands import thai_bands_pre_2023
from opengov.airquality.aqi.schemes.thai_breakpoints import TABLES_PRE_2023

SCHEME_ID = "th-pre2023"

SCHEME = AqiScheme(
    scheme_id=SCHEME_ID,
    family="th",
    title="Thai AQI (PCD, before 1 June 2023)",
    valid_from=None,
    valid_to=date(2023, 6, 1),
    tables=TABLES_PRE_2023,
    bands=thai_bands_pre_2023(SCHEME_ID),
    source="airq.ku.ac.th, prd.go.th, nationthailand 40027418 (spec §2.2)",
)
