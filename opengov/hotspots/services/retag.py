"""Re-tag stored detections after a boundary, zone or risk-place layer changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from opengov.hotspots.models import Detection
from opengov.hotspots.services.aggregates import daily_counts_refresh
from opengov.hotspots.services.tagging import points_tag

_BATCH = 5000
_TAG_FIELDS = (
    "country_code",
    "province_code",
    "district_code",
    "land_use_class",
    "risk_place_id",
    "risk_place_km",
)


@dataclass(frozen=True)
class RetagResult:
    examined: int
    changed: int
    days_refreshed: int


def detections_retag(*, since: date | None = None, until: date | None = None) -> RetagResult:
    """Recompute the tags of the detections (optionally of Thai-time days ``since``…``until``)
    and rebuild the daily counts of every day where a tag changed. Running it twice changes
    nothing the second time."""
    rows = Detection.objects.order_by("id")
    if since is not None:
        rows = rows.filter(acquired_day__gte=since)
    if until is not None:
        rows = rows.filter(acquired_day__lte=until)
    examined = changed = 0
    days: set[date] = set()
    with transaction.atomic():
        last_id = 0
        while True:
            batch = list(rows.filter(id__gt=last_id)[:_BATCH])
            if not batch:
                break
            last_id = batch[-1].pk
            examined += len(batch)
            tags = points_tag([float(d.lat) for d in batch], [float(d.lon) for d in batch])
            dirty = []
            for detection, tag in zip(batch, tags, strict=True):
                new = {name: getattr(tag, name) for name in _TAG_FIELDS}
                if any(getattr(detection, name) != value for name, value in new.items()):
                    for name, value in new.items():
                        setattr(detection, name, value)
                    dirty.append(detection)
                    days.add(detection.acquired_day)
            Detection.objects.bulk_update(dirty, _TAG_FIELDS, batch_size=2000)
            changed += len(dirty)
        daily_counts_refresh(days=days)
    return RetagResult(examined=examined, changed=changed, days_refreshed=len(days))
