"""Thai AQI breakpoint tables (PCD), in Air4Thai's units and averaging.

Source: spec §2.1 (PCD announcement B.E. 2566, Royal Gazette 140 special ง 157; table 2 of the CMU
CCDC definition page) and §2.2 for the PM2.5 rows in force before 1 June 2023. The rows of the other
pollutants before 2023 are assumed identical (spec §2.2, §9 "assumed unchanged").

The top row is open ("201 ขึ้นไป"); its index continues with the slope of the 101–200 row
(spec §2.1 "Open top band", option a — for sorting and storage; display caps it, see ``display``).
"""

from __future__ import annotations

from opengov.airquality.aqi.model import AboveTopRule, PollutantTable
from opengov.airquality.aqi.schemes.rows import breakpoint_rows

_OPEN = AboveTopRule.EXTRAPOLATE

PM25_2023 = PollutantTable(
    pollutant="PM25",
    unit="µg/m³",
    averaging="24h",
    above_top=_OPEN,
    rows=breakpoint_rows(
        ("0", "15.0", 0, 25),
        ("15.1", "25.0", 26, 50),
        ("25.1", "37.5", 51, 100),
        ("37.6", "75.0", 101, 200),
        ("75.1", None, 201, None),
    ),
)

PM25_PRE_2023 = PollutantTable(
    pollutant="PM25",
    unit="µg/m³",
    averaging="24h",
    above_top=_OPEN,
    rows=breakpoint_rows(
        ("0", "25", 0, 25),
        ("26", "37", 26, 50),
        ("38", "50", 51, 100),
        ("51", "90", 101, 200),
        ("91", None, 201, None),
    ),
)

PM10 = PollutantTable(
    pollutant="PM10",
    unit="µg/m³",
    averaging="24h",
    above_top=_OPEN,
    rows=breakpoint_rows(
        ("0", "50", 0, 25),
        ("51", "80", 26, 50),
        ("81", "120", 51, 100),
        ("121", "180", 101, 200),
        ("181", None, 201, None),
    ),
)

O3 = PollutantTable(
    pollutant="O3",
    unit="ppb",
    averaging="8h",
    above_top=_OPEN,
    rows=breakpoint_rows(
        ("0", "35", 0, 25),
        ("36", "50", 26, 50),
        ("51", "70", 51, 100),
        ("71", "120", 101, 200),
        ("121", None, 201, None),
    ),
)

CO = PollutantTable(
    pollutant="CO",
    unit="ppm",
    averaging="8h",
    above_top=_OPEN,
    rows=breakpoint_rows(
        ("0", "4.4", 0, 25),
        ("4.5", "6.4", 26, 50),
        ("6.5", "9.0", 51, 100),
        ("9.1", "30.0", 101, 200),
        ("30.1", None, 201, None),
    ),
)

NO2 = PollutantTable(
    pollutant="NO2",
    unit="ppb",
    averaging="1h",
    above_top=_OPEN,
    rows=breakpoint_rows(
        ("0", "60", 0, 25),
        ("61", "106", 26, 50),
        ("107", "170", 51, 100),
        ("171", "340", 101, 200),
        ("341", None, 201, None),
    ),
)

SO2 = PollutantTable(
    pollutant="SO2",
    unit="ppb",
    averaging="1h",
    above_top=_OPEN,
    rows=breakpoint_rows(
        ("0", "100", 0, 25),
        ("101", "200", 26, 50),
        ("201", "300", 51, 100),
        ("301", "400", 101, 200),
        ("401", None, 201, None),
    ),
)

TABLES_2023: tuple[PollutantTable, ...] = (PM25_2023, PM10, O3, CO, NO2, SO2)
TABLES_PRE_2023: tuple[PollutantTable, ...] = (PM25_PRE_2023, PM10, O3, CO, NO2, SO2)
