"""Public reads: what anyone may see of a report. Field lists are explicit, so personal data
cannot slip into a page or the API by adding a model field."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

import numpy as np
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from opengov.geo.feature_index import haversine_km
from opengov.reports import lifecycle
from opengov.reports.models import Report, ReportTransition
from opengov.reports.selectors.queue import SLA_RESOLVE

NEARBY_RADIUS_M: Final = 500
NEARBY_HOURS: Final = 48
NEARBY_MAX: Final = 5


@dataclass(frozen=True)
class PublicFilter:
    category: str = ""
    status: str = ""  # a state, or "open" / "closed"
    area_code: str = ""  # province (2 digits) or district (4 digits)
    start: datetime | None = None
    end: datetime | None = None


def reports_public(spec: PublicFilter | None = None) -> QuerySet[Report]:
    """Visible reports (not hidden), newest first, with the filters of ``spec``."""
    spec = spec or PublicFilter()
    rows = Report.objects.filter(is_hidden=False).select_related("organisation")
    if spec.category:
        rows = rows.filter(category=spec.category)
    if spec.status == "open":
        rows = rows.filter(status__in=lifecycle.OPEN_STATES)
    elif spec.status == "closed":
        rows = rows.filter(status__in=lifecycle.CLOSED_STATES)
    elif spec.status:
        rows = rows.filter(status=spec.status)
    if spec.area_code:
        code = spec.area_code.strip()
        rows = rows.filter(district_code=code) if len(code) > 2 else rows.filter(province_code=code)
    if spec.start is not None:
        rows = rows.filter(seen_at__gte=spec.start)
    if spec.end is not None:
        rows = rows.filter(seen_at__lt=spec.end)
    return rows.order_by("-submitted_at", "-id")


def report_public_get(pk: int) -> Report | None:
    """A visible report, or None (hidden and unknown reports look the same: 404)."""
    return reports_public().filter(pk=pk).first()


def report_by_idempotency_key(key: str) -> Report | None:
    """The report a channel already made with this idempotency key (for safe retries)."""
    return Report.objects.filter(idempotency_key=key).first() if key else None


def report_timeline(report: Report) -> list[ReportTransition]:
    """The public history: status, time, role and comment (never the acting person)."""
    return list(
        report.transitions.select_related("organisation", "photo").order_by("created_at", "id")
    )


def _iso(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value is not None else None


def photo_url(photo_uuid: object) -> str:
    return reverse("reports:photo", kwargs={"uuid": photo_uuid})


def report_public_dict(report: Report, *, with_history: bool = True) -> dict[str, Any]:
    """The public record of a report, JSON-ready, with the fields an Open311 server needs
    (``service_request_id``, ``service_code``, ``status`` open/closed, ``status_notes``,
    ``agency_responsible``, ``requested_datetime``, ``updated_datetime``, ``expected_datetime``,
    ``address``, ``lat``/``long``, ``media_url`` as a path) plus our own state and history."""
    steps = report_timeline(report) if with_history else []
    last_note = next((s.note for s in reversed(steps) if s.note), None)
    photos = [p for p in report.photos.all() if p.kind == "report"]
    after = [p for p in report.photos.all() if p.kind == "after"]
    closed = report.status in lifecycle.CLOSED_STATES
    notes = last_note
    if report.status == lifecycle.DUPLICATE and report.duplicate_of_id:
        notes = f"Duplicate of #{report.duplicate_of_id}"
    data: dict[str, Any] = {
        "service_request_id": str(report.pk),
        "service_code": report.category,
        "service_name": report.get_category_display(),
        "state": report.status,
        "state_label": report.get_status_display(),
        "status": report.open311_status,
        "status_notes": notes,
        "description": report.description or None,
        "agency_responsible": report.organisation.name if report.organisation else None,
        "agency_slug": report.organisation.slug if report.organisation else None,
        "requested_datetime": _iso(report.submitted_at),
        "updated_datetime": _iso(report.closed_at if closed else report.updated_at),
        "expected_datetime": None if closed else _iso(report.submitted_at + SLA_RESOLVE),
        "seen_at": _iso(report.seen_at),
        "address": report.address or report.area_name_th or None,
        "area": {
            "province_code": report.province_code or None,
            "district_code": report.district_code or None,
            "name_th": report.area_name_th or None,
            "name_en": report.area_name_en or None,
        },
        "lat": report.lat,
        "long": report.lon,
        "media_url": photo_url(photos[0].uuid) if photos else None,
        "photos": [photo_url(p.uuid) for p in photos],
        "after_photos": [photo_url(p.uuid) for p in after],
        "channel": report.channel,
        "corroborated": report.corroborating_detections > 0,
        "corroborating_detections": report.corroborating_detections,
        "duplicate_of": str(report.duplicate_of_id) if report.duplicate_of_id else None,
        "referred_from": str(report.referred_from_id) if report.referred_from_id else None,
        "rating": report.rating,
        "reopen_count": report.reopen_count,
    }
    if with_history:
        data["history"] = [
            {
                "datetime": _iso(s.created_at),
                "from": s.from_status or None,
                "to": s.to_status,
                "role": s.actor_role,
                "note": s.note or None,
                "photo": photo_url(s.photo.uuid) if s.photo is not None else None,
                "photo_sha256": s.photo_sha256 or None,
            }
            for s in steps
        ]
    return data


def reports_nearby(
    *,
    category: str,
    lat: float,
    lon: float,
    now: datetime | None = None,
    radius_m: float = NEARBY_RADIUS_M,
    hours: int = NEARBY_HOURS,
    limit: int = NEARBY_MAX,
) -> list[tuple[Report, float]]:
    """Possible duplicates: visible open reports of ``category`` within ``radius_m`` made in the
    last ``hours``, nearest first, with their distance in metres."""
    now = now or timezone.now()
    dlat = radius_m / 111_000
    dlon = radius_m / (111_000 * max(math.cos(math.radians(lat)), 0.01))
    candidates = list(
        reports_public(PublicFilter(category=category, status="open")).filter(
            submitted_at__gte=now - timedelta(hours=hours),
            lat__range=(lat - dlat, lat + dlat),
            lon__range=(lon - dlon, lon + dlon),
        )
    )
    if not candidates:
        return []
    lats = np.array([r.lat for r in candidates], dtype=np.float64)
    lons = np.array([r.lon for r in candidates], dtype=np.float64)
    metres = haversine_km(lat, lon, lats, lons) * 1000
    found = [(r, float(m)) for r, m in zip(candidates, metres, strict=True) if m <= radius_m]
    return sorted(found, key=lambda item: item[1])[:limit]
