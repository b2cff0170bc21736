"""Parse NASA FIRMS active-fire CSV files (spec §4.4) into plain detection records.

Pure module: no Django import. Every header variant parses: regional/global text files (VIIRS
``bright_ti4…`` and MODIS ``brightness…``, no ``instrument``), area-API and download files (with
``instrument``, ``l/n/h`` confidence), older NOAA-20 downloads that use MODIS column names
(the sensor is decided by ``instrument`` / ``satellite``, never by column names), archive files
with a trailing ``type`` and copies re-saved by a spreadsheet (``D/M/YYYY`` dates, unpadded
``acq_time``, CRLF, byte-order mark).

Rules:

* The header must name every required column; otherwise :class:`FirmsInvalid` is raised and
  nothing of the file may be stored. So is undecodable or empty content and the area API's
  ``Invalid MAP_KEY.`` answer.
* A data row that cannot be read is reported as :class:`Rejected` (line number, header = line 1)
  and skipped; the other rows still parse. Blank lines are ignored and not counted.
* Two rows with the same :func:`Detection.key` (instrument, satellite, time, lat, lon) are one
  detection: the first is kept, later ones are counted in ``duplicates``.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Final

VIIRS: Final = "VIIRS"
MODIS: Final = "MODIS"
INSTRUMENTS: Final = (VIIRS, MODIS)

SNPP: Final = "SNPP"
NOAA20: Final = "NOAA20"
NOAA21: Final = "NOAA21"
TERRA: Final = "Terra"
AQUA: Final = "Aqua"
SATELLITE_CODES: Final[dict[str, str]] = {
    "N": SNPP,
    "NPP": SNPP,
    "SNPP": SNPP,
    "N20": NOAA20,
    "1": NOAA20,
    "J1": NOAA20,
    "NOAA20": NOAA20,
    "N21": NOAA21,
    "J2": NOAA21,
    "NOAA21": NOAA21,
    "T": TERRA,
    "TERRA": TERRA,
    "A": AQUA,
    "AQUA": AQUA,
}
SATELLITE_INSTRUMENT: Final[dict[str, str]] = {
    SNPP: VIIRS,
    NOAA20: VIIRS,
    NOAA21: VIIRS,
    TERRA: MODIS,
    AQUA: MODIS,
}
VIIRS_CONFIDENCE: Final[dict[str, str]] = {
    "l": "l",
    "low": "l",
    "n": "n",
    "nominal": "n",
    "h": "h",
    "high": "h",
}
# FIRMS groups MODIS confidence into low < 30 ≤ nominal < 80 ≤ high (spec §4.2, bins unverified).
MODIS_NOMINAL_FROM: Final = 30
MODIS_HIGH_FROM: Final = 80
COORDINATE_PLACES: Final = Decimal("0.00001")
FIRE_TYPES: Final = frozenset({0, 1, 2, 3})

REQUIRED: Final = frozenset(
    {"latitude", "longitude", "scan", "track", "acq_date", "acq_time", "satellite"}
    | {"confidence", "version", "frp", "daynight"}
)
# The two temperature columns under either naming (VIIRS text files vs MODIS and old downloads).
BRIGHT_FIRST: Final = ("bright_ti4", "brightness")
BRIGHT_SECOND: Final = ("bright_ti5", "bright_t31")


@dataclass(frozen=True)
class Detection:
    """One FIRMS detection, normalised. ``bright`` is I-4 (VIIRS) or channel 21/22 (MODIS);
    ``bright2`` is I-5 or channel 31. ``confidence_pct`` is set for MODIS only."""

    instrument: str
    satellite: str
    acquired_at: datetime  # aware UTC
    lat: Decimal
    lon: Decimal
    bright: float | None
    bright2: float | None
    scan: float | None
    track: float | None
    frp: float | None
    confidence_raw: str
    confidence_class: str
    confidence_pct: int | None
    daynight: str
    version: str
    fire_type: int | None
    line: int

    def key(self) -> tuple[str, str, datetime, Decimal, Decimal]:
        return (self.instrument, self.satellite, self.acquired_at, self.lat, self.lon)


@dataclass(frozen=True)
class Rejected:
    line: int
    reason: str


@dataclass
class FirmsParsed:
    """``file_rows`` = non-blank data lines; ``detections`` are unique valid rows in file order;
    ``file_rows == len(detections) + duplicates + len(rejected)``."""

    file_rows: int = 0
    detections: list[Detection] = field(default_factory=list)
    duplicates: int = 0
    rejected: list[Rejected] = field(default_factory=list)


class FirmsInvalid(Exception):
    """The content is not a FIRMS CSV file; nothing from it may be stored."""

    def __init__(self, message_en: str, message_th: str) -> None:
        self.message_en = message_en
        self.message_th = message_th
        super().__init__(message_en)

    def bilingual(self) -> str:
        return f"{self.message_th} / {self.message_en}"


def _text(body: bytes) -> str:
    if not body.strip():
        raise FirmsInvalid("the file is empty", "ไฟล์ว่างเปล่า")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FirmsInvalid(
            f"the file is not UTF-8 text (byte {error.start})",
            f"ไฟล์ไม่ใช่ข้อความ UTF-8 (ไบต์ที่ {error.start})",
        ) from error
    if "\x00" in text:
        raise FirmsInvalid("the file is binary, not CSV text", "ไฟล์เป็นไบนารี ไม่ใช่ข้อความ CSV")
    if text.strip().lower().startswith("invalid map_key"):
        raise FirmsInvalid(
            "FIRMS answered 'Invalid MAP_KEY.' — check FIRMS_MAP_KEY",
            "FIRMS ตอบว่า MAP_KEY ไม่ถูกต้อง ตรวจสอบ FIRMS_MAP_KEY",
        )
    return text


def header_check(names: list[str]) -> dict[str, int]:
    """Column positions by normalised name; :class:`FirmsInvalid` when a required column is
    missing, a name repeats or no temperature column is present."""
    columns: dict[str, int] = {}
    for position, raw in enumerate(names):
        name = raw.strip().lower()
        if name in columns:
            raise FirmsInvalid(
                f"line 1: column {name!r} appears twice", f"บรรทัด 1: คอลัมน์ {name!r} ซ้ำ"
            )
        columns[name] = position
    missing = sorted(REQUIRED - columns.keys())
    if not any(n in columns for n in BRIGHT_FIRST):
        missing.append("bright_ti4|brightness")
    if missing:
        raise FirmsInvalid(
            f"line 1: not a FIRMS header, missing column(s): {', '.join(missing)}",
            f"บรรทัด 1: หัวตารางไม่ใช่รูปแบบ FIRMS ขาดคอลัมน์: {', '.join(missing)}",
        )
    return columns


@functools.lru_cache(maxsize=4096)
def acquired_at_parse(date_text: str, time_text: str) -> datetime:
    """``acq_date`` (``YYYY-MM-DD`` or day-first ``D/M/YYYY``) + ``acq_time`` (``HHMM``, leading
    zeros optional) → aware UTC datetime. Raises ``ValueError`` with the reason."""
    date_part = date_text.strip()
    if "/" in date_part:
        day, month, year = date_part.split("/") if date_part.count("/") == 2 else ("", "", "")
        if not (day.isdigit() and month.isdigit() and len(year) == 4 and year.isdigit()):
            raise ValueError(f"acq_date {date_text!r} is not YYYY-MM-DD or D/M/YYYY")
        parts = (int(year), int(month), int(day))
    else:
        pieces = date_part.split("-")
        if len(pieces) != 3 or not all(p.isdigit() for p in pieces) or len(pieces[0]) != 4:
            raise ValueError(f"acq_date {date_text!r} is not YYYY-MM-DD or D/M/YYYY")
        parts = (int(pieces[0]), int(pieces[1]), int(pieces[2]))
    time_part = time_text.strip()
    if not (time_part.isdigit() and 1 <= len(time_part) <= 4):
        raise ValueError(f"acq_time {time_text!r} is not HHMM")
    padded = time_part.zfill(4)
    hour, minute = int(padded[:2]), int(padded[2:])
    if hour > 23 or minute > 59:
        raise ValueError(f"acq_time {time_text!r} is not a time of day")
    try:
        return datetime(*parts, hour, minute, tzinfo=UTC)
    except ValueError as error:
        raise ValueError(f"acq_date {date_text!r} is not a calendar date") from error


def _number(cells: dict[str, str], name: str) -> float | None:
    text = cells.get(name, "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError as error:
        raise ValueError(f"{name} {text!r} is not a number") from error
    if value != value or abs(value) > 1e7:
        raise ValueError(f"{name} {text!r} is out of range")
    return value


def _coordinate_parse(text: str, name: str, limit: int) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(f"{name} {text!r} is not a number") from error
    if not value.is_finite() or abs(value) > limit:
        raise ValueError(f"{name} {text!r} is outside ±{limit}")
    return value.quantize(COORDINATE_PLACES)


def _coordinate(cells: dict[str, str], name: str, limit: int) -> Decimal:
    return _coordinate_parse(cells[name].strip(), name, limit)


def _first(cells: dict[str, str], names: tuple[str, ...]) -> str:
    return next((n for n in names if n in cells), names[0])


def _confidence(instrument: str, raw: str) -> tuple[str, int | None]:
    text = raw.strip()
    if instrument == VIIRS:
        level = VIIRS_CONFIDENCE.get(text.lower())
        if level is None:
            raise ValueError(f"confidence {raw!r} is not l/n/h or low/nominal/high for VIIRS")
        return level, None
    if not text.isdigit() or int(text) > 100:
        raise ValueError(f"confidence {raw!r} is not an integer 0–100 for MODIS")
    percent = int(text)
    level = "l" if percent < MODIS_NOMINAL_FROM else "n" if percent < MODIS_HIGH_FROM else "h"
    return level, percent


def row_parse(cells: dict[str, str], line: int) -> Detection:
    """One data row (cells by normalised column name) → :class:`Detection`; ``ValueError``
    names the field and the rule when the row is malformed."""
    satellite_raw = cells["satellite"].strip()
    satellite = SATELLITE_CODES.get(satellite_raw.upper())
    if satellite is None:
        raise ValueError(f"satellite {satellite_raw!r} is unknown")
    instrument = SATELLITE_INSTRUMENT[satellite]
    stated = cells.get("instrument", "").strip().upper()
    if stated and stated != instrument:
        raise ValueError(f"instrument {stated!r} does not match satellite {satellite_raw!r}")
    level, percent = _confidence(instrument, cells["confidence"])
    daynight = cells["daynight"].strip().upper()
    if daynight not in {"D", "N"}:
        raise ValueError(f"daynight {cells['daynight']!r} is not D or N")
    fire_type: int | None = None
    if cells.get("type", "").strip():
        type_text = cells["type"].strip()
        if not type_text.isdigit() or int(type_text) not in FIRE_TYPES:
            raise ValueError(f"type {type_text!r} is not 0, 1, 2 or 3")
        fire_type = int(type_text)
    return Detection(
        instrument=instrument,
        satellite=satellite,
        acquired_at=acquired_at_parse(cells["acq_date"], cells["acq_time"]),
        lat=_coordinate(cells, "latitude", 90),
        lon=_coordinate(cells, "longitude", 180),
        bright=_number(cells, _first(cells, BRIGHT_FIRST)),
        bright2=_number(cells, _first(cells, BRIGHT_SECOND)),
        scan=_number(cells, "scan"),
        track=_number(cells, "track"),
        frp=_number(cells, "frp"),
        confidence_raw=cells["confidence"].strip(),
        confidence_class=level,
        confidence_pct=percent,
        daynight=daynight,
        version=cells["version"].strip()[:16],
        fire_type=fire_type,
        line=line,
    )


def firms_parse(body: bytes) -> FirmsParsed:
    """Parse a whole FIRMS CSV body (any variant of spec §4.4). Raises :class:`FirmsInvalid` for
    unreadable content or a malformed header; bad rows are reported in ``rejected``."""
    reader = csv.reader(io.StringIO(_text(body), newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        raise FirmsInvalid("line 1: no CSV header", "บรรทัด 1: ไม่มีหัวตาราง CSV") from error
    columns = header_check(header)
    names = [name.strip().lower() for name in header]
    parsed = FirmsParsed()
    seen: set[tuple[str, str, datetime, Decimal, Decimal]] = set()
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            parsed.file_rows += 1
            parsed.rejected.append(Rejected(line, f"unreadable CSV: {error}"))
            continue
        if not any(cell.strip() for cell in row):
            continue
        parsed.file_rows += 1
        if len(row) != len(columns):
            parsed.rejected.append(
                Rejected(line, f"expected {len(columns)} fields, found {len(row)}")
            )
            continue
        try:
            detection = row_parse(dict(zip(names, row, strict=True)), line)
        except ValueError as error:
            parsed.rejected.append(Rejected(line, str(error)))
            continue
        key = detection.key()
        if key in seen:
            parsed.duplicates += 1
            continue
        seen.add(key)
        parsed.detections.append(detection)
    return parsed
