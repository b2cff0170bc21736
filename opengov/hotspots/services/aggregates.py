"""Keep :class:`~opengov.hotspots.models.DailyCount` equal to a GROUP BY over the detections."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce

from opengov.hotspots.models import DailyCount, Detection

_DIMENSIONS = (
    "acquired_day",
    "instrument",
    "satellite",
    "country_code",
    "province_code",
    "land_use_class",
    "confident",
)


@transaction.atomic
def daily_counts_refresh(*, days: Iterable[date]) -> int:
    """Rebuild the daily counts of ``days`` from the detections; returns the rows written.
    Idempotent: the same detections always give the same rows."""
    wanted = sorted(set(days))
    if not wanted:
        return 0
    DailyCount.objects.filter(day__in=wanted).delete()
    groups = (
        Detection.objects.filter(acquired_day__in=wanted)
        .order_by()
        .values(*_DIMENSIONS)
        .annotate(count=Count("id"), frp_sum=Coalesce(Sum("frp"), 0.0))
    )
    rows = [
        DailyCount(
            day=group["acquired_day"],
            instrument=group["instrument"],
            satellite=group["satellite"],
            country_code=group["country_code"],
            province_code=group["province_code"],
            land_use_class=group["land_use_class"],
            confident=group["confident"],
            count=group["count"],
            frp_sum=round(float(group["frp_sum"]), 3),
        )
        for group in groups
    ]
    DailyCount.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
