"""Pure parsers for OpenAQ v3 responses (spec §3.1; https://docs.openaq.org).

* :func:`locations_parse` — ``/v3/locations`` → stations (``isMonitor`` → reference monitor,
  otherwise low-cost sensor; ``isMobile`` → mobile), parameters from the location's sensors.
* :func:`sensors_parse` — ``/v3/locations/{id}/sensors`` → the ``latest`` value of each sensor
  (taken as a 1-hour value ending at ``latest.datetime.utc``, the v3 convention for hourly data).
* :func:`measurements_parse` — ``/v3/sensors/{id}/measurements`` or ``/hours`` → values whose
  period is one hour, ending at ``period.datetimeTo.utc``; other periods are skipped.

Bodies saved on Windows are sometimes UTF-16 with a BOM; both encodings are read.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Final

from opengov.airquality.sources.records import (
    CO,
    HOUR_1,
    LOW_COST,
    MOBILE,
    NO2,
    O3,
    PM10,
    PM25,
    REFERENCE,
    RH,
    SO2,
    TEMP,
    WD,
    WS,
    ParsedPayload,
    ParsedReading,
    ParsedStation,
    PayloadInvalid,
    Problem,
    decimal_or_none,
    payload_invalid,
    text_clean,
)

SOURCE: Final = "openaq"
PARAMETER_NAMES: Final[dict[str, str]] = {
    "pm25": PM25,
    "pm10": PM10,
    "o3": O3,
    "co": CO,
    "no2": NO2,
    "so2": SO2,
    "wind_speed": WS,
    "wind_direction": WD,
    "temperature": TEMP,
    "relativehumidity": RH,
}
ONE_HOUR_INTERVALS: Final = frozenset({"01:00:00", "1:00:00"})


def body_decode(payload: bytes) -> str:
    """Text of a response body: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if payload.startswith((b"\xff\xfe", b"\xfe\xff")):
        return payload.decode("utf-16")
    return payload.decode("utf-8-sig")


def _results(payload: bytes, what: str) -> list[Any]:
    try:
        data = json.loads(body_decode(payload))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise payload_invalid(f"not valid JSON ({error})", f"ไม่ใช่ JSON ที่ถูกต้อง ({error})") from error
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list):
        raise payload_invalid(
            f'no "results" list: not an OpenAQ v3 {what} response',
            f'ไม่มีรายการ "results": ไม่ใช่ข้อมูล {what} ของ OpenAQ v3',
            field="results",
        )
    return results


def _utc(value: object) -> datetime:
    """``{"utc": "2023-10-16T13:00:00Z", ...}`` or the bare text → aware UTC datetime."""
    text = value.get("utc") if isinstance(value, dict) else value
    if not isinstance(text, str):
        raise ValueError("no UTC time")
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"time without offset: {text!r}")
    return moment.astimezone(UTC)


def locations_parse(payload: bytes) -> ParsedPayload:
    """Stations from a ``/v3/locations`` page."""
    result = ParsedPayload()
    problems: list[Problem] = []
    for position, item in enumerate(_results(payload, "locations"), start=1):
        location_id = text_clean(item.get("id") if isinstance(item, dict) else None).strip()
        coordinates = item.get("coordinates") if isinstance(item, dict) else None
        try:
            if not location_id:
                raise ValueError("no id")
            lat = float(coordinates["latitude"]) if coordinates else None
            lon = float(coordinates["longitude"]) if coordinates else None
        except (KeyError, TypeError, ValueError) as error:
            problems.append(
                Problem(
                    f"location {position}: missing id or bad coordinates ({error})",
                    f"ตำแหน่งลำดับที่ {position}: ไม่มีรหัสหรือพิกัดไม่ถูกต้อง ({error})",
                    field="results[].id/coordinates",
                )
            )
            continue
        parameters = sorted(
            {
                PARAMETER_NAMES[name]
                for sensor in item.get("sensors") or []
                if (name := str((sensor.get("parameter") or {}).get("name", ""))) in PARAMETER_NAMES
            }
        )
        kind = MOBILE if item.get("isMobile") else REFERENCE if item.get("isMonitor") else LOW_COST
        result.stations.append(
            ParsedStation(
                source_id=location_id,
                name_en=text_clean(item.get("name")),
                area_en=text_clean(item.get("locality")),
                station_type=text_clean((item.get("provider") or {}).get("name"))[:32],
                kind=kind,
                lat=lat,
                lon=lon,
                parameters=tuple(parameters),
            )
        )
    if problems:
        raise PayloadInvalid(problems)
    return result


