"""Turn stations and "now" rows into the air-quality API's response schemas."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Final

from opengov.airquality.api_schemas import (
    StationNowOut,
    StationOut,
    StationRefOut,
    ValueOut,
)
from opengov.airquality.aqi import band, scheme_for
from opengov.airquality.models import Averaging, Station
from opengov.airquality.selectors import (
    StationNow,
)
from opengov.airquality.selectors.series import ICT_ZONE
from opengov.airquality.sources.records import UNITS

ATTRIBUTION: Final[dict[str, str]] = {
    "air4thai": "ที่มา: กรมควบคุมมลพิษ (Air4Thai) / Source: Pollution Control Department (Air4Thai)",
    "openaq": "Source: OpenAQ (openaq.org), data from the original providers",
}


def station_ref_out(station: Station) -> StationRefOut:
    return StationRefOut(
        source=station.source,
        source_id=station.source_id,
        name_th=station.name_th_display,
        name_en=station.name_en_display,
        province_code=station.province_code,
        lat=station.lat,
        lon=station.lon,
    )


def station_out(station: Station) -> StationOut:
    return StationOut(
        **station_ref_out(station).model_dump(),
        area_th=station.area_th_display,
        area_en=station.area_en_display,
        kind=station.kind,
        station_type=station.station_type,
        district_code=station.district_code,
        parameters=list(station.parameters or []),
        first_reading_at=as_ict(station.first_reading_at),
        last_reading_at=as_ict(station.last_reading_at),
        attribution=ATTRIBUTION.get(station.source, station.source),
    )


def as_ict(moment: datetime | None) -> datetime | None:
    return moment.astimezone(ICT_ZONE) if moment is not None else None


def as_number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def decimal_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}"


def parameter_unit(station: Station, parameter: str) -> str:
    return UNITS.get(parameter, "")


def station_now_out(now: StationNow) -> StationNowOut:
    station = now.station
    unit_of = {p: UNITS.get(p, "") for p in now.values}
    values = [
        ValueOut(
            parameter=parameter,
            value=float(value),
            unit=unit_of[parameter],
            averaging=now.averagings.get(parameter, ""),
            observed_at=now.observed_at.astimezone(ICT_ZONE),
            source=station.source,
        )
        for parameter, value in now.values.items()
        if now.observed_at is not None
    ]
    scheme = scheme_for(now.observed_at) if now.observed_at is not None else None
    current_band = (
        band(now.aqi, scheme)
        if scheme is not None and now.aqi is not None and now.band_number
        else None
    )

    def pm25(value: Decimal | None, averaging: str) -> ValueOut | None:
        if value is None or now.observed_at is None:
            return None
        return ValueOut(
            parameter="PM25",
            value=float(value),
            unit=UNITS["PM25"],
            averaging=averaging,
            observed_at=now.observed_at.astimezone(ICT_ZONE),
            source=station.source,
        )

    return StationNowOut(
        station=station_ref_out(station),
        observed_at=as_ict(now.observed_at),
        is_stale=now.is_stale,
        age_hours=now.age_hours,
        aqi=now.aqi,
        aqi_pollutant=now.aqi_pollutant,
        aqi_scheme=scheme if now.aqi is not None else None,
        band_number=now.band_number,
        band_colour=current_band.colour if current_band else None,
        band_name_th=current_band.name_th if current_band else None,
        band_name_en=current_band.name_en if current_band else None,
        pm25_1h=pm25(now.pm25_1h, Averaging.HOUR_1),
        pm25_24h=pm25(now.pm25_24h, Averaging.HOURS_24_ROLLING),
        values=values,
        attribution=ATTRIBUTION.get(station.source, station.source),
    )
