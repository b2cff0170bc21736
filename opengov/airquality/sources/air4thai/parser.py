"""Pure parsers for Air4Thai (Pollution Control Department) payloads — spec §1.

* :func:`latest_parse` — ``getNewAQI_JSON`` / ``getAQI_JSON`` (``AQILast``; also the Jan-2019
  ``LastUpdate`` form). PM values there are 24-hour rolling means, O3/CO 8-hour, NO2/SO2 1-hour.
* :func:`history_json_parse` — ``forweb/getHistoryData.php`` (1-hour values, ``null`` = missing).
* :func:`history_export_parse` — the long CSV export (``DATETIMEDATA,PM25,…,stationID``).
* :func:`history_pivot_parse` — the pivot CSV (``"Time","2024/11/01",…``) of one station.
* :func:`payload_parse` — picks one of the above from the bytes.

Every time label is ICT and hour-ending; ``observed_at`` is that end instant in UTC. Every
sentinel (``-1``, ``-999``, ``-9999``, ``null``, empty cells, zero-filled met rows) becomes "no
reading" and is counted, never stored. A payload that is not the format raises
:class:`PayloadInvalid` with Thai and English messages.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Final

from opengov.airquality.sources.records import (
    CO,
    HOUR_1,
    HOURS_8_ROLLING,
    HOURS_24_ROLLING,
    MOBILE,
    NO2,
    O3,
    PARAMETERS,
    PM10,
    PM25,
    POLLUTANTS,
    PRES,
    REFERENCE,
    RH,
    SO2,
    TEMP,
    UNITS,
    WD,
    WS,
    ParsedPayload,
    ParsedReading,
    ParsedStation,
    PayloadInvalid,
    Problem,
    decimal_or_none,
    ict_label_to_utc,
    payload_invalid,
    text_clean,
)

SOURCE: Final = "air4thai"
LATEST_AVERAGING: Final[dict[str, str]] = {
    PM25: HOURS_24_ROLLING,
    PM10: HOURS_24_ROLLING,
    O3: HOURS_8_ROLLING,
    CO: HOURS_8_ROLLING,
    NO2: HOUR_1,
    SO2: HOUR_1,
}
# History column names → our parameter codes ("BP" is barometric pressure).
HISTORY_COLUMNS: Final[dict[str, str]] = {p: p for p in PARAMETERS} | {"BP": PRES}
ZERO_FILLED_MET: Final = (WS, TEMP, RH, WD)
KIND_BY_TYPE: Final[dict[str, str]] = {"GROUND": REFERENCE, "BKK": REFERENCE, "MOBILE": MOBILE}

LATEST = "latest"
HISTORY_JSON = "history_json"
HISTORY_EXPORT = "history_export"
HISTORY_PIVOT = "history_pivot"
KINDS: Final = (LATEST, HISTORY_JSON, HISTORY_EXPORT, HISTORY_PIVOT)


def _json_load(payload: bytes) -> Any:
    try:
        return json.loads(payload.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise payload_invalid(
            f"not valid UTF-8 JSON ({error})",
            f"ไม่ใช่ JSON แบบ UTF-8 ที่ถูกต้อง ({error})",
        ) from error


def _float_or_none(value: object) -> float | None:
    number, _ = decimal_or_none(value)
    return None if number is None else float(number)


def _station_from_latest(item: dict[str, Any], position: int) -> ParsedStation:
    station_type = text_clean(item.get("stationType")).strip().upper()
    try:
        lat = _float_or_none(item.get("lat"))
        lon = _float_or_none(item.get("long"))
    except ValueError as error:
        raise payload_invalid(
            f"station {position}: bad coordinates ({error})",
            f"สถานีลำดับที่ {position}: พิกัดไม่ถูกต้อง ({error})",
            field="lat/long",
        ) from error
    if (lat is not None and not -90 <= lat <= 90) or (lon is not None and not -180 <= lon <= 180):
        raise payload_invalid(
            f"station {position}: coordinates out of range",
            f"สถานีลำดับที่ {position}: พิกัดอยู่นอกช่วงที่เป็นไปได้",
            field="lat/long",
        )
    last = item.get("AQILast") or item.get("LastUpdate") or {}
    overall = last.get("AQI") if isinstance(last, dict) else None
    colour = overall.get("color_id") if isinstance(overall, dict) else None
    try:
        flagged_stale = colour is not None and int(str(colour).strip()) < 0
    except ValueError:
        flagged_stale = False
    return ParsedStation(
        source_id=text_clean(item.get("stationID")).strip(),
        name_th=text_clean(item.get("nameTH")),
        name_en=text_clean(item.get("nameEN")),
        area_th=text_clean(item.get("areaTH")),
        area_en=text_clean(item.get("areaEN")),
        station_type=station_type,
        kind=KIND_BY_TYPE.get(station_type, REFERENCE),
        lat=lat,
        lon=lon,
        flagged_stale=flagged_stale,
    )


def latest_parse(payload: bytes) -> ParsedPayload:
    """Parse a latest-values response (all stations, one 24h/8h/1h value per pollutant)."""
    data = _json_load(payload)
    stations = data.get("stations") if isinstance(data, dict) else None
    if not isinstance(stations, list):
        raise payload_invalid(
            'no "stations" list: not an Air4Thai latest-values response',
            'ไม่มีรายการ "stations": ไม่ใช่ข้อมูลค่าล่าสุดของ Air4Thai',
            field="stations",
        )
    result = ParsedPayload()
    problems: list[Problem] = []
    seen: set[str] = set()
    for position, item in enumerate(stations, start=1):
        if not isinstance(item, dict) or not text_clean(item.get("stationID")).strip():
            problems.append(
                Problem(
                    f"station {position} has no stationID",
                    f"สถานีลำดับที่ {position} ไม่มีรหัสสถานี (stationID)",
                    field="stationID",
                )
            )
            continue
        station = _station_from_latest(item, position)
        if station.source_id in seen:
            continue  # the feed has never repeated a station; keep the first if it ever does
        seen.add(station.source_id)
        result.stations.append(station)
        last = item.get("AQILast") or item.get("LastUpdate")
        if not isinstance(last, dict) or not last.get("date") or not last.get("time"):
            result.missing += len(LATEST_AVERAGING)
            continue
        try:
            observed_at = ict_label_to_utc(str(last["date"]), str(last["time"]))
        except ValueError:
            problems.append(
                Problem(
                    f"station {station.source_id}: bad date/time "
                    f"{last.get('date')!r} {last.get('time')!r}",
                    f"สถานี {station.source_id}: วันที่/เวลาไม่ถูกต้อง "
                    f"{last.get('date')!r} {last.get('time')!r}",
                    field="AQILast.date/time",
                )
            )
            continue
        for parameter, averaging in LATEST_AVERAGING.items():
            entry = last.get(parameter)
            if not isinstance(entry, dict):
                continue
            try:
                value, was_sentinel = decimal_or_none(entry.get("value"))
            except ValueError as error:
                problems.append(
                    Problem(
                        f"station {station.source_id}: {parameter} value {error}",
                        f"สถานี {station.source_id}: ค่า {parameter} ไม่ใช่ตัวเลข ({error})",
                        field=f"AQILast.{parameter}.value",
                    )
                )
                continue
            if value is None or value < 0:
                result.sentinels += was_sentinel or value is not None
                result.missing += not was_sentinel and value is None
                continue
            result.readings.append(
                ParsedReading(
                    station.source_id, parameter, averaging, value, UNITS[parameter], observed_at
                )
            )
    if problems:
        raise PayloadInvalid(problems)
    return result


def _reading_append(
    result: ParsedPayload,
    problems: list[Problem],
    *,
    station_id: str,
    parameter: str,
    raw: object,
    observed_at: datetime,
    line: int | None,
) -> None:
    try:
        value, was_sentinel = decimal_or_none(raw)
    except ValueError as error:
        problems.append(
            Problem(f"{parameter}: {error}", f"{parameter}: ไม่ใช่ตัวเลข ({error})", line, parameter)
        )
        return
    if value is None or (value < 0 and parameter in POLLUTANTS):
        if was_sentinel or value is not None:
            result.sentinels += 1
        else:
            result.missing += 1
        return
    result.readings.append(
        ParsedReading(station_id, parameter, HOUR_1, value, UNITS[parameter], observed_at)
    )


def history_json_parse(payload: bytes) -> ParsedPayload:
    """Parse a ``forweb/getHistoryData.php`` response: 1-hour values per station and parameter."""
    data = _json_load(payload)
    if not isinstance(data, dict) or not isinstance(data.get("stations"), list):
        raise payload_invalid(
            'no "stations" list: not an Air4Thai history response',
            'ไม่มีรายการ "stations": ไม่ใช่ข้อมูลย้อนหลังของ Air4Thai',
            field="stations",
        )
    if str(data.get("result", "OK")).upper() != "OK":
        message = text_clean(data.get("error")) or text_clean(data.get("result"))
        raise payload_invalid(
            f"Air4Thai answered with an error: {message}",
            f"Air4Thai ตอบกลับเป็นข้อผิดพลาด: {message}",
            field="result",
        )
    result = ParsedPayload()
    problems: list[Problem] = []
    for item in data["stations"]:
        station_id = text_clean(item.get("stationID") if isinstance(item, dict) else "").strip()
        rows = item.get("data") if isinstance(item, dict) else None
        if not station_id or not isinstance(rows, list):
            problems.append(
                Problem(
                    "a station has no stationID or no data list",
                    "มีสถานีที่ไม่มีรหัสสถานีหรือไม่มีรายการข้อมูล",
                    field="stations[].data",
                )
            )
            continue
        result.stations.append(ParsedStation(source_id=station_id))
        for row in rows:
            label = text_clean(row.get("DATETIMEDATA") if isinstance(row, dict) else "")
            try:
                date_text, time_text = label.split(" ", 1)
                observed_at = ict_label_to_utc(date_text, time_text)
            except ValueError:
                problems.append(
                    Problem(
                        f"station {station_id}: bad DATETIMEDATA {label!r}",
                        f"สถานี {station_id}: DATETIMEDATA ไม่ถูกต้อง {label!r}",
                        field="DATETIMEDATA",
                    )
                )
                continue
            for column, raw in row.items():
                parameter = HISTORY_COLUMNS.get(column)
                if parameter is None:
                    continue
                _reading_append(
                    result,
                    problems,
                    station_id=station_id,
                    parameter=parameter,
                    raw=raw,
                    observed_at=observed_at,
                    line=None,
                )
    if problems:
        raise PayloadInvalid(problems)
    return result


def _csv_rows(payload: bytes) -> list[list[str]]:
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise payload_invalid(f"not UTF-8 text ({error})", f"ไม่ใช่ข้อความ UTF-8 ({error})") from error
    return list(csv.reader(io.StringIO(text, newline="")))


def history_export_parse(payload: bytes) -> ParsedPayload:
    """Parse the long CSV export: one row per station-hour, ``stationID`` column, CRLF or LF.

    Missing met hours are exported as ``0,0,0,0`` in ``WS,TEMP,RH,WD``: such rows count as missing.
    """
    rows = _csv_rows(payload)
    header = [cell.strip() for cell in rows[0]] if rows else []
    if "DATETIMEDATA" not in header or "stationID" not in header:
        raise payload_invalid(
            "header must contain DATETIMEDATA and stationID",
            "หัวตารางต้องมีคอลัมน์ DATETIMEDATA และ stationID",
            line=1,
        )
    time_at = header.index("DATETIMEDATA")
    station_at = header.index("stationID")
    columns = [
        (i, HISTORY_COLUMNS[name]) for i, name in enumerate(header) if name in HISTORY_COLUMNS
    ]
    met_at = [i for i, parameter in columns if parameter in ZERO_FILLED_MET]
    result = ParsedPayload()
    problems: list[Problem] = []
    stations: dict[str, None] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(
                Problem(
                    f"expected {len(header)} cells, found {len(row)}",
                    f"ควรมี {len(header)} ช่อง แต่พบ {len(row)} ช่อง",
                    line,
                )
            )
            continue
        station_id = row[station_at].strip()
        try:
            date_text, time_text = row[time_at].strip().split(" ", 1)
            observed_at = ict_label_to_utc(date_text, time_text)
        except ValueError:
            problems.append(
                Problem(
                    f"bad date/time {row[time_at]!r}",
                    f"วันที่/เวลาไม่ถูกต้อง {row[time_at]!r}",
                    line,
                    "DATETIMEDATA",
                )
            )
            continue
        if not station_id:
            problems.append(Problem("empty stationID", "ไม่มีรหัสสถานี", line, "stationID"))
            continue
        stations.setdefault(station_id)
        zero_met = len(met_at) == len(ZERO_FILLED_MET) and all(
            row[i].strip() in {"0", "0.0"} for i in met_at
        )
        for i, parameter in columns:
            if zero_met and i in met_at:
                result.sentinels += 1
                continue
            _reading_append(
                result,
                problems,
                station_id=station_id,
                parameter=parameter,
                raw=row[i],
                observed_at=observed_at,
                line=line,
            )
    if problems:
        raise PayloadInvalid(problems)
    result.stations = [ParsedStation(source_id=station_id) for station_id in stations]
    return result


def history_pivot_parse(payload: bytes, *, station_id: str, parameter: str = PM25) -> ParsedPayload:
    """Parse the pivot CSV of one station and one parameter: rows ``Time`` = ``00:00``…``23:00``,
    one column per day (``2024/11/01``). The file does not name its station: pass ``station_id``."""
    if not station_id.strip():
        raise payload_invalid(
            "the pivot file does not name its station: give the station ID",
            "ไฟล์แบบตารางไขว้ไม่ระบุสถานี: โปรดระบุรหัสสถานี",
            field="station_id",
        )
    if parameter not in PARAMETERS:
        raise payload_invalid(
            f"unknown parameter {parameter!r}",
            f"ไม่รู้จักพารามิเตอร์ {parameter!r}",
            field="parameter",
        )
    rows = _csv_rows(payload)
    if not rows or not rows[0] or rows[0][0].strip() != "Time":
        raise payload_invalid(
            'the first header cell must be "Time"',
            'ช่องแรกของหัวตารางต้องเป็น "Time"',
            line=1,
        )
    days = [cell.strip() for cell in rows[0][1:]]
    result = ParsedPayload(stations=[ParsedStation(source_id=station_id.strip())])
    problems: list[Problem] = []
    for line, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(rows[0]):
            problems.append(
                Problem(
                    f"expected {len(rows[0])} cells, found {len(row)}",
                    f"ควรมี {len(rows[0])} ช่อง แต่พบ {len(row)} ช่อง",
                    line,
                )
            )
            continue
        for day, raw in zip(days, row[1:], strict=True):
            try:
                observed_at = ict_label_to_utc(day, row[0])
            except ValueError:
                problems.append(
                    Problem(
                        f"bad day {day!r} or time {row[0]!r}",
                        f"วันที่ {day!r} หรือเวลา {row[0]!r} ไม่ถูกต้อง",
                        line,
                        "Time",
                    )
                )
                break
            _reading_append(
                result,
                problems,
                station_id=station_id.strip(),
                parameter=parameter,
                raw=raw,
                observed_at=observed_at,
                line=line,
            )
    if problems:
        raise PayloadInvalid(problems)
    return result


def payload_kind_detect(payload: bytes) -> str:
    """Which Air4Thai shape these bytes are (one of :data:`KINDS`), from their first bytes."""
    head = payload[:4096].decode("utf-8-sig", errors="replace").lstrip()
    if head.startswith("{"):
        return LATEST if '"AQILast"' in head or '"LastUpdate"' in head else HISTORY_JSON
    first_line = head.splitlines()[0] if head else ""
    if first_line.startswith('"Time"') or first_line.startswith("Time,"):
        return HISTORY_PIVOT
    if "DATETIMEDATA" in first_line:
        return HISTORY_EXPORT
    raise payload_invalid(
        "not a known Air4Thai payload (latest JSON, history JSON, export CSV or pivot CSV)",
        "ไม่ใช่รูปแบบข้อมูล Air4Thai ที่รู้จัก (JSON ค่าล่าสุด, JSON ย้อนหลัง, CSV ส่งออก หรือ CSV ตารางไขว้)",
    )


def payload_parse(payload: bytes, *, kind: str, station_id: str = "") -> ParsedPayload:
    """Parse ``payload`` as ``kind`` (see :data:`KINDS`)."""
    if kind == LATEST:
        return latest_parse(payload)
    if kind == HISTORY_JSON:
        return history_json_parse(payload)
    if kind == HISTORY_EXPORT:
        return history_export_parse(payload)
    if kind == HISTORY_PIVOT:
        return history_pivot_parse(payload, station_id=station_id)
    raise payload_invalid(f"unknown payload kind {kind!r}", f"ไม่รู้จักชนิดข้อมูล {kind!r}")


def station_ids(parsed: Iterable[ParsedReading]) -> set[str]:
    return {reading.station_id for reading in parsed}
