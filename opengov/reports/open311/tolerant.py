"""Tolerant reading of other cities' Open311 feeds (pure, no Django import).

Real servers bend the standard (specs/reporting.md §1.9): capitalised ``Open``/``Closed``, datetimes
without a timezone, ``xsi:nil`` and empty elements, ``lat``/``long`` of ``0``/``0.0`` meaning "no
location", ``""`` for absent values, SOAP namespaces or Rails' ``is_array`` on the root, fields left
out rather than null, rows with no id at all (Chicago: "clients should ignore them"). These readers
turn all of that into one strict shape; our own server's output reads back through the same
functions, so the tests hold both to it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


@dataclass(frozen=True)
class ForeignService:
    service_code: str
    service_name: str
    description: str | None
    metadata: bool
    type: str
    keywords: tuple[str, ...]
    group: str | None


@dataclass(frozen=True)
class ForeignRequest:
    service_request_id: str
    status: str | None  # "open" | "closed" | None (absent or unknown)
    status_notes: str | None
    service_code: str | None
    service_name: str | None
    description: str | None
    agency_responsible: str | None
    requested_datetime: datetime | None
    updated_datetime: datetime | None
    expected_datetime: datetime | None
    address: str | None
    zipcode: str | None
    lat: float | None
    long: float | None
    media_url: str | None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml_rows(body: bytes, item: str) -> list[dict[str, str | None]]:
    root = ET.fromstring(body)  # noqa: S314 - feeds from configured city endpoints, no DTDs used
    rows = []
    for element in root:
        if _local(element.tag) != item:
            continue
        row: dict[str, str | None] = {}
        for child in element:
            nil = child.get(_NIL, "").lower() == "true"
            row[_local(child.tag)] = None if nil else (child.text or "")
        rows.append(row)
    return rows


def _json_rows(body: bytes) -> list[dict[str, Any]]:
    data = json.loads(body)
    if isinstance(data, dict):  # a single object where a list belongs
        data = [data]
    return [row for row in data if isinstance(row, dict)]


def _rows(body: bytes, fmt: str, item: str) -> list[dict[str, Any]]:
    if fmt == "xml":
        return list(_xml_rows(body, item))
    if fmt == "json":
        return _json_rows(body)
    raise ValueError(f"unknown format {fmt!r}")


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _bool(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _float(value: object) -> float | None:
    text = _text(value)
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def _datetime(value: object, assume_tz: tzinfo) -> datetime | None:
    text = _text(value)
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=assume_tz)


def _status(value: object) -> str | None:
    text = (_text(value) or "").lower()
    return text if text in {"open", "closed"} else None


def services_parse(body: bytes, fmt: str) -> list[ForeignService]:
    """A ``services.xml``/``services.json`` body; rows without a ``service_code`` are skipped."""
    services = []
    for row in _rows(body, fmt, "service"):
        code = _text(row.get("service_code"))
        if code is None:
            continue
        keywords = _text(row.get("keywords")) or ""
        services.append(
            ForeignService(
                service_code=code,
                service_name=_text(row.get("service_name")) or code,
                description=_text(row.get("description")),
                metadata=_bool(row.get("metadata")),
                type=(_text(row.get("type")) or "realtime").lower(),
                keywords=tuple(k.strip() for k in keywords.split(",") if k.strip()),
                group=_text(row.get("group")),
            )
        )
    return services


def requests_parse(body: bytes, fmt: str, *, assume_tz: tzinfo) -> list[ForeignRequest]:
    """A ``requests.xml``/``requests.json`` body. Datetimes without an offset are read in
    ``assume_tz`` (the city's own zone); ``0``/``0`` coordinates mean no location; rows without a
    ``service_request_id`` (not yet processed) are skipped."""
    found = []
    for row in _rows(body, fmt, "request"):
        request_id = _text(row.get("service_request_id"))
        if request_id is None:
            continue
        lat, lon = _float(row.get("lat")), _float(row.get("long"))
        if lat is None or lon is None or (lat == 0 and lon == 0):
            lat = lon = None
        found.append(
            ForeignRequest(
                service_request_id=request_id,
                status=_status(row.get("status")),
                status_notes=_text(row.get("status_notes")),
                service_code=_text(row.get("service_code")),
                service_name=_text(row.get("service_name")),
                description=_text(row.get("description")),
                agency_responsible=_text(row.get("agency_responsible")),
                requested_datetime=_datetime(row.get("requested_datetime"), assume_tz),
                updated_datetime=_datetime(row.get("updated_datetime"), assume_tz),
                expected_datetime=_datetime(row.get("expected_datetime"), assume_tz),
                address=_text(row.get("address")),
                zipcode=_text(row.get("zipcode")),
                lat=lat,
                long=lon,
                media_url=_text(row.get("media_url")),
            )
        )
    return found
