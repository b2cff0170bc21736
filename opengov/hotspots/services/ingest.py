"""FIRMS ingest: keep a FIRMS body raw (once per SHA-256), parse it with the pure parser, tag
every detection with country / province / district, land-use class and nearest risk place (one
vectorised pass per file), insert the detections not stored yet and rebuild the daily counts of
the days they fall on — all or nothing, idempotent.

Counting (:class:`FirmsIngestResult`, also the command's ``--json``):

* ``file_rows`` — non-blank data lines of the file (header excluded);
* ``rejected`` — malformed rows (line number, header = line 1, and the reason), skipped;
* ``duplicates`` — valid rows **not written because the detection already exists**: either an
  earlier row of the same file has the same key, or a stored :class:`Detection` (from this or
  any earlier file) has it. Key: instrument, satellite, acquired_at, lat, lon;
* ``ingested`` — new detection rows written by this run.

So ``file_rows == ingested + duplicates + len(rejected)`` always. A standard-processing row
(version without ``NRT``) whose key is stored as near-real-time replaces that row's values in
place (spec §4.4: keep one row); it is counted among ``duplicates`` and in ``replaced``. Re-running the same file
writes nothing and reports ``ingested 0`` and ``duplicates = file_rows - len(rejected)``.
``by_country`` counts the file's distinct valid detections (any confidence, new or already
stored) by the ISO alpha-3 code of the country polygon holding them (``"none"`` outside every
loaded country), so it is the same on every run of the same file.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Final

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from opengov.core.thai_dates import ict_day
from opengov.hotspots.confidence import passes_default_filter
from opengov.hotspots.models import Detection, FirmsPayload, ParseStatus
from opengov.hotspots.services.aggregates import daily_counts_refresh
from opengov.hotspots.services.bulk_insert import detections_insert
from opengov.hotspots.services.tagging import PointTags, points_tag
from opengov.hotspots.sources.firms import fetcher
from opengov.hotspots.sources.firms.parser import (
    VIIRS,
    FirmsInvalid,
    FirmsParsed,
    firms_parse,
)
from opengov.hotspots.sources.firms.parser import Detection as ParsedDetection

BATCH: Final = 2000
NO_COUNTRY: Final = "none"
PLACES: Final = Decimal("0.00001")
Key = tuple[str, str, datetime, Decimal, Decimal]


@dataclass
class FirmsIngestResult:
    payload_id: int | None = None
    file_rows: int = 0
    ingested: int = 0
    duplicates: int = 0
    rejected: list[dict[str, int | str]] = field(default_factory=list)
    by_country: dict[str, int] = field(default_factory=dict)
    already_parsed: bool = False
    replaced: int = 0  # near-real-time rows replaced by standard processing (among duplicates)

    def as_json(self) -> dict[str, object]:
        return {
            "file_rows": self.file_rows,
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "by_country": self.by_country,
        }

    def _replaced_en(self) -> str:
        return f" (NRT replaced by standard processing {self.replaced})" if self.replaced else ""

    def _replaced_th(self) -> str:
        return f" (แทนที่ NRT {self.replaced})" if self.replaced else ""

    def summary(self) -> str:
        if self.already_parsed:
            return f"FIRMS payload #{self.payload_id} already ingested — skipped / นำเข้าแล้ว ข้าม"
        return (
            f"FIRMS payload #{self.payload_id}: rows {self.file_rows}, ingested {self.ingested}, "
            f"duplicates {self.duplicates}{self._replaced_en()}, rejected {len(self.rejected)} / "
            f"แถว {self.file_rows} นำเข้าใหม่ {self.ingested} ซ้ำ {self.duplicates}"
            f"{self._replaced_th()} ปฏิเสธ {len(self.rejected)}"
        )


def _tags(detections: list[ParsedDetection]) -> list[PointTags]:
    return points_tag([float(d.lat) for d in detections], [float(d.lon) for d in detections])


def _stored_keys(detections: list[ParsedDetection]) -> dict[Key, tuple[int, str]]:
    """Stored detections in the file's time span: key → (id, version)."""
    if not detections:
        return {}
    first = min(d.acquired_at for d in detections)
    last = max(d.acquired_at for d in detections)
    rows = Detection.objects.filter(acquired_at__gte=first, acquired_at__lte=last).values_list(
        "instrument", "satellite", "acquired_at", "lat", "lon", "id", "version"
    )
    return {
        (instrument, satellite, acquired_at, lat.quantize(PLACES), lon.quantize(PLACES)): (
            pk,
            version,
        )
        for instrument, satellite, acquired_at, lat, lon, pk, version in rows.iterator(
            chunk_size=BATCH
        )
    }


def is_near_real_time(version: str) -> bool:
    """``2.0NRT``, ``6.1NRT``, ``1.0NRT`` … are near-real-time; ``2``, ``6.1``, ``6.3`` standard."""
    return version.upper().endswith("NRT")


_REPLACED_FIELDS = (
    "product",
    "bright_ti4",
    "bright_ti5",
    "brightness",
    "bright_t31",
    "scan",
    "track",
    "frp",
    "confidence_raw",
    "confidence_class",
    "confidence_pct",
    "daynight",
    "version",
    "fire_type",
    "confident",
    "raw_payload",
)


def _replace_near_real_time(stored: dict[Key, tuple[int, str]], rows: list[Detection]) -> int:
    """Standard-processing rows replace the near-real-time rows with the same key, in place
    (one row per detection, its id and tags kept)."""
    for row in rows:
        pk, _ = stored[_row_key(row)]
        row.pk = pk
    Detection.objects.bulk_update(rows, _REPLACED_FIELDS, batch_size=BATCH)
    return len(rows)


