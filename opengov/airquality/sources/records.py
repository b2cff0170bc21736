"""Plain records every source parser returns, the shared vocabulary (parameters, averaging periods,
station kinds) and the payload error with Thai and English messages.

Pure module: no Django import, so parsers and their tests run on plain data.

Time convention: ``observed_at`` is always the timezone-aware **end** of the averaging period in UTC.
Air4Thai labels hours by their end in Thai time (ICT, UTC+7) — ``17:00`` is the hour 16:00–17:00 —
so a label converts to UTC unchanged in meaning (``17:00 ICT`` → ``10:00 UTC``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Final

ICT: Final = timezone(timedelta(hours=7), "ICT")

# Parameters (codes stored in Reading.parameter).
PM25: Final = "PM25"
PM10: Final = "PM10"
O3: Final = "O3"
CO: Final = "CO"
NO2: Final = "NO2"
SO2: Final = "SO2"
WS: Final = "WS"
WD: Final = "WD"
TEMP: Final = "TEMP"
RH: Final = "RH"
RAIN: Final = "RAIN"
PRES: Final = "PRES"
PARAMETERS: Final = (PM25, PM10, O3, CO, NO2, SO2, WS, WD, TEMP, RH, RAIN, PRES)
POLLUTANTS: Final = frozenset({PM25, PM10, O3, CO, NO2, SO2})
MET_PARAMETERS: Final = frozenset({WS, WD, TEMP, RH, RAIN, PRES})

# Units as the Thai network reports them (Air4Thai); other sources carry their own unit text.
UNITS: Final[dict[str, str]] = {
    PM25: "µg/m³",
    PM10: "µg/m³",
    O3: "ppb",
    CO: "ppm",
    NO2: "ppb",
    SO2: "ppb",
    WS: "m/s",  # unverified unit (spec §1.3)
    WD: "deg",
    TEMP: "°C",
    RH: "%",
    RAIN: "mm",
    PRES: "mmHg",  # Air4Thai "BP"; unit unverified
}

# Averaging periods (Reading.averaging).
HOUR_1: Final = "1h"
HOURS_24_ROLLING: Final = "24h"
HOURS_8_ROLLING: Final = "8h"
NOWCAST: Final = "nowcast"
AVERAGINGS: Final = (HOUR_1, HOURS_24_ROLLING, HOURS_8_ROLLING, NOWCAST)

# Station kinds (Station.kind).
REFERENCE: Final = "reference"
LOW_COST: Final = "low_cost"
MOBILE: Final = "mobile"
KINDS: Final = (REFERENCE, LOW_COST, MOBILE)

# Values that mean "no data" wherever a number is expected (spec §1.2 sentinels).
SENTINELS: Final = frozenset({Decimal(-1), Decimal(-99), Decimal(-999), Decimal(-9999)})
MISSING_TEXTS: Final = frozenset({"", "-", "N/A", "NA", "null", "None", "nan", "NaN"})
VALUE_LIMIT: Final = Decimal(100_000_000)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a payload; ``line`` is 1-based where the payload has lines."""

    message_en: str
    message_th: str
    line: int | None = None
    field: str | None = None

    def render(self, language: str = "en") -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}" if language == "en" else f"บรรทัด {self.line}")
        if self.field:
            where.append(self.field)
        text = self.message_en if language == "en" else self.message_th
        return f"{', '.join(where)}: {text}" if where else text


class PayloadInvalid(Exception):
    """The payload cannot be read as the source's format; nothing from it may be stored."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.render("en") for p in problems[:5]))

    def bilingual(self, limit: int = 20) -> str:
        lines: list[str] = []
        for problem in self.problems[:limit]:
            lines.append(problem.render("th"))
            lines.append(problem.render("en"))
        if len(self.problems) > limit:
            rest = len(self.problems) - limit
            lines.append(f"… และอีก {rest} ปัญหา / … and {rest} more problems")
        return "\n".join(lines)


def payload_invalid(message_en: str, message_th: str, **where: int | str | None) -> PayloadInvalid:
    line = where.get("line")
    field_name = where.get("field")
    return PayloadInvalid(
        [
            Problem(
                message_en,
                message_th,
                line=line if isinstance(line, int) else None,
                field=str(field_name) if field_name is not None else None,
            )
        ]
    )


@dataclass(frozen=True)
class ParsedStation:
    """A station as one payload describes it. Text fields are kept raw (with stray spaces)."""

    source_id: str
    name_th: str = ""
    name_en: str = ""
    area_th: str = ""
    area_en: str = ""
    station_type: str = ""
    kind: str = REFERENCE
    lat: float | None = None
    lon: float | None = None
    parameters: tuple[str, ...] = ()
    flagged_stale: bool = False


@dataclass(frozen=True)
class ParsedReading:
    station_id: str
    parameter: str
    averaging: str
    value: Decimal
    unit: str
    observed_at: datetime  # aware UTC, end of the averaging period


@dataclass
class ParsedPayload:
    """What a parser found: stations (may be empty for history files), readings and the number of
    values dropped as missing (sentinels, nulls, empty cells, zero-filled met rows)."""

    stations: list[ParsedStation] = field(default_factory=list)
    readings: list[ParsedReading] = field(default_factory=list)
    missing: int = 0
    sentinels: int = 0


def text_clean(value: object) -> str:
    """Raw text of a field (``None`` → ``""``); keeps stray spaces, as the spec asks."""
    return "" if value is None else str(value)


def decimal_or_none(value: object) -> tuple[Decimal | None, bool]:
    """Parse a number given as text or JSON number. Returns ``(value, was_sentinel)``; ``None`` for
    missing. Raises ``ValueError`` for text that is not a number at all."""
    if value is None or isinstance(value, bool):
        return None, False
    if isinstance(value, (int, float)):
        number = Decimal(str(value))
    else:
        text = str(value).strip()
        if text in MISSING_TEXTS:
            return None, False
        try:
            number = Decimal(text)
        except InvalidOperation as error:
            raise ValueError(f"not a number: {text!r}") from error
    if not number.is_finite():
        return None, False
    if number in SENTINELS:
        return None, True
    if abs(number) >= VALUE_LIMIT:
        raise ValueError(f"number out of range: {number}")
    return number, False


def ict_label_to_utc(date_text: str, time_text: str) -> datetime:
    """``("2026-08-23", "17:00")`` in ICT → aware UTC datetime. Accepts ``/`` in dates, ``HH:MM``
    or ``HH:MM:SS``, and ``24:00`` (the end of the day)."""
    date_part = date_text.strip().replace("/", "-")
    time_part = time_text.strip()
    extra = timedelta(0)
    if time_part.startswith("24:"):
        time_part = "00" + time_part[2:]
        extra = timedelta(days=1)
    fmt = "%Y-%m-%d %H:%M:%S" if time_part.count(":") == 2 else "%Y-%m-%d %H:%M"
    local = datetime.strptime(f"{date_part} {time_part}", fmt).replace(tzinfo=ICT)
    return (local + extra).astimezone(UTC)
