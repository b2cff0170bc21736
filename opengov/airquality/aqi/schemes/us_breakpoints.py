"""US EPA AQI breakpoint tables, in Air4Thai's units (O3 in ppb, not the EPA's ppm).

Source: spec §2.4 (40 CFR 58 Appendix G; 89 FR 16202, effective 6 May 2024; EPA-454/B-24-001).
Concentrations are truncated before the lookup (PM2.5 0.1 µg/m³, PM10 1 µg/m³, O3 0.001 ppm = 1 ppb,
CO 0.1 ppm, SO2 and NO2 1 ppb). Above the top row: "beyond the AQI" for PM, CO and NO2; no index for
8-hour O3 above 0.200 ppm and 1-hour SO2 above 304 ppb, because the EPA takes those from 1-hour O3
and 24-hour SO2, which Air4Thai does not publish.

The 2024 revision changed the PM2.5 rows and merged the two Hazardous rows (301–400, 401–500) into
one 301–500 row for every pollutant (spec §2.4 table). The pre-2024 tables keep the split rows of
the pre-2024 Appendix G; both agree everywhere below AQI 301 except for PM2.5.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from opengov.airquality.aqi.model import AboveTopRule, PollutantTable
from opengov.airquality.aqi.schemes.rows import breakpoint_rows

_BEYOND = AboveTopRule.BEYOND_INDEX
_UNDEFINED = AboveTopRule.UNDEFINED
_TENTH = Decimal("0.1")
_WHOLE = Decimal(1)

# A pre-2024 table differs from its 2024 table only in its rows (same unit, averaging and rules).
PM25_2024 = PollutantTable(
    pollutant="PM25",
    unit="µg/m³",
    averaging="24h",
    above_top=_BEYOND,
    truncate_step=_TENTH,
    rows=breakpoint_rows(
        ("0.0", "9.0", 0, 50),
        ("9.1", "35.4", 51, 100),
        ("35.5", "55.4", 101, 150),
        ("55.5", "125.4", 151, 200),
        ("125.5", "225.4", 201, 300),
        ("225.5", "325.4", 301, 500),
    ),
)

PM25_PRE_2024 = replace(
    PM25_2024,
    rows=breakpoint_rows(
        ("0.0", "12.0", 0, 50),
        ("12.1", "35.4", 51, 100),
        ("35.5", "55.4", 101, 150),
        ("55.5", "150.4", 151, 200),
        ("150.5", "250.4", 201, 300),
        ("250.5", "350.4", 301, 400),
        ("350.5", "500.4", 401, 500),
    ),
)

PM10_2024 = PollutantTable(
    pollutant="PM10",
    unit="µg/m³",
    averaging="24h",
    above_top=_BEYOND,
    truncate_step=_WHOLE,
    rows=breakpoint_rows(
        ("0", "54", 0, 50),
        ("55", "154", 51, 100),
        ("155", "254", 101, 150),
        ("255", "354", 151, 200),
        ("355", "424", 201, 300),
        ("425", "604", 301, 500),
    ),
)

PM10_PRE_2024 = replace(
    PM10_2024,
    rows=PM10_2024.rows[:5] + breakpoint_rows(("425", "504", 301, 400), ("505", "604", 401, 500)),
)

O3_8H = PollutantTable(
    pollutant="O3",
    unit="ppb",
    averaging="8h",
    above_top=_UNDEFINED,
    truncate_step=_WHOLE,
    rows=breakpoint_rows(
        ("0", "54", 0, 50),
        ("55", "70", 51, 100),
        ("71", "85", 101, 150),
        ("86", "105", 151, 200),
        ("106", "200", 201, 300),
    ),
)

CO_2024 = PollutantTable(
    pollutant="CO",
    unit="ppm",
    averaging="8h",
    above_top=_BEYOND,
    truncate_step=_TENTH,
    rows=breakpoint_rows(
        ("0.0", "4.4", 0, 50),
        ("4.5", "9.4", 51, 100),
        ("9.5", "12.4", 101, 150),
        ("12.5", "15.4", 151, 200),
        ("15.5", "30.4", 201, 300),
        ("30.5", "50.4", 301, 500),
    ),
)

CO_PRE_2024 = replace(
    CO_2024,
    rows=CO_2024.rows[:5] + breakpoint_rows(("30.5", "40.4", 301, 400), ("40.5", "50.4", 401, 500)),
)

SO2_1H = PollutantTable(
    pollutant="SO2",
    unit="ppb",
    averaging="1h",
    above_top=_UNDEFINED,
    truncate_step=_WHOLE,
    rows=breakpoint_rows(
        ("0", "35", 0, 50),
        ("36", "75", 51, 100),
        ("76", "185", 101, 150),
        ("186", "304", 151, 200),
    ),
)

NO2_2024 = PollutantTable(
    pollutant="NO2",
    unit="ppb",
    averaging="1h",
    above_top=_BEYOND,
    truncate_step=_WHOLE,
    rows=breakpoint_rows(
        ("0", "53", 0, 50),
        ("54", "100", 51, 100),
        ("101", "360", 101, 150),
        ("361", "649", 151, 200),
        ("650", "1249", 201, 300),
        ("1250", "2049", 301, 500),
    ),
)

NO2_PRE_2024 = replace(
    NO2_2024,
    rows=NO2_2024.rows[:5]
    + breakpoint_rows(("1250", "1649", 301, 400), ("1650", "2049", 401, 500)),
)

TABLES_2024: tuple[PollutantTable, ...] = (PM25_2024, PM10_2024, O3_8H, CO_2024, NO2_2024, SO2_1H)
TABLES_PRE_2024: tuple[PollutantTable, ...] = (
    PM25_PRE_2024,
    PM10_PRE_2024,
    O3_8H,
    CO_PRE_2024,
    NO2_PRE_2024,
    SO2_1H,
)