def _row_key(row: Detection) -> Key:
    return (row.instrument, row.satellite, row.acquired_at, row.lat, row.lon)


def _detection_row(
    parsed: ParsedDetection,
    tags: PointTags,
    product: str,
    payload: FirmsPayload,
) -> Detection:
    viirs = parsed.instrument == VIIRS
    return Detection(
        instrument=parsed.instrument,
        satellite=parsed.satellite,
        product=product,
        acquired_at=parsed.acquired_at,
        lat=parsed.lat,
        lon=parsed.lon,
        bright_ti4=parsed.bright if viirs else None,
        bright_ti5=parsed.bright2 if viirs else None,
        brightness=None if viirs else parsed.bright,
        bright_t31=None if viirs else parsed.bright2,
        scan=parsed.scan,
        track=parsed.track,
        frp=parsed.frp,
        confidence_raw=parsed.confidence_raw,
        confidence_class=parsed.confidence_class,
        confidence_pct=parsed.confidence_pct,
        daynight=parsed.daynight,
        version=parsed.version,
        fire_type=parsed.fire_type,
        country_code=tags.country_code,
        province_code=tags.province_code,
        district_code=tags.district_code,
        land_use_class=tags.land_use_class,
        risk_place_id=tags.risk_place_id,
        risk_place_km=tags.risk_place_km,
        acquired_day=ict_day(parsed.acquired_at),
        confident=passes_default_filter(
            parsed.instrument, parsed.confidence_class, parsed.confidence_pct, parsed.fire_type
        ),
        raw_payload=payload,
    )


def firms_ingest(
    *,
    body: bytes,
    fetched_at: datetime,
    origin: str = "",
    product: str = "",
    http_status: int | None = None,
    skip_parsed: bool = False,
) -> FirmsIngestResult:
    """Store ``body`` once, parse it and insert its new detections in one transaction (counting
    rules in the module docstring). :class:`FirmsInvalid` (bad header, unreadable content) →
    nothing written. ``skip_parsed`` returns at once (``already_parsed``) when the same bytes
    were ingested before — for the demo step and scheduled jobs, not for reports."""
    digest = hashlib.sha256(body).hexdigest()
    result = FirmsIngestResult()
    existing = FirmsPayload.objects.filter(sha256=digest).first()
    if skip_parsed and existing is not None and existing.parse_status == ParseStatus.PARSED:
        result.payload_id = existing.pk
        result.already_parsed = True
        return result
    parsed: FirmsParsed = firms_parse(body)
    tags = _tags(parsed.detections)
    result.file_rows = parsed.file_rows
    result.rejected = [{"line": r.line, "reason": r.reason} for r in parsed.rejected]
    countries = Counter(tag.country_code or NO_COUNTRY for tag in tags)
    result.by_country = dict(sorted(countries.items()))
    with transaction.atomic():
        payload = existing or FirmsPayload(sha256=digest, body=body, fetched_at=fetched_at)
        payload.product = product[:64]
        payload.origin = origin[:1000]
        payload.http_status = http_status
        payload.size = len(body)
        payload.parse_status = ParseStatus.PARSED
        payload.parse_error = ""
        payload.parsed_at = timezone.now()
        payload.file_rows = parsed.file_rows
        payload.save()
        result.payload_id = payload.pk
        stored = _stored_keys(parsed.detections)
        new: list[Detection] = []
        upgrades: list[Detection] = []
        for detection, tag in zip(parsed.detections, tags, strict=True):
            known = stored.get(detection.key())
            if known is None:
                new.append(_detection_row(detection, tag, product[:64], payload))
            elif is_near_real_time(known[1]) and not is_near_real_time(detection.version):
                upgrades.append(_detection_row(detection, tag, product[:64], payload))
        detections_insert(new)
        result.replaced = _replace_near_real_time(stored, upgrades)
        daily_counts_refresh(days={row.acquired_day for row in new + upgrades})
    result.ingested = len(new)
    result.duplicates = parsed.duplicates + len(parsed.detections) - len(new)
    return result


def firms_live_ingest(
    *, product: str, days: int = 1, client: httpx.Client | None = None
) -> FirmsIngestResult:
    """Fetch one FIRMS product (area API with ``FIRMS_MAP_KEY``, else the keyless 24-hour
    SouthEast_Asia file) and ingest it. A body that is not FIRMS CSV is kept as ``failed`` for
    audit and :class:`FirmsInvalid` is raised."""
    own = client is None
    session = client or fetcher.http_client(timeout=float(settings.OPENGOV_HTTP_TIMEOUT))
    try:
        got = fetcher.firms_fetch(
            session, product=product, days=days, map_key=str(settings.FIRMS_MAP_KEY or "")
        )
    finally:
        if own:
            session.close()
    try:
        return firms_ingest(
            body=got.body,
            fetched_at=got.fetched_at,
            origin=got.url,
            product=product,
            http_status=got.status,
        )
    except FirmsInvalid as invalid:
        _payload_reject(got, product, invalid)
        raise


def _payload_reject(got: fetcher.Fetched, product: str, invalid: FirmsInvalid) -> None:
    digest = hashlib.sha256(got.body).hexdigest()
    FirmsPayload.objects.update_or_create(
        sha256=digest,
        defaults={
            "product": product,
            "origin": got.url[:1000],
            "http_status": got.status,
            "fetched_at": got.fetched_at,
            "size": len(got.body),
            "body": got.body,
            "parse_status": ParseStatus.FAILED,
            "parse_error": invalid.bilingual(),
            "parsed_at": timezone.now(),
        },
    )
