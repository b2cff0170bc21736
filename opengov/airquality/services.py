"""Write side of the air-quality app: store a source payload raw, parse it with the source's pure
parser, upsert its stations and readings — all or nothing, and idempotent.

Other apps and the edges (command, tasks, demo) call :func:`readings_ingest_payload`.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Final

from django.db import transaction
from django.utils import timezone

from opengov.airquality.models import ParseStatus, PayloadKind, RawPayload, Reading, Station
from opengov.airquality.models.readings import VALUE_DECIMAL_PLACES
from opengov.airquality.sources.air4thai import parser as air4thai_parser
from opengov.airquality.sources.csv import parser as csv_parser
from opengov.airquality.sources.openaq import parser as openaq_parser
from opengov.airquality.sources.records import (
    ParsedPayload,
    ParsedReading,
    ParsedStation,
    PayloadInvalid,
    payload_invalid,
)
from opengov.geo.selectors import areas_lookup_many

QUANTUM: Final = Decimal(1).scaleb(-VALUE_DECIMAL_PLACES)
IN_CHUNK: Final = 500  # ids per IN (...) — below SQLite's variable limit
BATCH: Final = 2000
STATION_FIELDS: Final = (
    "name_th",
    "name_en",
    "area_th",
    "area_en",
    "station_type",
    "kind",
    "lat",
    "lon",
)

Parse = Callable[[bytes, dict[str, str]], ParsedPayload]

PARSERS: Final[dict[str, Parse]] = {
    PayloadKind.LATEST: lambda body, _o: air4thai_parser.latest_parse(body),
    PayloadKind.HISTORY_JSON: lambda body, _o: air4thai_parser.history_json_parse(body),
    PayloadKind.HISTORY_EXPORT: lambda body, _o: air4thai_parser.history_export_parse(body),
    PayloadKind.HISTORY_PIVOT: lambda body, o: air4thai_parser.history_pivot_parse(
        body, station_id=o.get("station_id", ""), parameter=o.get("parameter", "PM25")
    ),
    PayloadKind.OPENAQ_LOCATIONS: lambda body, _o: openaq_parser.locations_parse(body),
    PayloadKind.OPENAQ_SENSORS: lambda body, o: openaq_parser.sensors_parse(
        body, location_id=o.get("station_id", "")
    ),
    PayloadKind.OPENAQ_MEASUREMENTS: lambda body, o: openaq_parser.measurements_parse(
        body, location_id=o.get("station_id", "")
    ),
    PayloadKind.CSV_UPLOAD: lambda body, _o: csv_parser.upload_parse(body),
}


@dataclass
class IngestResult:
    """What one payload changed. ``duplicate`` = the same bytes were ingested before (skipped)."""

    source: str
    kind: str
    payload_id: int | None = None
    duplicate: bool = False
    stations_created: int = 0
    stations_updated: int = 0
    stations_unchanged: int = 0
    readings_created: int = 0
    readings_updated: int = 0
    readings_unchanged: int = 0
    readings_skipped: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        if self.duplicate:
            return (
                f"{self.source} {self.kind}: payload #{self.payload_id} already ingested — skipped "
                f"/ ข้อมูลชุดนี้นำเข้าแล้ว ข้าม"
            )
        return (
            f"{self.source} {self.kind} (payload #{self.payload_id}): stations created "
            f"{self.stations_created}, updated {self.stations_updated}, unchanged "
            f"{self.stations_unchanged}; readings created {self.readings_created}, updated "
            f"{self.readings_updated}, unchanged {self.readings_unchanged}, skipped (missing) "
            f"{self.readings_skipped} ({self.seconds:.2f} s)"
        )


def payload_parse(*, kind: str, payload_bytes: bytes, options: dict[str, str]) -> ParsedPayload:
    """Parse bytes with the pure parser for ``kind``; raises :class:`PayloadInvalid`."""
    parse = PARSERS.get(kind)
    if parse is None:
        raise payload_invalid(f"unknown payload kind {kind!r}", f"ไม่รู้จักชนิดข้อมูล {kind!r}")
    return parse(payload_bytes, options)


def readings_ingest_payload(
    *,
    source: str,
    payload_bytes: bytes,
    kind: str,
    fetched_at: datetime,
    origin: str = "",
    http_status: int | None = None,
    options: dict[str, str] | None = None,
    reparse: bool = False,
    keep_rejected: bool = False,
) -> IngestResult:
    """Store ``payload_bytes`` once (by SHA-256 per source), parse them and upsert stations and
    readings in one transaction.

    * Same bytes again → skipped (``duplicate=True``) unless ``reparse`` (then every reading
      compares equal and nothing changes, or a parser fix updates the rows it corrects).
    * A malformed payload raises :class:`PayloadInvalid` and nothing is written — unless
      ``keep_rejected`` (scheduled fetches), which keeps the raw body marked ``failed`` for audit.
    * Stations new or moved are tagged with province/district codes from the geo index.
    """
    started = time.perf_counter()
    options = dict(options or {})
    digest = hashlib.sha256(payload_bytes).hexdigest()
    result = IngestResult(source=source, kind=kind)
    existing = RawPayload.objects.filter(source=source, sha256=digest).first()
    if existing is not None and existing.parse_status == ParseStatus.PARSED and not reparse:
        result.payload_id = existing.pk
        result.duplicate = True
        return result
    try:
        parsed = payload_parse(kind=kind, payload_bytes=payload_bytes, options=options)
    except PayloadInvalid as invalid:
        if keep_rejected:
            _payload_reject(
                existing=existing,
                values=_payload_values(source, kind, origin, http_status, fetched_at, options),
                digest=digest,
                body=payload_bytes,
                error=invalid,
            )
        raise
    with transaction.atomic():
        payload = existing or RawPayload(source=source, sha256=digest, body=payload_bytes)
        for name, value in _payload_values(
            source, kind, origin, http_status, fetched_at, options
        ).items():
            if existing is None or name != "fetched_at":
                setattr(payload, name, value)
        payload.size = len(payload_bytes)
        payload.save()
        result.payload_id = payload.pk
        stations = _stations_upsert(source, parsed, result)
        _readings_upsert(source, parsed.readings, stations, payload, fetched_at, result)
        _station_periods_update(stations, parsed.readings)
        result.readings_skipped = parsed.missing + parsed.sentinels
        payload.parse_status = ParseStatus.PARSED
        payload.parse_error = ""
        payload.parsed_at = timezone.now()
        payload.readings_count = len(parsed.readings)
        payload.save(update_fields=["parse_status", "parse_error", "parsed_at", "readings_count"])
    result.seconds = time.perf_counter() - started
    return result


def raw_payload_reparse(*, payload: RawPayload) -> IngestResult:
    """Parse a stored payload again (after a parser fix); unchanged readings stay untouched."""
    return readings_ingest_payload(
        source=payload.source,
        payload_bytes=bytes(payload.body),
        kind=payload.kind,
        fetched_at=payload.fetched_at,
        origin=payload.origin,
        http_status=payload.http_status,
        options={str(k): str(v) for k, v in dict(payload.parse_options).items()},
        reparse=True,
    )


def _payload_values(
    source: str,
    kind: str,
    origin: str,
    http_status: int | None,
    fetched_at: datetime,
    options: dict[str, str],
) -> dict[str, Any]:
    return {
        "source": source,
        "kind": kind,
        "origin": origin[:1000],
        "http_status": http_status,
        "fetched_at": fetched_at,
        "parse_options": options,
    }


def _payload_reject(
    *,
    existing: RawPayload | None,
    values: dict[str, Any],
    digest: str,
    body: bytes,
    error: PayloadInvalid,
) -> None:
    with transaction.atomic():
        payload = existing or RawPayload(sha256=digest, body=body, size=len(body), **values)
        payload.parse_status = ParseStatus.FAILED
        payload.parse_error = error.bilingual()
        payload.parsed_at = timezone.now()
        payload.save()


def _chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _described(parsed: ParsedStation) -> bool:
    """History files name a station only by ID; such a record must not blank its description."""
    return bool(parsed.lat is not None or parsed.name_th.strip() or parsed.name_en.strip())


def _stations_upsert(
    source: str, parsed: ParsedPayload, result: IngestResult
) -> dict[str, Station]:
    wanted: dict[str, ParsedStation] = {}
    for described in parsed.stations:
        wanted.setdefault(described.source_id, described)
    for reading in parsed.readings:
        wanted.setdefault(reading.station_id, ParsedStation(source_id=reading.station_id))
    ids = list(wanted)
    found: dict[str, Station] = {}
    for chunk in _chunks(ids):
        for stored in Station.objects.filter(source=source, source_id__in=chunk):
            found[stored.source_id] = stored
    tracked = (*STATION_FIELDS, "flagged_stale", "parameters", "province_code", "district_code")
    to_create: list[Station] = []
    to_tag: list[Station] = []
    before: dict[str, tuple[Any, ...]] = {}
    for source_id, description in wanted.items():
        station = found.get(source_id)
        if station is None:
            station = Station(source=source, source_id=source_id)
            _station_describe(station, description)
            to_create.append(station)
            found[source_id] = station
        else:
            before[source_id] = tuple(_snapshot(station, tracked))
            if _described(description):
                _station_describe(station, description)
            elif description.parameters:
                station.parameters = sorted({*station.parameters, *description.parameters})
        moved = source_id in before and before[source_id][6:8] != (station.lat, station.lon)
        if station.lat is not None and (moved or not station.province_code):
            to_tag.append(station)
    _stations_tag(to_tag)
    to_update = [
        found[source_id]
        for source_id, snapshot in before.items()
        if tuple(_snapshot(found[source_id], tracked)) != snapshot
    ]
    result.stations_unchanged = len(before) - len(to_update)
    if to_create:
        # SQLite ≥ 3.35 and PostgreSQL return the new ids, which the readings need.
        Station.objects.bulk_create(to_create, batch_size=BATCH)
    if to_update:
        Station.objects.bulk_update(
            to_update,
            list(tracked),
            batch_size=BATCH,
        )
    result.stations_created = len(to_create)
    result.stations_updated = len(to_update)
    return found


def _snapshot(station: Station, names: Sequence[str]) -> list[Any]:
    return [
        list(value) if isinstance(value, list) else value
        for value in (getattr(station, n) for n in names)
    ]


def _station_describe(station: Station, description: ParsedStation) -> None:
    for name in STATION_FIELDS:
        setattr(station, name, getattr(description, name))
    station.flagged_stale = description.flagged_stale
    if description.parameters:
        station.parameters = sorted({*station.parameters, *description.parameters})


def _stations_tag(stations: list[Station]) -> None:
    located = [s for s in stations if s.lat is not None and s.lon is not None]
    if not located:
        return
    codes = areas_lookup_many(
        [float(s.lat or 0) for s in located], [float(s.lon or 0) for s in located]
    )
    for position, station in enumerate(located):
        province = codes["province"][position]
        district = codes["district"][position]
        station.province_code = "" if province is None else str(province)
        station.district_code = "" if district is None else str(district)


def _readings_upsert(
    source: str,
    readings: list[ParsedReading],
    stations: dict[str, Station],
    payload: RawPayload,
    fetched_at: datetime,
    result: IngestResult,
) -> None:
    if not readings:
        return
    incoming: dict[tuple[int, str, str, datetime], tuple[Decimal, str]] = {}
    for reading in readings:
        station_pk = stations[reading.station_id].pk
        key = (station_pk, reading.parameter, reading.averaging, reading.observed_at)
        incoming[key] = (reading.value.quantize(QUANTUM), reading.unit)
    station_pks = sorted({key[0] for key in incoming})
    first = min(key[3] for key in incoming)
    last = max(key[3] for key in incoming)
    current: dict[tuple[int, str, str, datetime], tuple[int, Decimal, str]] = {}
    for chunk in _chunks(station_pks):
        rows = Reading.objects.filter(
            station_id__in=chunk, observed_at__gte=first, observed_at__lte=last
        ).values_list("pk", "station_id", "parameter", "averaging", "observed_at", "value", "unit")
        for pk, station_pk, parameter, averaging, observed_at, value, unit in rows.iterator(
            chunk_size=BATCH
        ):
            current[(station_pk, parameter, averaging, observed_at)] = (pk, value, unit)
    to_create: list[Reading] = []
    to_update: list[Reading] = []
    for (station_pk, parameter, averaging, observed_at), (value, unit) in incoming.items():
        stored = current.get((station_pk, parameter, averaging, observed_at))
        if stored is None:
            to_create.append(
                Reading(
                    station_id=station_pk,
                    source=source,
                    parameter=parameter,
                    averaging=averaging,
                    value=value,
                    unit=unit,
                    observed_at=observed_at,
                    fetched_at=fetched_at,
                    raw_payload=payload,
                )
            )
        elif stored[1] != value or stored[2] != unit:
            to_update.append(
                Reading(
                    pk=stored[0],
                    value=value,
                    unit=unit,
                    fetched_at=fetched_at,
                    raw_payload=payload,
                )
            )
        else:
            result.readings_unchanged += 1
    if to_create:
        Reading.objects.bulk_create(to_create, batch_size=BATCH)
    if to_update:
        Reading.objects.bulk_update(
            to_update, ["value", "unit", "fetched_at", "raw_payload"], batch_size=BATCH
        )
    result.readings_created = len(to_create)
    result.readings_updated = len(to_update)


def _station_periods_update(stations: dict[str, Station], readings: list[ParsedReading]) -> None:
    """Widen each station's first/last reading time and its measured parameters."""
    spans: dict[str, tuple[datetime, datetime, set[str]]] = {}
    for reading in readings:
        span = spans.get(reading.station_id)
        if span is None:
            spans[reading.station_id] = (
                reading.observed_at,
                reading.observed_at,
                {reading.parameter},
            )
        else:
            span[2].add(reading.parameter)
            spans[reading.station_id] = (
                min(span[0], reading.observed_at),
                max(span[1], reading.observed_at),
                span[2],
            )
    changed: list[Station] = []
    for source_id, (first, last, parameters) in spans.items():
        station = stations[source_id]
        new_first = (
            first if station.first_reading_at is None else min(first, station.first_reading_at)
        )
        new_last = last if station.last_reading_at is None else max(last, station.last_reading_at)
        new_parameters = sorted({*station.parameters, *parameters})
        if (new_first, new_last, new_parameters) != (
            station.first_reading_at,
            station.last_reading_at,
            list(station.parameters),
        ):
            station.first_reading_at = new_first
            station.last_reading_at = new_last
            station.parameters = new_parameters
            changed.append(station)
    if changed:
        Station.objects.bulk_update(
            changed, ["first_reading_at", "last_reading_at", "parameters"], batch_size=BATCH
        )
