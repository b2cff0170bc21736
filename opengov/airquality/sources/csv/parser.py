"""Pure parser and validator for readings uploaded as CSV by agencies and community networks.

Format (UTF-8, comma-separated, header row required, column order free):

==============  ========  ==============================================================
column          required  rule
==============  ========  ==============================================================
station_id      yes       the uploader's own station ID (text, ≤ 64 characters)
observed_at     yes       END of the averaging period, ISO 8601 (``2025-01-08T23:00+07:00``);
                          without an offset the time is read as Thai time (ICT)
parameter       yes       PM25 PM10 O3 CO NO2 SO2 WS WD TEMP RH RAIN PRES
value           yes       a number; empty, -1, -999, -9999 = missing (row skipped, not an error)
averaging       no        1h (default), 24h, 8h, nowcast
unit            no        defaults to the Thai network unit of the parameter (µg/m³, ppb, ppm …)
name_th         no        station name in Thai
name_en         no        station name in English
lat, lon        no        WGS84 decimal degrees (both or neither)
kind            no        reference, low_cost (default), mobile
==============  ========  ==============================================================

:func:`upload_validate` checks every row and returns a report naming each bad row by its line
number (the header is line 1); :func:`upload_parse` raises :class:`PayloadInvalid` with that report
when any row is bad, so a file loads completely or not at all.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Final

from opengov.airquality.sources.records import (
    AVERAGINGS,
    HOUR_1,
    ICT,
    KINDS,
    LOW_COST,
    PARAMETERS,
    POLLUTANTS,
    UNITS,
    ParsedPayload,
    ParsedReading,
    ParsedStation,
    PayloadInvalid,
    Problem,
    decimal_or_none,
)

REQUIRED: Final = ("station_id", "observed_at", "parameter", "value")
OPTIONAL: Final = ("averaging", "unit", "name_th", "name_en", "lat", "lon", "kind")
MAX_PROBLEMS: Final = 1000


@dataclass
class UploadReport:
    """Outcome of validating an upload: rows read, rows accepted, and every problem by line."""

    parsed: ParsedPayload
    rows: int = 0
    rows_ok: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _observed_at(text: str) -> datetime:
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ICT)
    return moment.astimezone(UTC)


def _coordinate(text: str, name: str, limit: float) -> float | None:
    if not text.strip():
        return None
    number = float(text)
    if not -limit <= number <= limit:
        raise ValueError(f"{name} must be between {-limit:g} and {limit:g}")
    return number


def upload_validate(payload: bytes) -> UploadReport:
    """Check every row of an upload; never raises for bad rows (see the report)."""
    report = UploadReport(parsed=ParsedPayload())

    def problem(line: int, field_name: str | None, en: str, th: str) -> None:
        if len(report.problems) < MAX_PROBLEMS:
            report.problems.append(Problem(en, th, line, field_name))

    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError:
        problem(1, None, "the file is not UTF-8 text", "ไฟล์ไม่ใช่ข้อความ UTF-8")
        return report
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    missing_columns = [name for name in REQUIRED if name not in header]
    if missing_columns:
        names = ", ".join(missing_columns)
        problem(1, None, f"missing required columns: {names}", f"ไม่มีคอลัมน์ที่จำเป็น: {names}")
        return report
    reader.fieldnames = header
    stations: dict[str, ParsedStation] = {}
    for row in reader:
        line = reader.line_num
        report.rows += 1
        if None in row:
            problem(line, None, "more cells than header columns", "จำนวนช่องมากกว่าหัวตาราง")
            continue
        cells = {name: (value or "") for name, value in row.items()}
        station_id = cells["station_id"].strip()
        parameter = cells["parameter"].strip().upper().replace(".", "")
        averaging = cells.get("averaging", "").strip() or HOUR_1
        kind = cells.get("kind", "").strip() or LOW_COST
        bad = len(report.problems)
        if not station_id or len(station_id) > 64:
            problem(line, "station_id", "required, at most 64 characters", "ต้องระบุ ไม่เกิน 64 ตัวอักษร")
        if parameter not in PARAMETERS:
            problem(
                line,
                "parameter",
                f"unknown parameter {cells['parameter']!r}; use one of {' '.join(PARAMETERS)}",
                f"ไม่รู้จักพารามิเตอร์ {cells['parameter']!r} ใช้ได้: {' '.join(PARAMETERS)}",
            )
        if averaging not in AVERAGINGS:
            problem(
                line,
                "averaging",
                f"unknown averaging {averaging!r}; use one of {' '.join(AVERAGINGS)}",
                f"ไม่รู้จักช่วงเฉลี่ย {averaging!r} ใช้ได้: {' '.join(AVERAGINGS)}",
            )
        if kind not in KINDS:
            problem(
                line,
                "kind",
                f"unknown kind {kind!r}; use one of {' '.join(KINDS)}",
                f"ไม่รู้จักประเภทสถานี {kind!r} ใช้ได้: {' '.join(KINDS)}",
            )
        observed_at = None
        try:
            observed_at = _observed_at(cells["observed_at"])
        except ValueError:
            problem(
                line,
                "observed_at",
                f"not an ISO 8601 date-time: {cells['observed_at']!r}",
                f"ไม่ใช่วันเวลาแบบ ISO 8601: {cells['observed_at']!r}",
            )
        value = None
        was_missing = False
        try:
            value, _sentinel = decimal_or_none(cells["value"])
            was_missing = value is None
            if value is not None and value < 0 and parameter in POLLUTANTS:
                problem(line, "value", "a concentration cannot be negative", "ค่าความเข้มข้นติดลบไม่ได้")
        except ValueError:
            problem(
                line,
                "value",
                f"not a number: {cells['value']!r}",
                f"ไม่ใช่ตัวเลข: {cells['value']!r}",
            )
        lat = lon = None
        try:
            lat = _coordinate(cells.get("lat", ""), "lat", 90)
            lon = _coordinate(cells.get("lon", ""), "lon", 180)
            if (lat is None) != (lon is None):
                raise ValueError("give both lat and lon or neither")
        except ValueError as error:
            problem(line, "lat/lon", str(error), f"พิกัดไม่ถูกต้อง: {error}")
        if len(report.problems) > bad:
            continue
        report.rows_ok += 1
        if station_id not in stations or (lat is not None and stations[station_id].lat is None):
            stations[station_id] = ParsedStation(
                source_id=station_id,
                name_th=cells.get("name_th", ""),
                name_en=cells.get("name_en", ""),
                kind=kind,
                lat=lat,
                lon=lon,
            )
        if was_missing or value is None or observed_at is None:
            report.parsed.missing += 1
            continue
        unit = cells.get("unit", "").strip() or UNITS[parameter]
        report.parsed.readings.append(
            ParsedReading(station_id, parameter, averaging, value, unit, observed_at)
        )
    report.parsed.stations = list(stations.values())
    if report.rows == 0 and not report.problems:
        problem(2, None, "the file has no data rows", "ไฟล์ไม่มีแถวข้อมูล")
    return report


def upload_parse(payload: bytes) -> ParsedPayload:
    """The parsed upload, or :class:`PayloadInvalid` listing every bad row by line."""
    report = upload_validate(payload)
    if report.problems:
        raise PayloadInvalid(report.problems)
    return report.parsed
