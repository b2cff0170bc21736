"""Typed response schemas of the air-quality API (``/api/v1/airquality/``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Schema


class StationRefOut(Schema):
    source: str
    source_id: str
    name_th: str
    name_en: str
    province_code: str
    lat: float | None
    lon: float | None


class StationOut(StationRefOut):
    area_th: str
    area_en: str
    kind: str
    station_type: str
    district_code: str
    parameters: list[str]
    first_reading_at: datetime | None
    last_reading_at: datetime | None
    attribution: str


class StationPageOut(Schema):
    count: int
    items: list[StationOut]


class ValueOut(Schema):
    parameter: str
    value: float
    unit: str
    averaging: str
    observed_at: datetime
    source: str


class StationNowOut(Schema):
    station: StationRefOut
    observed_at: datetime | None
    is_stale: bool
    age_hours: float | None
    aqi: int | None
    aqi_pollutant: str | None
    aqi_scheme: str | None
    band_number: int | None
    band_colour: str | None
    band_name_th: str | None
    band_name_en: str | None
    pm25_1h: ValueOut | None
    pm25_24h: ValueOut | None
    values: list[ValueOut]
    attribution: str


class LatestOut(Schema):
    generated_at: datetime
    stale_after_hours: int
    items: list[StationNowOut]


class PointOut(Schema):
    time: datetime | date
    value: float | None
    count: int
    averaging: str
    unit: str
    source: str


class ReadingsOut(Schema):
    station: StationRefOut
    parameter: str
    interval: str
    start: datetime
    end: datetime
    unit: str
    source: str
    attribution: str
    points: list[PointOut]


class PointGeometryOut(Schema):
    type: Literal["Point"]
    coordinates: list[float]


class FeatureOut(Schema):
    type: Literal["Feature"]
    id: str
    geometry: PointGeometryOut | None
    properties: dict[str, Any]


class FeatureCollectionOut(Schema):
    type: Literal["FeatureCollection"]
    features: list[FeatureOut]