def _location_required(location_id: str) -> str:
    if not location_id.strip():
        raise payload_invalid(
            "the OpenAQ location ID is required for this response",
            "ต้องระบุรหัสตำแหน่ง (location) ของ OpenAQ สำหรับข้อมูลชุดนี้",
            field="station_id",
        )
    return location_id.strip()


def _reading(
    result: ParsedPayload,
    problems: list[Problem],
    *,
    location_id: str,
    parameter_info: object,
    value: object,
    observed_at: object,
    position: int,
) -> None:
    info = parameter_info if isinstance(parameter_info, dict) else {}
    parameter = PARAMETER_NAMES.get(str(info.get("name", "")))
    if parameter is None:
        result.missing += 1  # a parameter the platform does not keep (e.g. NO, NOx)
        return
    try:
        number, was_sentinel = decimal_or_none(value)
        moment = _utc(observed_at)
    except ValueError as error:
        problems.append(
            Problem(
                f"result {position}: {error}",
                f"รายการที่ {position}: ข้อมูลไม่ถูกต้อง ({error})",
                field="results[]",
            )
        )
        return
    if number is None or number < 0:
        result.sentinels += was_sentinel or number is not None
        result.missing += not was_sentinel and number is None
        return
    unit = text_clean(info.get("units")) or "?"
    result.readings.append(ParsedReading(location_id, parameter, HOUR_1, number, unit, moment))


# One result item -> (value, end of its hour) or None when it holds no one-hour value.
_ValueAndTime = tuple[object, object]


def _hourly_values_parse(
    payload: bytes,
    *,
    location_id: str,
    results_key: str,
    value_and_time: Callable[[dict[str, Any]], _ValueAndTime | None],
) -> ParsedPayload:
    location = _location_required(location_id)
    result = ParsedPayload(stations=[ParsedStation(source_id=location)])
    problems: list[Problem] = []
    for position, item in enumerate(_results(payload, results_key), start=1):
        found = value_and_time(item) if isinstance(item, dict) else None
        if found is None:
            result.missing += 1
            continue
        value, observed_at = found
        _reading(
            result,
            problems,
            location_id=location,
            parameter_info=item.get("parameter"),
            value=value,
            observed_at=observed_at,
            position=position,
        )
    if problems:
        raise PayloadInvalid(problems)
    return result


def _latest_value(item: dict[str, Any]) -> _ValueAndTime | None:
    latest = item.get("latest")
    if not isinstance(latest, dict):
        return None
    return latest.get("value"), latest.get("datetime")


def _one_hour_value(item: dict[str, Any]) -> _ValueAndTime | None:
    period = item.get("period")
    if not isinstance(period, dict) or str(period.get("interval")) not in ONE_HOUR_INTERVALS:
        return None  # not a one-hour value; the platform keeps hourly series only
    return item.get("value"), period.get("datetimeTo")


def sensors_parse(payload: bytes, *, location_id: str) -> ParsedPayload:
    """The latest value of each sensor of one location (``/v3/locations/{id}/sensors``)."""
    return _hourly_values_parse(
        payload, location_id=location_id, results_key="sensors", value_and_time=_latest_value
    )


def measurements_parse(payload: bytes, *, location_id: str) -> ParsedPayload:
    """One-hour values of one sensor (``/v3/sensors/{id}/measurements`` or ``/hours``)."""
    return _hourly_values_parse(
        payload,
        location_id=location_id,
        results_key="measurements",
        value_and_time=_one_hour_value,
    )
