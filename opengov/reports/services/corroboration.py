"""Automatic corroboration: a satellite fire detection within 1 km and ±12 hours of the time seen."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Final

import numpy as np
from django.utils import timezone

from opengov.geo.feature_index import haversine_km
from opengov.hotspots.selectors import DetectionFilter, detections_filter
from opengov.reports.models import Report

RADIUS_KM: Final = 1.0
WINDOW: Final = timedelta(hours=12)
RECHECK_DAYS: Final = 3


def detections_near_count(*, lat: float, lon: float, seen_at: datetime) -> int:
    """Satellite detections (any confidence) within :data:`RADIUS_KM` and ±12 h of ``seen_at``."""
    dlat = RADIUS_KM / 111.0
    dlon = RADIUS_KM / (111.0 * max(math.cos(math.radians(lat)), 0.01))
    rows = detections_filter(
        DetectionFilter(
            start=seen_at - WINDOW,
            end=seen_at + WINDOW,
            bbox=(lon - dlon, lat - dlat, lon + dlon, lat + dlat),
            confidence="all",
        )
    ).values_list("lat", "lon")
    points = np.array([(float(a), float(b)) for a, b in rows], dtype=np.float64)
    if not len(points):
        return 0
    distances = haversine_km(lat, lon, points[:, 0], points[:, 1])
    return int((distances <= RADIUS_KM).sum())


def report_corroborate(*, report: Report) -> int:
    """Store how many detections corroborate ``report`` (none without a location)."""
    count = 0
    if report.lat is not None and report.lon is not None:
        count = detections_near_count(lat=report.lat, lon=report.lon, seen_at=report.seen_at)
    Report.objects.filter(pk=report.pk).update(
        corroborating_detections=count, corroboration_checked_at=timezone.now()
    )
    report.corroborating_detections = count
    return count


def reports_corroborate_recent(*, days: int = RECHECK_DAYS) -> int:
    """Re-check reports seen in the last ``days`` (satellite data arrive hours later); returns
    how many are corroborated now."""
    since = timezone.now() - timedelta(days=days)
    corroborated = 0
    for report in Report.objects.filter(seen_at__gte=since, lat__isnull=False):
        corroborated += int(report_corroborate(report=report) > 0)
    return corroborated
